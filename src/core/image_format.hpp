#pragma once

namespace baocao::core {

/// The picture formats a report may use. `input` reads the format from the
/// file's header; painters load the file by it (they never sniff).
enum class ImageFormat { png, jpeg };

} // namespace baocao::core
