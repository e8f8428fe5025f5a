#include "app/signing.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "core/timestamp.hpp"
#include "input/image_probe.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "render/haru/haru_painter.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

/// A temporary file that is removed when it goes (libharu writes only to a path).
class ScratchFile {
public:
  ScratchFile() {
    std::string pattern = (fs::temp_directory_path() / "baocao-appearance-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw core::RuntimeError("cannot make a temporary file in " + pattern);
    close(fd);
    path_ = pattern;
  }
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

} // namespace

bool parse_sign_option(const std::string& a, const std::function<std::string(const char*)>& value,
                       SignRequest& r) {
  if (parse_key_option(a, value, r.key)) {
    // --p12, --pkcs11-module and the rest of the key's options
  } else if (a == "--reason") {
    r.options.reason = value("--reason");
  } else if (a == "--location") {
    r.options.location = value("--location");
  } else if (a == "--subfilter") {
    const std::string v = value("--subfilter");
    if (v == "cades") {
      r.options.sub_filter = sign::SubFilter::cades;
    } else if (v == "pkcs7") {
      r.options.sub_filter = sign::SubFilter::pkcs7;
    } else {
      throw UsageError("--subfilter " + v + ": choose cades or pkcs7");
    }
  } else {
    return false;
  }
  r.given = true;
  return true;
}

std::unique_ptr<sign::Signer> load_signer(const SignRequest& r) {
  return std::make_unique<sign::Signer>(resolve(r.key));
}

std::string paint_appearance(display::Page page, bool pdfa) {
  display::DocumentInfo info;
  info.title = "signature appearance";
  if (!pdfa) {
    std::ostringstream out;
    {
      render::cairo::CairoPdfSink sink(out);
      sink.begin(info);
      sink.page(std::move(page));
      sink.end();
    }
    return out.str();
  }
  ScratchFile file;
  {
    render::haru::HaruOptions options;
    options.pdfa = true;
    render::haru::HaruPdfSink sink(file.path(), options);
    sink.begin(info);
    sink.page(std::move(page));
    sink.end();
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

model::Image signing_image(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw core::InputError({path, 0, 0}, "", "cannot be read",
                           "a PNG (transparent) or JPEG picture of the signature or seal");
  model::Image image;
  try {
    auto header = input::probe_image(in);
    image.format = header.format;
    image.width_px = static_cast<int>(header.width);
    image.height_px = static_cast<int>(header.height);
  } catch (const std::runtime_error& e) {
    throw core::InputError({path, 0, 0}, "", e.what(), "a PNG (transparent) or JPEG picture");
  }
  // The loader's bounds: a picture is decoded whole when painted.
  const auto w = static_cast<unsigned long long>(image.width_px),
             h = static_cast<unsigned long long>(image.height_px);
  if (w == 0 || h == 0 || w > 10000 || h > 10000 || w * h > 40'000'000ull)
    throw core::InputError({path, 0, 0}, "",
                           "is " + std::to_string(w) + "x" + std::to_string(h) + " pixels",
                           "a picture of at most 10000 pixels a side and 40 megapixels");
  image.path = fs::absolute(path).lexically_normal().string();
  return image;
}

std::string iso_vietnam_time(std::time_t when) {
  return core::vietnam_time(when, "%Y-%m-%dT%H:%M:%S+07:00");
}

} // namespace baocao::app
