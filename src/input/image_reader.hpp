#pragma once
// Reads picture files a report names (signature, seal, image blocks) and the
// `image` block: the path rules, the size bounds, the format from the file.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "input/report_files.hpp"
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// Pictures a report reads (docs/limits.md): a 10000x4000 PNG is already a
/// 600 dpi A4 scan; the painters decode the whole image into memory.
struct ImageLimits {
  static constexpr std::uintmax_t max_bytes = 20u << 20;
  static constexpr std::uint32_t max_side = 10000;
  static constexpr std::uint64_t max_pixels = 40000000;
};

/// Reads image files named relative to the report's folder: each must exist,
/// lie where the report's files may (ReportFiles), and be of a sane size; its
/// format and size come from its content. Every file read is listed as read.
class ImageFiles {
public:
  /// `files`: where a report's files may lie, and the list of those read.
  explicit ImageFiles(const ReportFiles& files) : files_(files) {}

  /// The picture named by the scalar `node`: PNG or JPEG, and SVG when
  /// `svg_allowed` (a signature or seal stays a bitmap: it is a scan).
  model::Image read(const Tree& node, bool svg_allowed) const;

private:
  const ReportFiles& files_;
};

/// The block under a body block's `image` key; `block` is the block itself.
model::ImageBlock read_image_block(const Tree& value, const Tree& block, const ImageFiles& files);

} // namespace baocao::input
