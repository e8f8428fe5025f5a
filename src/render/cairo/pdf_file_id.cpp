#include "render/cairo/pdf_file_id.hpp"

#include <cstdio>
#include <string>

#include <glib.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::render::cairo {
namespace {

// The trailer, startxref and %%EOF take under 200 bytes: holding back 8 KiB
// is plenty, and passing on in 64 KiB pieces keeps the copying cheap.
constexpr size_t kKeep = 8 << 10;
constexpr size_t kFlushAt = 64 << 10;

/// The number after `key` in `s` from `from` on ("/PageLabels 12 0 R" gives 12), or -1.
long number_after(const std::string& s, const std::string& key, size_t from = 0) {
  size_t at = s.find(key, from);
  if (at == std::string::npos) return -1;
  at += key.size();
  while (at < s.size() && s[at] == ' ') ++at;
  size_t end = at;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  return end == at ? -1 : std::stol(s.substr(at, end - at));
}

/// See PdfIdWriter::finish(). `tail` holds the file from byte `base` to its
/// end, as Cairo 1.16 writes it (one cross-reference table of 20-byte entries).
void complete_page_labels(std::string& tail, size_t base) {
  size_t catalog = tail.rfind("/Type /Catalog");
  if (catalog == std::string::npos) return;
  long labels = number_after(tail, "/PageLabels", catalog);
  if (labels < 0) return;
  size_t object = tail.find("\n" + std::to_string(labels) + " 0 obj\n");
  size_t nums = object == std::string::npos ? object : tail.find("/Nums [", object);
  if (nums == std::string::npos) return;
  size_t at = nums + 7;
  size_t first = tail.find_first_not_of(" \n", at);
  if (first == std::string::npos || tail.compare(first, 2, "0 ") == 0) return;
  const std::string range = "\n   0 << /S /D /St 1 >>";
  tail.insert(at, range);
  size_t moved = base + at; // objects starting after this move by range.size()
  size_t xref = tail.rfind("\nxref\n");
  if (xref == std::string::npos || xref < at)
    throw core::RuntimeError("cairo: the PDF's end has no cross-reference table after its labels");
  size_t line = xref + 6;
  while (line < tail.size() && tail.compare(line, 7, "trailer") != 0) {
    size_t eol = tail.find('\n', line);
    if (eol == std::string::npos) break;
    if (eol - line >= 18 && tail[line + 17] == 'n') { // "oooooooooo ggggg n"
      size_t offset = std::stoul(tail.substr(line, 10));
      if (offset > moved) {
        char digits[16];
        std::snprintf(digits, sizeof digits, "%010zu", offset + range.size());
        tail.replace(line, 10, digits);
      }
    }
    line = eol + 1;
  }
  size_t start = tail.rfind("startxref\n");
  long value = start == std::string::npos ? -1 : number_after(tail, "startxref\n", start);
  if (value < 0) throw core::RuntimeError("cairo: the PDF's end has no startxref");
  size_t digits_at = start + 10;
  size_t digits_end = tail.find('\n', digits_at);
  tail.replace(digits_at, digits_end - digits_at,
               std::to_string(static_cast<size_t>(value) + range.size()));
}

} // namespace

struct PdfIdWriter::Hash {
  core::CHandle<GChecksum, g_checksum_free> md5{g_checksum_new(G_CHECKSUM_MD5)};
};

PdfIdWriter::PdfIdWriter(Out out) : out_(std::move(out)), hash_(std::make_unique<Hash>()) {}

PdfIdWriter::~PdfIdWriter() = default;

bool PdfIdWriter::write(const unsigned char* data, size_t size) {
  held_.append(reinterpret_cast<const char*>(data), size);
  if (hold_all_ || held_.size() < kFlushAt) return true;
  size_t n = held_.size() - kKeep;
  g_checksum_update(hash_->md5.get(), reinterpret_cast<const guchar*>(held_.data()),
                    static_cast<gssize>(n));
  failed_ = failed_ || !out_(held_.data(), n);
  held_.erase(0, n);
  passed_ += n;
  return !failed_;
}

bool PdfIdWriter::finish() {
  // After a refused write Cairo stops writing: there is no trailer to find.
  if (failed_) return false;
  if (hold_all_) complete_page_labels(held_, passed_);
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
