#include "sign/pdf_form.hpp"

#include <cstdio>
#include <deque>
#include <map>
#include <set>

#include "core/error.hpp"
#include "sign/pdf_strings.hpp"

namespace baocao::sign {
namespace {

[[noreturn]] void bad(const std::string& name, const std::string& problem) {
  throw core::InputError({name, 0, 0}, "", problem, "a PDF that baocao wrote");
}

int catalog_object(const PdfFile& pdf) {
  return ref_number(dict_get(pdf.trailer, "/Root").value_or(""));
}

/// A value that may be a reference: the referred object's text.
std::string resolve(const PdfFile& pdf, const std::string& value, const std::string& name) {
  if (int n = ref_number(value)) return object_text(pdf, n, name);
  return value;
}

std::vector<double> numbers(const std::string& array) {
  std::vector<double> out;
  for (const auto& item : array_items(array))
    if (auto v = number_value(item)) out.push_back(*v);
  return out;
}

/// A page's /MediaBox, inherited from its parents when it has none.
core::Size media_box(const PdfFile& pdf, int page, const std::string& name) {
  int node = page;
  for (int depth = 0; depth < 64 && node > 0; ++depth) {
    std::string dict = object_text(pdf, node, name);
    if (auto box = dict_get(dict, "/MediaBox")) {
      auto v = numbers(resolve(pdf, *box, name));
      if (v.size() == 4) return {v[2] - v[0], v[3] - v[1]};
      break;
    }
    node = ref_number(dict_get(dict, "/Parent").value_or(""));
  }
  bad(name, "page object " + std::to_string(page) + " has no /MediaBox");
}

void collect_pages(const PdfFile& pdf, int node, const std::string& name, std::vector<int>& out,
                   std::set<int>& seen, int depth) {
  if (depth > 64 || out.size() > 100000) bad(name, "a page tree too deep or too large");
  // A node seen twice is a loop in a damaged tree: walking it again would never end.
  if (!seen.insert(node).second)
    bad(name, "a page tree that loops (object " + std::to_string(node) + ")");
  std::string dict = object_text(pdf, node, name);
  auto kids = dict_get(dict, "/Kids");
  if (!kids) {
    out.push_back(node);
    return;
  }
  for (const auto& k : array_items(resolve(pdf, *kids, name)))
    if (int n = ref_number(k)) collect_pages(pdf, n, name, out, seen, depth + 1);
}

std::string with_item(const std::string& array, const std::string& item) {
  std::string out = "[";
  for (const auto& i : array_items(array)) out += i + " ";
  return out + item + "]";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

} // namespace

std::vector<PdfPage> pdf_pages(const PdfFile& pdf, const std::string& name) {
  std::string catalog = object_text(pdf, catalog_object(pdf), name);
  const int root = ref_number(dict_get(catalog, "/Pages").value_or(""));
  if (root == 0) bad(name, "the catalog has no /Pages");
  std::vector<int> objects;
  std::set<int> seen;
  collect_pages(pdf, root, name, objects, seen, 0);
  if (objects.empty()) bad(name, "it has no pages");
  std::vector<PdfPage> out;
  for (int n : objects) out.push_back({n, media_box(pdf, n, name)});
  return out;
}

std::string decode_text_string(std::string_view v) {
  return text_utf8(string_bytes(v).value_or(""));
}

std::vector<PdfField> signature_fields(const PdfFile& pdf, const std::string& name) {
  std::vector<PdfField> out;
  std::string catalog = object_text(pdf, catalog_object(pdf), name);
  auto form = dict_get(catalog, "/AcroForm");
  if (!form) return out;
  std::string fields =
      resolve(pdf, dict_get(resolve(pdf, *form, name), "/Fields").value_or("[]"), name);
  std::vector<PdfPage> pages;
  for (const auto& item : array_items(fields)) {
    int n = ref_number(item);
    if (n == 0 || out.size() > 1000) continue;
    std::string field = object_text(pdf, n, name);
    if (dict_get(field, "/FT").value_or("") != "/Sig") continue;
    PdfField f;
    f.object = n;
    f.name = decode_text_string(dict_get(field, "/T").value_or(""));
    f.is_signed = dict_get(field, "/V").has_value();
    if (int page = ref_number(dict_get(field, "/P").value_or(""))) {
      if (pages.empty()) pages = pdf_pages(pdf, name);
      for (size_t i = 0; i < pages.size(); ++i)
        if (pages[i].object == page) f.page = static_cast<int>(i);
      auto r = numbers(dict_get(field, "/Rect").value_or("[]"));
      if (f.page >= 0 && r.size() == 4) {
        double h = pages[static_cast<size_t>(f.page)].size.height;
        f.rect = {std::min(r[0], r[2]), h - std::max(r[1], r[3]), std::abs(r[2] - r[0]),
                  std::abs(r[3] - r[1])};
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string pdf_rect(const core::Rect& r, double page_height) {
  return "[" + num(r.x) + " " + num(page_height - r.y - r.height) + " " + num(r.x + r.width) + " " +
         num(page_height - r.y) + "]";
}

void add_field(PdfUpdate& update, const PdfFile& pdf, int page_object, int widget, int flags,
               const std::string& name) {
  const int root = catalog_object(pdf);
  std::string catalog = update.get(root, name);
  auto add_to = [&](std::string form) {
    std::string fields = dict_get(form, "/Fields").value_or("[]");
    if (int n = ref_number(fields)) {
      update.set(n, with_item(update.get(n, name), ref(widget)));
    } else {
      form = dict_set(form, "/Fields", with_item(fields, ref(widget)));
    }
    return dict_set(form, "/SigFlags", std::to_string(flags));
  };
  auto form = dict_get(catalog, "/AcroForm");
  if (form && ref_number(*form)) {
    int n = ref_number(*form);
    update.set(n, add_to(update.get(n, name)));
  } else if (form) {
    update.set(root, dict_set(catalog, "/AcroForm", add_to(*form)));
  } else {
    int n = update.add(add_to("<< >>"));
    update.set(root, dict_set(catalog, "/AcroForm", ref(n)));
  }
  std::string page = update.get(page_object, name);
  auto annots = dict_get(page, "/Annots");
  if (annots && ref_number(*annots)) {
    int n = ref_number(*annots);
    update.set(n, with_item(update.get(n, name), ref(widget)));
  } else {
    update.set(page_object,
               dict_set(page, "/Annots", with_item(annots.value_or("[]"), ref(widget))));
  }
}

void set_sig_flags(PdfUpdate& update, const PdfFile& pdf, int flags, const std::string& name) {
  const int root = catalog_object(pdf);
  std::string catalog = update.get(root, name);
  auto form = dict_get(catalog, "/AcroForm");
  if (!form) return;
  if (int n = ref_number(*form)) {
    update.set(n, dict_set(update.get(n, name), "/SigFlags", std::to_string(flags)));
  } else {
    update.set(root,
               dict_set(catalog, "/AcroForm", dict_set(*form, "/SigFlags", std::to_string(flags))));
  }
}

int empty_form(PdfUpdate& update, core::Size size) {
  return update.add("<< /Type /XObject /Subtype /Form /BBox [0 0 " + num(size.width) + " " +
                    num(size.height) + "] /Resources << >> /Length 0 >>\nstream\n\nendstream");
}

int import_page(PdfUpdate& update, const std::string& one_page_pdf) {
  const std::string name = "the signature's appearance";
  PdfFile source = read_pdf(one_page_pdf, name);
  std::vector<PdfPage> pages = pdf_pages(source, name);
  std::string page = object_text(source, pages.front().object, name);
  std::string resources = resolve(source, dict_get(page, "/Resources").value_or("<< >>"), name);
  int contents = ref_number(dict_get(page, "/Contents").value_or(""));
  if (contents == 0) bad(name, "its page has no single content stream");

  // Every object the resources reach, copied under a new number.
  std::map<int, int> renumbered;
  std::deque<int> todo;
  auto map = [&](int old) {
    auto [it, fresh] = renumbered.emplace(old, 0);
    if (fresh) {
      it->second = update.reserve();
      todo.push_back(old);
    }
    return it->second;
  };
  std::string new_resources = map_refs(resources, map);
  while (!todo.empty()) {
    int old = todo.front();
    todo.pop_front();
    std::string text = object_text(source, old, name);
    std::string copy = map_refs(text, map);
    const std::string& b = source.bytes;
    size_t after = b.find(text, source.offsets.at(old)) + text.size();
    size_t k = after;
    while (k < b.size() && (b[k] == ' ' || b[k] == '\r' || b[k] == '\n')) ++k;
    if (b.compare(k, 6, "stream") == 0) {
      std::string data = stream_data(source, old, name);
      copy = dict_set(copy, "/Length", std::to_string(data.size())) + "\nstream\n" + data +
             "\nendstream";
    }
    update.set(renumbered[old], std::move(copy));
  }

  std::string stream = object_text(source, contents, name);
  std::string data = stream_data(source, contents, name);
  const core::Size size = pages.front().size;
  std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 " + num(size.width) + " " +
                     num(size.height) + "] /Resources " + new_resources;
  for (const char* key : {"/Filter", "/DecodeParms"})
    if (auto v = dict_get(stream, key))
      form += std::string(" ") + key + " " + resolve(source, *v, name);
  form += " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  return update.add(std::move(form));
}

} // namespace baocao::sign
