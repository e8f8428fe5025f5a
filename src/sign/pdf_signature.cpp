#include "sign/pdf_signature.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/timestamp.hpp"
#include "sign/pdf_form.hpp"
#include "sign/pdf_objects.hpp"
#include "sign/pdf_update.hpp"

namespace baocao::sign {
namespace {

constexpr size_t kContentsBytes = 16384; // room for the CMS: a key, a chain of a few certificates
constexpr const char* kRangeHole = "[0 0000000000 0000000000 0000000000]";

/// "D:20261204214000+07'00'": Vietnam's time, as Decree 30 dates a signature.
std::string pdf_date(std::time_t t) {
  return core::vietnam_time(t, "D:%Y%m%d%H%M%S+07'00'");
}

[[noreturn]] void refuse(const std::string& name, const std::string& problem,
                         const std::string& expected) {
  throw core::InputError({name, 0, 0}, "", problem, expected);
}

std::string field_names(const PdfFacts& facts) {
  std::string out;
  for (const auto& f : facts.fields) out += (out.empty() ? "" : ", ") + f.name;
  return out.empty() ? "none" : out;
}

/// A widget merged with its field, printed (PDF/A asks for the print flag).
std::string widget_dict(const std::string& field_name, const std::string& rect, int page,
                        int appearance) {
  return "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + text_string(field_name) +
         " /F 4 /Rect " + rect + " /P " + ref(page) + " /AP << /N " + ref(appearance) + " >> >>";
}

/// The facts of a file already read: signing reads its pages and fields once.
PdfFacts facts_of(const PdfFile& pdf, const std::vector<PdfPage>& pages,
                  const std::vector<PdfField>& fields, const std::string& name) {
  PdfFacts facts;
  for (const auto& p : pages) facts.pages.push_back(p.size);
  for (const auto& f : fields) facts.fields.push_back({f.name, f.page, f.rect, f.is_signed});
  std::string catalog = object_text(pdf, ref_number(*dict_get(pdf.trailer, "/Root")), name);
  facts.pdfa = dict_get(catalog, "/OutputIntents").has_value();
  return facts;
}

} // namespace

PdfFacts inspect_pdf(const std::string& bytes, const std::string& name) {
  PdfFile pdf = read_pdf(bytes, name);
  return facts_of(pdf, pdf_pages(pdf, name), signature_fields(pdf, name), name);
}

std::optional<PdfFacts::Field> field_to_sign(const PdfFacts& facts, const SignOptions& options,
                                             const std::string& name) {
  if (options.new_field) {
    for (const auto& f : facts.fields)
      if (f.name == options.new_field->name)
        refuse(name, "it has a field named " + f.name + " already",
               "another name for the new signature");
    return std::nullopt;
  }
  if (!options.field.empty()) {
    for (const auto& f : facts.fields) {
      if (f.name != options.field) continue;
      if (f.is_signed)
        refuse(name, "its field " + f.name + " is signed already",
               "an unsigned field (fields: " + field_names(facts) + ")");
      return f;
    }
    refuse(name, "it has no signature field named " + options.field,
           "one of its fields: " + field_names(facts));
  }
  for (const auto& f : facts.fields)
    if (!f.is_signed) return f;
  return std::nullopt;
}

std::string sign_pdf(const std::string& bytes, const std::string& name, const Signer& signer,
                     const SignOptions& options) {
  PdfFile pdf = read_pdf(bytes, name);
  const std::vector<PdfPage> pages = pdf_pages(pdf, name);
  const std::vector<PdfField> fields = signature_fields(pdf, name);
  const auto target = field_to_sign(facts_of(pdf, pages, fields, name), options, name);
  PdfUpdate update(pdf);

  const int sig = update.reserve();
  core::Size size;
  if (target) {
    size = {target->rect.width, target->rect.height};
  } else if (options.new_field) {
    size = {options.new_field->rect.width, options.new_field->rect.height};
  }
  const int appearance = options.appearance.empty() ? empty_form(update, size)
                                                    : import_page(update, options.appearance);
  if (target) {
    // The empty field the build wrote takes the signature and its appearance.
    int field = 0;
    for (const auto& f : fields)
      if (f.name == target->name && !f.is_signed) field = f.object;
    std::string dict = update.get(field, name);
    dict = dict_set(dict, "/V", ref(sig));
    dict = dict_set(dict, "/AP", "<< /N " + ref(appearance) + " >>");
    update.set(field, dict);
    set_sig_flags(update, pdf, 3, name);
  } else {
    std::string field_name = "Signature" + std::to_string(fields.size() + 1);
    int page = pages.back().object;
    std::string rect = "[0 0 0 0]";
    if (options.new_field) {
      const auto& p = *options.new_field;
      if (p.page < 0 || static_cast<size_t>(p.page) >= pages.size())
        refuse(name, "it has no page " + std::to_string(p.page + 1), "a page of the document");
      field_name = p.name;
      page = pages[static_cast<size_t>(p.page)].object;
      rect = pdf_rect(p.rect, pages[static_cast<size_t>(p.page)].size.height);
    }
    const int widget = update.reserve();
    std::string dict = widget_dict(field_name, rect, page, appearance);
    update.set(widget, dict_set(dict, "/V", ref(sig)));
    add_field(update, pdf, page, widget, 3, name);
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
  update.set(sig, sig_dict);

  PdfUpdate::Written written = update.write();
  std::string& out = written.bytes;
  // The byte range: everything but the /Contents hex string, its < and > included.
  const size_t sig_at = written.offsets.at(sig);
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

std::string add_signature_fields(const std::string& bytes, const std::string& name,
                                 const std::vector<FieldPlacement>& fields) {
  PdfFile pdf = read_pdf(bytes, name);
  const std::vector<PdfPage> pages = pdf_pages(pdf, name);
  PdfUpdate update(pdf);
  for (const auto& f : fields) {
    if (f.page < 0 || static_cast<size_t>(f.page) >= pages.size())
      throw core::RuntimeError("a signature field on page " + std::to_string(f.page + 1) +
                               " of a " + std::to_string(pages.size()) + "-page document");
    const PdfPage& page = pages[static_cast<size_t>(f.page)];
    const int widget = update.reserve();
    const int appearance = empty_form(update, {f.rect.width, f.rect.height});
    update.set(widget,
               widget_dict(f.name, pdf_rect(f.rect, page.size.height), page.object, appearance));
    // SignaturesExist; AppendOnly comes with the first signature.
    add_field(update, pdf, page.object, widget, 1, name);
  }
  return update.write().bytes;
}

} // namespace baocao::sign
