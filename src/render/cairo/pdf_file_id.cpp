#include "render/cairo/pdf_file_id.hpp"

#include <glib.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::render::cairo {
namespace {

// The trailer, startxref and %%EOF take under 200 bytes: holding back 8 KiB
// is plenty, and passing on in 64 KiB pieces keeps the copying cheap.
constexpr size_t kKeep = 8 << 10;
constexpr size_t kFlushAt = 64 << 10;

} // namespace

struct PdfIdWriter::Hash {
  core::CHandle<GChecksum, g_checksum_free> md5{g_checksum_new(G_CHECKSUM_MD5)};
};

PdfIdWriter::PdfIdWriter(Out out) : out_(std::move(out)), hash_(std::make_unique<Hash>()) {}

PdfIdWriter::~PdfIdWriter() = default;

bool PdfIdWriter::write(const unsigned char* data, size_t size) {
  held_.append(reinterpret_cast<const char*>(data), size);
  if (held_.size() < kFlushAt) return true;
  size_t n = held_.size() - kKeep;
  g_checksum_update(hash_->md5.get(), reinterpret_cast<const guchar*>(held_.data()),
                    static_cast<gssize>(n));
  failed_ = failed_ || !out_(held_.data(), n);
  held_.erase(0, n);
  return !failed_;
}

bool PdfIdWriter::finish() {
  // After a refused write Cairo stops writing: there is no trailer to find.
  if (failed_) return false;
  size_t at = held_.rfind("\ntrailer\n");
  size_t open = at == std::string::npos ? at : held_.find("<<", at);
  if (open == std::string::npos)
    throw core::RuntimeError("cairo: the PDF's end has no trailer to add the file ID to");
  g_checksum_update(hash_->md5.get(), reinterpret_cast<const guchar*>(held_.data()),
                    static_cast<gssize>(at));
  std::string hex = g_checksum_get_string(hash_->md5.get());
  held_.insert(open + 2, " /ID [<" + hex + "> <" + hex + ">]\n  ");
  bool ok = out_(held_.data(), held_.size());
  held_.clear();
  return ok;
}

} // namespace baocao::render::cairo
