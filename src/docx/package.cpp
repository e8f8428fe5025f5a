#include "docx/package.hpp"

#include <zip.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::docx {
namespace {

using ZipPtr = core::CHandle<zip_t, zip_discard>;
using ZipSourcePtr = core::CHandle<zip_source_t, zip_source_free>;

constexpr zip_uint32_t kDeflateLevel = 6; // zlib's default: the level only has to be fixed
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest DOS date
constexpr zip_uint16_t kDosTime = 0;                       // 00:00:00

} // namespace

void Package::add(std::string name, std::string bytes) {
  entries_.emplace_back(std::move(name), std::move(bytes));
}

void Package::write(const std::filesystem::path& path) const {
  auto fail = [&](const std::string& why) {
    return core::RuntimeError("cannot write " + path.string() + ": " + why);
  };
  if (entries_.empty()) throw fail("a package needs at least one entry");
  int error = 0;
  ZipPtr zip(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw fail(why);
  }
  for (const auto& [name, bytes] : entries_) {
    // The bytes stay owned by this Package, alive until zip_close() reads them.
    ZipSourcePtr source(zip_source_buffer(zip.get(), bytes.data(), bytes.size(), 0));
    if (!source) throw fail(zip_strerror(zip.get()));
    zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source.get(), ZIP_FL_ENC_UTF_8);
    if (index < 0) throw fail(name + ": " + zip_strerror(zip.get()));
    source.release(); // the archive owns it now
    auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(zip.get(), i, ZIP_CM_DEFLATE, kDeflateLevel) != 0 ||
        zip_file_set_dostime(zip.get(), i, kDosTime, kDosDate, 0) != 0 ||
        zip_file_set_external_attributes(zip.get(), i, 0, ZIP_OPSYS_DOS, 0) != 0)
      throw fail(name + ": " + zip_strerror(zip.get()));
  }
  if (zip_close(zip.get()) != 0) throw fail(zip_strerror(zip.get()));
  zip.release(); // zip_close freed it
}

} // namespace baocao::docx
