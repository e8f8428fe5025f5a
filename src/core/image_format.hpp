#pragma once

namespace baocao::core {

/// The picture formats a report may use. `input` reads the format from the
/// file's header; painters load the file by it (they never sniff). An SVG is
/// drawn as vectors where the painter can (Cairo), rasterised where not.
enum class ImageFormat { png, jpeg, svg };

} // namespace baocao::core
