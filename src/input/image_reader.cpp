#include "input/image_reader.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "input/image_probe.hpp"
#include "input/loader_util.hpp"
#include "input/report_schema.hpp"
#include "input/table_reader.hpp"

namespace baocao::input {

model::Image ImageFiles::read(const Tree& node, bool svg_allowed) const {
  namespace fs = std::filesystem;
  const std::string kinds = svg_allowed ? "a PNG, JPEG or SVG file" : "a PNG or JPEG file";
  const std::string expected = "a path to " + kinds + ", relative to the report's folder";
  fs::path p = files_.find(node, "an image", expected);
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec || size > ImageLimits::max_bytes)
    fail(node, p.string() + " is larger than 20 MiB", "a smaller " + kinds.substr(2));
  std::ifstream in(p, std::ios::binary);
  ImageHeader header;
  try {
    header = probe_image(in);
  } catch (const std::runtime_error& e) {
    // Not a PNG or JPEG: an SVG is XML, read whole (at most 20 MiB, above).
    in.clear();
    in.seekg(0);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!svg_allowed || !looks_like_svg(bytes)) {
      fail(node, p.string() + " " + e.what(),
           svg_allowed ? "a PNG file, a baseline or progressive JPEG in RGB or greyscale, or an "
                         "SVG file"
                       : "a PNG file, or a baseline or progressive JPEG in RGB or greyscale");
    }
    try {
      header = probe_svg(bytes);
    } catch (const std::runtime_error& svg_error) {
      fail(node, p.string() + " " + svg_error.what(),
           "a well-formed SVG file with a width and height or a viewBox");
    }
  }
  auto [w, h] = std::pair{header.width, header.height};
  if (w == 0 || h == 0 || w > ImageLimits::max_side || h > ImageLimits::max_side ||
      std::uint64_t{w} * h > ImageLimits::max_pixels) {
    fail(node, p.string() + " is " + std::to_string(w) + "x" + std::to_string(h) + " pixels",
         "an image of at most 10000 pixels a side and 40 megapixels");
  }
  std::string path = p.lexically_normal().string();
  files_.note(p, "an image the report draws");
  return model::Image{path, header.format, static_cast<int>(w), static_cast<int>(h), node.where};
}

model::ImageBlock read_image_block(const Tree& value, const Tree& block, const ImageFiles& files) {
  model::ImageBlock b;
  b.where = block.where;
  // `image: photo.jpg`, or a mapping with the file and its options.
  if (value.kind == Tree::Kind::scalar) {
    b.image = files.read(value, true);
    return b;
  }
  Mapping m(value, schema::keys_of("image_block"),
            "a file path, or a mapping {file: path, width: \"80%\" or \"120mm\", align: "
            "left|center|right, caption: text, alt: text}");
  b.image = files.read(m.need("file", "a path to a PNG, JPEG or SVG file"), true);
  if (const Tree* t = m.find("width")) b.width = column_width(*t);
  if (const Tree* t = m.find("align")) {
    std::string a = choice(*t, schema::values_of("image_block", "align"));
    b.align = a == "left"    ? model::ImageAlign::left
              : a == "right" ? model::ImageAlign::right
                             : model::ImageAlign::center;
  }
  b.caption = optional_text(m, "caption");
  b.alt = optional_text(m, "alt");
  return b;
}

} // namespace baocao::input
