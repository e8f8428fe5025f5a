#include "support/pdf_links.hpp"

#include <memory>
#include <optional>
#include <poppler-document.h>
#include <poppler-page.h>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "sign/pdf_form.hpp"
#include "sign/pdf_objects.hpp"
#include "support/test_support.hpp"

namespace baocao::test {

std::vector<PageBox> page_boxes(const std::filesystem::path& pdf) {
  auto r = run_command("pdfinfo -f 1 -l 100000 " + q(pdf));
  if (r.status != 0) throw std::runtime_error("pdfinfo failed: " + r.output);
  std::vector<PageBox> out;
  std::regex size(R"(Page +(\d+) size: +([\d.]+) x ([\d.]+) pts)");
  std::regex rot(R"(Page +(\d+) rot: +(-?\d+))");
  std::smatch m;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_search(line, m, size)) {
      size_t i = std::stoul(m[1]);
      if (out.size() < i) out.resize(i);
      out[i - 1].width = std::stod(m[2]);
      out[i - 1].height = std::stod(m[3]);
    } else if (std::regex_search(line, m, rot)) {
      size_t i = std::stoul(m[1]);
      if (out.size() < i) out.resize(i);
      out[i - 1].rotate = std::stoi(m[2]);
    }
  }
  return out;
}

std::vector<std::string> page_labels(const std::filesystem::path& pdf) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc) throw std::runtime_error("poppler cannot open " + pdf.string());
  std::vector<std::string> out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    auto bytes = p->label().to_utf8();
    out.emplace_back(bytes.begin(), bytes.end());
  }
  return out;
}

namespace {

/// A value that may be a reference: the referred object's text.
std::string resolve(const sign::PdfFile& file, const std::string& value) {
  if (int n = sign::ref_number(value)) return sign::object_text(file, n, "test");
  return value;
}

/// A named destination's array, from the catalog's /Names /Dests tree (flat,
/// as Cairo writes it); empty when the name is not there.
std::string named_destination(const sign::PdfFile& file, const std::string& name) {
  std::string catalog = sign::object_text(
      file, sign::ref_number(sign::dict_get(file.trailer, "/Root").value_or("")), "test");
  auto names = sign::dict_get(catalog, "/Names");
  if (!names) return {};
  auto dests = sign::dict_get(resolve(file, *names), "/Dests");
  if (!dests) return {};
  auto list = sign::dict_get(resolve(file, *dests), "/Names");
  if (!list) return {};
  auto items = sign::array_items(resolve(file, *list));
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i] != name) continue;
    std::string value = resolve(file, items[i + 1]);
    if (auto d = sign::dict_get(value, "/D")) return resolve(file, *d);
    return value;
  }
  return {};
}

} // namespace

std::vector<InternalLink> internal_links(const std::filesystem::path& pdf) {
  auto file = sign::read_pdf(read_file(pdf), pdf.string());
  auto pages = sign::pdf_pages(file, pdf.string());
  std::vector<InternalLink> out;
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string page = sign::object_text(file, pages[i].object, "test");
    auto annots = sign::dict_get(page, "/Annots");
    if (!annots) continue;
    for (const auto& item : sign::array_items(resolve(file, *annots))) {
      std::string annot = resolve(file, item);
      if (sign::dict_get(annot, "/Subtype").value_or("") != "/Link") continue;
      std::optional<std::string> dest = sign::dict_get(annot, "/Dest");
      if (!dest) {
        auto action = sign::dict_get(annot, "/A");
        if (!action) continue;
        std::string a = resolve(file, *action);
        if (sign::dict_get(a, "/S").value_or("") != "/GoTo") continue;
        dest = sign::dict_get(a, "/D");
        if (!dest) continue;
      }
      std::string target_array = resolve(file, *dest);
      if (!target_array.empty() && target_array[0] == '(')
        target_array = named_destination(file, target_array);
      auto parts = sign::array_items(target_array);
      if (parts.size() < 4) continue;
      InternalLink link;
      link.from = static_cast<int>(i) + 1;
      int target = sign::ref_number(parts[0]);
      for (size_t k = 0; k < pages.size(); ++k)
        if (pages[k].object == target) link.to = static_cast<int>(k) + 1;
      link.top = sign::number_value(parts[3]).value_or(-1);
      auto flags = sign::number_value(sign::dict_get(annot, "/F").value_or(""));
      link.print = flags && (static_cast<int>(*flags) & 4);
      out.push_back(link);
    }
  }
  return out;
}

} // namespace baocao::test
