#include "sign/verify.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "sign/pdf_strings.hpp"

namespace baocao::sign {
namespace {

// Bounds on what a file can make verify read: a signature is a few KB.
constexpr size_t kMaxContentsHex = 2u << 20; // 1 MB of signature, as hex digits
constexpr int kMaxFieldDepth = 32;
constexpr size_t kMaxFields = 10000;
constexpr size_t kMaxFieldBytes = 64u << 20; // of field objects read (they may overlap)
// Each signature is checked over the whole file: this bounds the hashing.
constexpr size_t kMaxSignatures = 32;

[[noreturn]] void bad(const std::string& name, const std::string& problem) {
  throw core::InputError({name, 0, 0}, "", problem, "a signed PDF with cross-reference tables");
}

bool is_white(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/// One past "%%EOF" and its end of line when they follow the number after
/// "startxref" at `at`; nothing otherwise.
std::optional<size_t> eof_after_startxref(const std::string& b, size_t at) {
  size_t i = at + 9;
  while (i < b.size() && is_white(b[i])) ++i;
  size_t digits = i;
  while (i < b.size() && b[i] >= '0' && b[i] <= '9') ++i;
  if (i == digits) return std::nullopt;
  while (i < b.size() && is_white(b[i])) ++i;
  if (b.compare(i, 5, "%%EOF") != 0) return std::nullopt;
  i += 5;
  if (i < b.size() && b[i] == '\r') ++i;
  if (i < b.size() && b[i] == '\n') ++i;
  return i;
}

/// Where the value of object `number` starts in the file (its text is `text`).
size_t value_offset(const PdfFile& pdf, int number, const std::string& text,
                    const std::string& name) {
  const std::string& b = pdf.bytes;
  size_t i = b.find("obj", pdf.offsets.at(number));
  if (i != std::string::npos) i += 3;
  for (; i < b.size(); ++i) { // spaces and comments, as object_text skips them
    if (b[i] == '%') {
      while (i < b.size() && b[i] != '\n' && b[i] != '\r') ++i;
    } else if (!is_white(b[i])) {
      break;
    }
  }
  if (i >= b.size() || b.compare(i, text.size(), text) != 0)
    bad(name, "object " + std::to_string(number) + " is not where the table says");
  return i;
}

/// A signature dictionary as found through its field.
struct Found {
  std::string field;
  std::string dict;
  size_t at = 0; ///< the dictionary's offset in the file
};

/// Walks the form's fields (/Kids below them, names joined with '.', /FT
/// inherited) and collects the signed signature fields and the empty ones.
class FieldWalk {
public:
  FieldWalk(const PdfFile& pdf, const std::string& name) : pdf_(pdf), name_(name) {}

  void field(int number, const std::string& parent, const std::string& parent_type, int depth) {
    if (number <= 0 || depth > kMaxFieldDepth || seen_.size() >= kMaxFields) return;
    if (!seen_.insert(number).second) return; // a loop of /Kids
    const std::string text = object(number);
    std::string full = parent;
    auto t = dict_get(text, "/T");
    if (auto bytes = t ? string_bytes(*t) : std::nullopt) {
      full = parent.empty() ? text_utf8(*bytes) : parent + "." + text_utf8(*bytes);
    }
    const std::string type = dict_get(text, "/FT").value_or(parent_type);
    if (type == "/Sig") {
      if (auto v = dict_value_span(text, "/V")) {
        std::string value = text.substr(v->first, v->second - v->first);
        if (int sig = ref_number(value)) {
          std::string dict = object(sig);
          add({full, dict, value_offset(pdf_, sig, dict, name_)});
        } else {
          add({full, value, value_offset(pdf_, number, text, name_) + v->first});
        }
      } else if (t) {
        empty.push_back(full);
      }
    }
    for (const auto& kid : array_items(resolve(dict_get(text, "/Kids").value_or("[]"))))
      field(ref_number(kid), full, type, depth + 1);
  }

  /// An indirect value's object text, or the value itself.
  std::string resolve(const std::string& value) {
    int n = ref_number(value);
    return n ? object(n) : value;
  }

  std::vector<Found> found;
  std::vector<std::string> empty;

private:
  /// Object `n`'s text. Objects may overlap in a hostile file, so what all
  /// of them read together is bounded.
  std::string object(int n) {
    std::string text = object_text(pdf_, n, name_);
    if ((read_ += text.size()) > kMaxFieldBytes)
      bad(name_, "its form fields are over 64 MB, more than verify reads");
    return text;
  }

  void add(Found f) {
    for (const auto& g : found)
      if (g.at == f.at) return; // two widgets of one field
    found.push_back(std::move(f));
  }

  const PdfFile& pdf_;
  const std::string& name_;
  std::set<int> seen_;
  size_t read_ = 0;
};

SignatureCheck check_one(const PdfFile& pdf, const Found& f, const std::vector<size_t>& ends,
                         const TrustedRoots* roots) {
  SignatureCheck s;
  s.field = f.field;
  s.sub_filter = dict_get(f.dict, "/SubFilter").value_or("");
  if (!s.sub_filter.empty() && s.sub_filter[0] == '/') s.sub_filter.erase(0, 1);
  if (auto m = dict_get(f.dict, "/M")) {
    if (auto bytes = string_bytes(*m)) s.modified = pdf_date(*bytes);
  }
  const auto revision = std::upper_bound(ends.begin(), ends.end(), f.at);
  s.revision = static_cast<int>(revision - ends.begin()) + 1;

  auto contents = dict_value_span(f.dict, "/Contents");
  if (!contents) {
    s.unchecked = "the signature dictionary has no /Contents";
    return s;
  }
  const std::pair<size_t, size_t> hole{f.at + contents->first, f.at + contents->second};
  const std::string_view text =
      std::string_view(f.dict).substr(contents->first, contents->second - contents->first);
  std::optional<std::string> der;
  if (text.size() > kMaxContentsHex + 2) {
    s.unchecked = "its /Contents is over 1 MB, more than any signature needs";
  } else if (text.empty() || text[0] != '<' || !(der = string_bytes(text))) {
    s.unchecked = "its /Contents is not a hex string";
  }

  auto range_value = dict_get(f.dict, "/ByteRange");
  auto range = range_value ? parse_byte_range(*range_value, pdf.bytes.size()) : std::nullopt;
  if (!range) {
    s.range_problem = range_value ? "it is not four whole numbers giving two ranges within the file"
                                  : "the signature dictionary has no /ByteRange";
    if (s.unchecked.empty()) s.unchecked = "its byte range cannot be read";
    return s;
  }
  s.range_read = true;
  s.range_problem = revision == ends.end() ? "its dictionary is after the last %%EOF"
                                           : byte_range_problem(*range, hole, *revision);
  if (!s.unchecked.empty()) return s;
  const std::string_view b = pdf.bytes;
  s.cms = check_cms(*der, {b.substr((*range)[0], (*range)[1]), b.substr((*range)[2], (*range)[3])},
                    roots);
  if (!s.cms.unreadable.empty()) s.unchecked = s.cms.unreadable;
  return s;
}

/// "revision 3 of 3 is not signed", "revisions 3 to 4 of 4 are not signed".
std::string unsigned_revisions(int last_signed, int revisions) {
  if (last_signed + 1 == revisions)
    return "revision " + std::to_string(revisions) + " of " + std::to_string(revisions) +
           " is not signed";
  return "revisions " + std::to_string(last_signed + 1) + " to " + std::to_string(revisions) +
         " of " + std::to_string(revisions) + " are not signed";
}

} // namespace

std::optional<std::time_t> SignatureCheck::signed_at() const {
  return cms.signing_time ? cms.signing_time : modified;
}

std::optional<bool> SignatureCheck::valid_when_signed() const {
  auto t = signed_at();
  if (!t || !cms.has_certificate) return std::nullopt;
  return cms.not_before <= *t && *t <= cms.not_after;
}

std::vector<std::string> SignatureCheck::problems() const {
  std::vector<std::string> out;
  if (!range_problem.empty()) out.push_back("the byte range does not cover its revision");
  if (!unchecked.empty()) {
    out.push_back(unchecked);
    return out;
  }
  if (cms.digest_matches == false) {
    out.push_back("digest mismatch");
  } else if (!cms.has_certificate) {
    out.push_back("the signer's certificate is not in the signature");
  } else if (!cms.signature_verifies) {
    out.push_back("the signature does not verify (" + cms.verify_problem + ")");
  }
  if (valid_when_signed() == false) out.push_back("the certificate was not valid when signed");
  if (cms.chain_trusted == false) out.push_back("chain not trusted (" + cms.chain_problem + ")");
  return out;
}

bool SignatureCheck::intact() const {
  return range_problem.empty() && unchecked.empty() && cms.digest_matches != false &&
         cms.has_certificate && cms.signature_verifies;
}

bool Verification::accepted() const {
  if (signatures.empty() || !changed_after.empty()) return false;
  return std::all_of(signatures.begin(), signatures.end(),
                     [](const SignatureCheck& s) { return s.problems().empty(); });
}

std::vector<size_t> revision_ends(const PdfFile& pdf, const std::string& name) {
  std::vector<size_t> sections = pdf.sections;
  std::sort(sections.begin(), sections.end());
  sections.erase(std::unique(sections.begin(), sections.end()), sections.end());
  std::vector<size_t> ends;
  const std::string_view b = pdf.bytes;
  for (size_t k = 0; k < sections.size(); ++k) {
    // A table and its trailer are text, so the next "startxref" is this
    // section's, and it comes before the next revision's section: each byte
    // is searched once.
    const size_t limit = k + 1 < sections.size() ? sections[k + 1] : b.size();
    const size_t sx = b.substr(0, limit).find("startxref", sections[k]);
    auto end = sx == std::string::npos ? std::nullopt : eof_after_startxref(pdf.bytes, sx);
    if (!end)
      bad(name, "the cross-reference table at byte " + std::to_string(sections[k]) +
                    " is not followed by startxref and %%EOF");
    ends.push_back(*end);
  }
  return ends;
}

std::optional<std::array<size_t, 4>> parse_byte_range(std::string_view v, size_t file_size) {
  std::array<size_t, 4> r{};
  size_t i = 0;
  auto space = [&] {
    while (i < v.size() && is_white(v[i])) ++i;
  };
  space();
  if (i >= v.size() || v[i] != '[') return std::nullopt;
  ++i;
  for (size_t& n : r) {
    space();
    size_t start = i;
    n = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i - start < 16)
      n = n * 10 + static_cast<size_t>(v[i++] - '0');
    if (i == start || (i < v.size() && !is_white(v[i]) && v[i] != ']')) return std::nullopt;
  }
  space();
  if (i >= v.size() || v[i] != ']') return std::nullopt;
  space();
  // Each number is at most 16 digits, so these sums cannot overflow.
  if (r[0] + r[1] > file_size || r[2] + r[3] > file_size || r[0] + r[1] > r[2]) return std::nullopt;
  return r;
}

std::string byte_range_problem(const std::array<size_t, 4>& r, std::pair<size_t, size_t> hole,
                               size_t revision_end) {
  auto n = [](size_t x) { return std::to_string(x); };
  if (r[0] != 0) return "it starts at byte " + n(r[0]) + ", not at the file's first byte";
  if (r[1] != hole.first || r[2] != hole.second)
    return "its gap (bytes " + n(r[1]) + " to " + n(r[2]) +
           ") is not the /Contents string (bytes " + n(hole.first) + " to " + n(hole.second) + ")";
  const size_t end = r[2] + r[3];
  if (end < revision_end)
    return "it stops at byte " + n(end) + ", before the end of its revision (byte " +
           n(revision_end) + ")";
  if (end > revision_end)
    return "it runs to byte " + n(end) + ", past the end of its revision (byte " + n(revision_end) +
           ")";
  return "";
}

Verification verify_pdf(std::string bytes, const std::string& name, const TrustedRoots* roots) {
  // Bytes appended after the last %%EOF are read as a change after the last
  // revision, not as a damaged file: the PDF is what comes before them.
  size_t cut = bytes.size();
  if (size_t sx = bytes.rfind("startxref"); sx != std::string::npos) {
    if (auto end = eof_after_startxref(bytes, sx)) cut = *end;
  }
  const size_t trailing = bytes.size() - cut;
  bytes.resize(cut);
  PdfFile pdf;
  try {
    pdf = read_pdf(std::move(bytes), name);
  } catch (const core::InputError& e) {
    throw core::InputError(e.where(), "", e.problem(), "a signed PDF with cross-reference tables");
  }
  const std::vector<size_t> ends = revision_ends(pdf, name);

  FieldWalk walk(pdf, name);
  const std::string catalog = object_text(pdf, ref_number(*dict_get(pdf.trailer, "/Root")), name);
  if (auto form = dict_get(catalog, "/AcroForm")) {
    for (const auto& f :
         array_items(walk.resolve(dict_get(walk.resolve(*form), "/Fields").value_or("[]"))))
      walk.field(ref_number(f), "", "", 0);
  }
  if (walk.found.empty())
    throw core::InputError({name, 0, 0}, "",
                           walk.empty.empty() ? "it has no digital signature"
                                              : "its signature fields are empty (not signed)",
                           "a signed PDF (baocao sign adds a signature)");
  if (walk.found.size() > kMaxSignatures)
    bad(name, "it has " + std::to_string(walk.found.size()) + " signatures, more than the " +
                  std::to_string(kMaxSignatures) + " verify checks");
  std::sort(walk.found.begin(), walk.found.end(),
            [](const Found& a, const Found& b) { return a.at < b.at; });

  Verification v;
  v.revisions = static_cast<int>(ends.size());
  v.empty_fields = walk.empty;
  int last_signed = 0;
  for (const Found& f : walk.found) {
    v.signatures.push_back(check_one(pdf, f, ends, roots));
    const SignatureCheck& s = v.signatures.back();
    if (s.range_read && s.range_problem.empty()) last_signed = std::max(last_signed, s.revision);
  }
  std::vector<std::string> changes;
  if (last_signed > 0 && last_signed < v.revisions)
    changes.push_back(unsigned_revisions(last_signed, v.revisions));
  if (trailing > 0)
    changes.push_back(std::to_string(trailing) + " bytes after the end of revision " +
                      std::to_string(v.revisions));
  for (const auto& c : changes) v.changed_after += (v.changed_after.empty() ? "" : "; ") + c;
  return v;
}

} // namespace baocao::sign
