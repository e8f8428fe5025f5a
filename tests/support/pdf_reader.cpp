#include "support/pdf_reader.hpp"

#include <memory>
#include <poppler-document.h>
#include <poppler-page.h>
#include <poppler-toc.h>
#include <stdexcept>

namespace baocao::test {
namespace {

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void walk(const poppler::toc_item* item, std::vector<std::string>& out) {
  for (const auto* child : item->children()) {
    out.push_back(utf8(child->title()));
    walk(child, out);
  }
}

} // namespace

PdfContents read_pdf(const std::filesystem::path& file) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
  if (!doc) throw std::runtime_error("poppler cannot open " + file.string());
  PdfContents c;
  c.pages = doc->pages();
  for (int i = 0; i < c.pages; ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    c.page_text.push_back(p ? utf8(p->text()) : std::string());
  }
  for (const auto& f : doc->fonts()) c.fonts.push_back({f.name(), f.is_embedded(), f.is_subset()});
  c.title = utf8(doc->get_title());
  c.author = utf8(doc->get_author());
  c.subject = utf8(doc->get_subject());
  c.keywords = utf8(doc->get_keywords());
  c.creator = utf8(doc->get_creator());
  std::unique_ptr<poppler::toc> toc(doc->create_toc());
  if (toc) walk(toc->root(), c.outline);
  return c;
}

std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

} // namespace baocao::test
