#include "sign/pdf_signature.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "core/error.hpp"
#include "sign/pdf_objects.hpp"

namespace baocao::sign {
namespace {

constexpr size_t kContentsBytes = 16384; // room for the CMS: a key, a chain of a few certificates
constexpr const char* kRangeHole = "[0 0000000000 0000000000 0000000000]";

std::string ref(int n) {
  return std::to_string(n) + " 0 R";
}

/// "D:20261204214000+07'00'", local time with its offset (Vietnam: +07'00').
std::string pdf_date(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char date[32], zone[8];
  std::strftime(date, sizeof date, "D:%Y%m%d%H%M%S", &tm);
  std::strftime(zone, sizeof zone, "%z", &tm); // +0700
  std::string z = zone;
  if (z.size() == 5) return std::string(date) + z.substr(0, 3) + "'" + z.substr(3) + "'";
  return std::string(date) + "Z";
}

void collect_pages(const PdfFile& pdf, int node, const std::string& name, std::vector<int>& out,
                   int depth) {
  if (depth > 64 || out.size() > 1000000)
    throw core::InputError({name, 0, 0}, "", "a page tree too deep", "a PDF that baocao wrote");
  std::string dict = object_text(pdf, node, name);
  auto kids = dict_get(dict, "/Kids");
  if (!kids) {
    out.push_back(node);
    return;
  }
  for (const auto& k : array_items(*kids)) {
    int n = ref_number(k);
    if (n > 0) collect_pages(pdf, n, name, out, depth + 1);
  }
}

std::string with_item(const std::string& array, const std::string& item) {
  std::string out = "[";
  for (const auto& i : array_items(array)) out += i + " ";
  return out + item + "]";
}

} // namespace

std::string sign_pdf(const std::string& bytes, const std::string& name, const Signer& signer,
                     const SignOptions& options) {
  PdfFile pdf = read_pdf(bytes, name);
  auto bad = [&](const std::string& problem) {
    throw core::InputError({name, 0, 0}, "", problem, "a PDF that baocao wrote");
  };
  const int root = ref_number(*dict_get(pdf.trailer, "/Root"));
  std::string catalog = object_text(pdf, root, name);
  const int pages_root = ref_number(dict_get(catalog, "/Pages").value_or(""));
  if (pages_root == 0) bad("the catalog has no /Pages");
  std::vector<int> pages;
  collect_pages(pdf, pages_root, name, pages, 0);
  if (pages.empty()) bad("it has no pages");
  const int page_number = pages.back();
  std::string page = object_text(pdf, page_number, name);

  int next = pdf.size;
  const int sig = next++, widget = next++, appearance = next++;
  std::map<int, std::string> objects; // number -> text, written in this update

  // The form: the catalog's /AcroForm, inline or indirect, gets the field.
  size_t fields_before = 0;
  auto add_field = [&](std::string form) {
    std::string fields = dict_get(form, "/Fields").value_or("[]");
    if (int n = ref_number(fields)) fields = object_text(pdf, n, name);
    fields_before = array_items(fields).size();
    form = dict_set(form, "/Fields", with_item(fields, ref(widget)));
    return dict_set(form, "/SigFlags", "3");
  };
  auto form = dict_get(catalog, "/AcroForm");
  if (form && ref_number(*form)) {
    int n = ref_number(*form);
    objects[n] = add_field(object_text(pdf, n, name));
  } else if (form) {
    catalog = dict_set(catalog, "/AcroForm", add_field(*form));
    objects[root] = catalog;
  } else {
    const int n = next++;
    objects[n] = add_field("<< >>");
    objects[root] = dict_set(catalog, "/AcroForm", ref(n));
  }
  // The page lists the widget among its annotations.
  auto annots = dict_get(page, "/Annots");
  if (annots && ref_number(*annots)) {
    int n = ref_number(*annots);
    objects[n] = with_item(object_text(pdf, n, name), ref(widget));
  } else {
    objects[page_number] = dict_set(page, "/Annots", with_item(annots.value_or("[]"), ref(widget)));
  }

  const std::time_t when = options.when ? options.when : std::time(nullptr);
  std::string sig_dict = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter ";
  sig_dict +=
      options.sub_filter == SubFilter::cades ? "/ETSI.CAdES.detached" : "/adbe.pkcs7.detached";
  sig_dict += std::string(" /ByteRange ") + kRangeHole + " /Contents <" +
              std::string(kContentsBytes * 2, '0') + ">";
  sig_dict += " /M (" + pdf_date(when) + ")";
  if (auto cn = signer.common_name(); !cn.empty()) sig_dict += " /Name " + text_string(cn);
  if (!options.reason.empty()) sig_dict += " /Reason " + text_string(options.reason);
  if (!options.location.empty()) sig_dict += " /Location " + text_string(options.location);
  sig_dict += " >>";
  objects[sig] = sig_dict;
  objects[widget] = "<< /Type /Annot /Subtype /Widget /FT /Sig /T " +
                    text_string("Signature" + std::to_string(fields_before + 1)) + " /V " +
                    ref(sig) + " /F 132 /Rect [0 0 0 0] /P " + ref(page_number) + " /AP << /N " +
                    ref(appearance) + " >> >>";
  objects[appearance] =
      "<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] /Length 0 >>\nstream\n\nendstream";

  std::string out = bytes;
  if (out.back() != '\n') out += '\n';
  std::map<int, size_t> offsets;
  for (const auto& [n, text] : objects) {
    offsets[n] = out.size();
    out += std::to_string(n) + " 0 obj\n" + text + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n";
  char entry[32];
  for (auto it = offsets.begin(); it != offsets.end();) {
    auto run_end = it;
    int count = 0;
    while (run_end != offsets.end() && run_end->first == it->first + count) {
      ++run_end;
      ++count;
    }
    out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
    for (; it != run_end; ++it) {
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", it->second);
      out += entry;
    }
  }
  std::string trailer =
      "<< /Size " + std::to_string(std::max(next, pdf.size)) + " /Root " + ref(root);
  if (auto info = dict_get(pdf.trailer, "/Info")) trailer += " /Info " + *info;
  if (auto id = dict_get(pdf.trailer, "/ID")) trailer += " /ID " + *id;
  trailer += " /Prev " + std::to_string(pdf.startxref) + " >>";
  out += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";

  // The byte range: everything but the /Contents hex string, its < and > included.
  const size_t sig_at = offsets[sig];
  const size_t hole = out.find("/Contents <", sig_at) + 10;
  const size_t hole_end = hole + kContentsBytes * 2 + 2;
  char range[64];
  std::snprintf(range, sizeof range, "[0 %zu %zu %zu", hole, hole_end, out.size() - hole_end);
  std::string r = range;
  const std::string placeholder = kRangeHole;
  r += std::string(placeholder.size() - 1 - r.size(), ' ') + "]";
  out.replace(out.find(placeholder, sig_at), placeholder.size(), r);
  std::string signed_data = out.substr(0, hole) + out.substr(hole_end);
  std::string cms = signer.sign(signed_data, options.sub_filter);
  if (cms.size() > kContentsBytes)
    throw core::RuntimeError("the signature (" + std::to_string(cms.size()) +
                             " bytes) does not fit the room kept for it; a certificate chain "
                             "this long is not supported");
  static const char* digits = "0123456789ABCDEF";
  for (size_t i = 0; i < cms.size(); ++i) {
    auto c = static_cast<unsigned char>(cms[i]);
    out[hole + 1 + 2 * i] = digits[c >> 4];
    out[hole + 2 + 2 * i] = digits[c & 15];
  }
  return out;
}

} // namespace baocao::sign
