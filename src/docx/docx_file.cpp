#include "docx/docx_file.hpp"

#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "docx/font_embed.hpp"
#include "docx/furniture.hpp"
#include "docx/parts.hpp"
#include "docx/styles_part.hpp"
#include "docx/units.hpp"

namespace baocao::docx {
namespace {

// Every namespace a body may use: WordprocessingML, relationships, and the
// DrawingML of inline pictures (wp:inline, a:graphic, pic:pic), with Word
// 2010/2013's extensions ignorable by older readers.
constexpr std::pair<const char*, const char*> kNamespaces[] = {
    {"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
    {"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
    {"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    {"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
    {"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
    {"xmlns:mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"},
    {"xmlns:w14", "http://schemas.microsoft.com/office/word/2010/wordml"},
    {"xmlns:w15", "http://schemas.microsoft.com/office/word/2012/wordml"},
    {"xmlns:wp14", "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"},
};

const char* const kEmbedElements[4] = {"w:embedRegular", "w:embedBold", "w:embedItalic",
                                       "w:embedBoldItalic"};

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::RuntimeError("cannot read font file " + path.string());
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw core::RuntimeError("cannot read font file " + path.string());
  return bytes;
}

int intern(std::vector<std::string>& parts, std::string part) {
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i] == part) return static_cast<int>(i);
  parts.push_back(std::move(part));
  return static_cast<int>(parts.size()) - 1;
}

std::string header_id(int i) {
  return "rIdHeader" + std::to_string(i + 1);
}
std::string footer_id(int i) {
  return "rIdFooter" + std::to_string(i + 1);
}

} // namespace

DocxFile::DocxFile(const style::Style& style, DocxInfo info)
    : style_(style), info_(std::move(info)) {
  // Each kind of first page, in each orientation (the right text's tab stop
  // sits at the text width); equal parts are written once.
  const auto& s = style_;
  auto shown = [&](bool show, bool on_first, SectionStart start) {
    if (!show) return false;
    if (start == SectionStart::continued) return true;
    return start == SectionStart::report ? on_first : s.appendix.number_first_page;
  };
  for (int landscape = 0; landscape < 2; ++landscape) {
    double width = (landscape ? s.page.size.height : s.page.size.width) - s.page.margin_left -
                   s.page.margin_right;
    for (auto start : {SectionStart::continued, SectionStart::report, SectionStart::appendix}) {
      FurnitureLines lines{shown(s.page_number.show, s.page_number.on_first_page, start),
                           shown(s.header.show, s.header.on_first_page, start),
                           shown(s.footer.show, s.footer.on_first_page, start)};
      auto& r = refs_[landscape][static_cast<int>(start)];
      r.header = intern(headers_, header_part(s, info_.fields, lines, width));
      r.footer = intern(footers_, footer_part(s, info_.fields, lines, width));
    }
  }
}

std::string DocxFile::add_png(std::string bytes) {
  return add_picture(std::move(bytes), "png");
}

std::string DocxFile::add_picture(std::string bytes, const std::string& extension) {
  bool png = bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
  bool jpeg = bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0;
  if (!(extension == "png" ? png : extension == "jpeg" && jpeg))
    throw core::RuntimeError("DOCX: a picture that is not a " + extension);
  images_.push_back(std::move(bytes));
  image_types_.push_back(extension);
  return "rIdImage" + std::to_string(images_.size());
}

int DocxFile::new_list(bool numbered) {
  lists_.push_back(numbered);
  return static_cast<int>(lists_.size());
}

void DocxFile::add_font(const FontFaces& faces) {
  for (const auto& f : fonts_)
    if (f.family == faces.family) return;
  Font font;
  font.family = faces.family;
  const std::filesystem::path* paths[4] = {&faces.regular, &faces.bold, &faces.italic,
                                           &faces.bold_italic};
  for (int i = 0; i < 4; ++i) {
    if (paths[i]->empty()) continue;
    std::string bytes = read_all(*paths[i]);
    if (!embedding_allowed(bytes)) continue; // listed, not carried
    font.faces[i].key = font_key(bytes);
    font.faces[i].bytes = obfuscate(std::move(bytes), font.faces[i].key);
  }
  fonts_.push_back(std::move(font));
}

DocxFile::Refs DocxFile::refs(bool landscape, SectionStart start) const {
  return refs_[landscape ? 1 : 0][static_cast<int>(start)];
}

bool DocxFile::title_page(bool landscape, SectionStart start) const {
  if (start == SectionStart::continued) return false;
  Refs first = refs(landscape, start), other = refs(landscape, SectionStart::continued);
  return first.header != other.header || first.footer != other.footer;
}

void DocxFile::section_properties(XmlWriter& w, const Section& section) const {
  sect_pr(w, section);
  ++sections_written_;
}

void DocxFile::section_properties(XmlWriter& w, bool landscape, bool restart_numbering) const {
  SectionStart start = sections_written_ == 0 ? SectionStart::report
                       : restart_numbering    ? SectionStart::appendix
                                              : SectionStart::continued;
  section_properties(w, Section{landscape, restart_numbering, start});
}

void DocxFile::sect_pr(XmlWriter& w, const Section& section) const {
  // Children in CT_SectPr's order.
  const auto& page = style_.page;
  bool title = title_page(section.landscape, section.start);
  Refs every = refs(section.landscape, SectionStart::continued);
  Refs first = refs(section.landscape, section.start);
  w.open("w:sectPr");
  w.leaf("w:headerReference", {{"w:type", "default"}, {"r:id", header_id(every.header)}});
  if (title) w.leaf("w:headerReference", {{"w:type", "first"}, {"r:id", header_id(first.header)}});
  w.leaf("w:footerReference", {{"w:type", "default"}, {"r:id", footer_id(every.footer)}});
  if (title) w.leaf("w:footerReference", {{"w:type", "first"}, {"r:id", footer_id(first.footer)}});
  double width = page.size.width, height = page.size.height;
  if (section.landscape) std::swap(width, height);
  w.open("w:pgSz");
  w.attr("w:w", twips_str(width));
  w.attr("w:h", twips_str(height));
  if (section.landscape) w.attr("w:orient", "landscape");
  w.close();
  w.leaf("w:pgMar", {{"w:top", twips_str(page.margin_top)},
                     {"w:right", twips_str(page.margin_right)},
                     {"w:bottom", twips_str(page.margin_bottom)},
                     {"w:left", twips_str(page.margin_left)},
                     {"w:header", twips_str(header_distance(style_))},
                     {"w:footer", twips_str(footer_distance(style_))},
                     {"w:gutter", "0"}});
  if (section.restart_numbering) w.leaf("w:pgNumType", {{"w:start", "1"}});
  w.leaf("w:cols", {{"w:space", "720"}});
  if (title) w.leaf("w:titlePg");
  w.close();
}

std::string DocxFile::document_part(const std::string& body_xml, const Section& last) const {
  auto w = XmlWriter::document();
  w.open("w:document");
  for (const auto& [name, uri] : kNamespaces) w.attr(name, uri);
  w.attr("mc:Ignorable", "w14 w15 wp14");
  w.open("w:body");
  w.raw(body_xml);
  sect_pr(w, last);
  w.close();
  w.close();
  return w.take();
}

std::string DocxFile::document_rels() const {
  std::string base = rel::kBase;
  std::vector<Relationship> rels = {
      {"rIdStyles", base + "styles", "styles.xml"},
      {"rIdNumbering", base + "numbering", "numbering.xml"},
      {"rIdSettings", base + "settings", "settings.xml"},
      {"rIdFontTable", base + "fontTable", "fontTable.xml"},
  };
  for (size_t i = 0; i < headers_.size(); ++i)
    rels.push_back({header_id(static_cast<int>(i)), base + "header",
                    "header" + std::to_string(i + 1) + ".xml"});
  for (size_t i = 0; i < footers_.size(); ++i)
    rels.push_back({footer_id(static_cast<int>(i)), base + "footer",
                    "footer" + std::to_string(i + 1) + ".xml"});
  for (size_t i = 0; i < images_.size(); ++i) {
    std::string n = std::to_string(i + 1);
    rels.push_back({"rIdImage" + n, base + "image", "media/image" + n + "." + image_types_[i]});
  }
  return relationships_part(rels);
}

std::string DocxFile::font_table() const {
  auto w = XmlWriter::document();
  w.open("w:fonts");
  w.attr("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  w.attr("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  int n = 0;
  for (const auto& f : fonts_) {
    w.open("w:font");
    w.attr("w:name", f.family);
    w.leaf("w:family", {{"w:val", "auto"}});
    w.leaf("w:pitch", {{"w:val", "variable"}});
    for (int i = 0; i < 4; ++i) {
      if (f.faces[i].key.empty()) continue;
      w.leaf(kEmbedElements[i],
             {{"r:id", "rIdFont" + std::to_string(++n)}, {"w:fontKey", f.faces[i].key}});
    }
    w.close();
  }
  w.close();
  return w.take();
}

int DocxFile::embedded_faces() const {
  int n = 0;
  for (const auto& f : fonts_)
    for (const auto& face : f.faces) n += face.key.empty() ? 0 : 1;
  return n;
}

std::string DocxFile::font_table_rels() const {
  std::vector<Relationship> rels;
  for (int i = 1; i <= embedded_faces(); ++i) {
    std::string n = std::to_string(i);
    rels.push_back({"rIdFont" + n, std::string(rel::kBase) + "font", "fonts/font" + n + ".odttf"});
  }
  return relationships_part(rels);
}

Package DocxFile::package(const std::string& body_xml, const Section& last) const {
  // The parts in their order in the archive, [Content_Types].xml first.
  std::vector<std::pair<std::string, std::string>> parts;
  std::string base = rel::kBase;
  parts.emplace_back(
      "_rels/.rels",
      relationships_part({{"rIdDocument", base + "officeDocument", "word/document.xml"},
                          {"rIdCore", rel::kCore, "docProps/core.xml"},
                          {"rIdApp", base + "extended-properties", "docProps/app.xml"}}));
  parts.emplace_back("docProps/core.xml", core_part(info_));
  parts.emplace_back("docProps/app.xml", app_part());
  parts.emplace_back("word/document.xml", document_part(body_xml, last));
  parts.emplace_back("word/_rels/document.xml.rels", document_rels());
  parts.emplace_back("word/styles.xml", styles_part(style_, info_.language));
  parts.emplace_back("word/numbering.xml", numbering_part(style_, lists_));
  parts.emplace_back("word/settings.xml", settings_part(style_, info_.language));
  parts.emplace_back("word/fontTable.xml", font_table());
  if (embedded_faces() > 0) parts.emplace_back("word/_rels/fontTable.xml.rels", font_table_rels());
  for (size_t i = 0; i < headers_.size(); ++i)
    parts.emplace_back("word/header" + std::to_string(i + 1) + ".xml", headers_[i]);
  for (size_t i = 0; i < footers_.size(); ++i)
    parts.emplace_back("word/footer" + std::to_string(i + 1) + ".xml", footers_[i]);
  for (size_t i = 0; i < images_.size(); ++i)
    parts.emplace_back("word/media/image" + std::to_string(i + 1) + "." + image_types_[i],
                       images_[i]);
  int n = 0;
  for (const auto& f : fonts_) {
    for (const auto& face : f.faces) {
      if (face.key.empty()) continue;
      parts.emplace_back("word/fonts/font" + std::to_string(++n) + ".odttf", face.bytes);
    }
  }

  std::vector<std::string> names;
  for (const auto& p : parts) names.push_back(p.first);
  Package pkg;
  pkg.add("[Content_Types].xml", content_types_part(names));
  for (auto& [name, bytes] : parts) pkg.add(std::move(name), std::move(bytes));
  return pkg;
}

void DocxFile::write(const std::string& body_xml, const std::filesystem::path& path,
                     const Section& last) const {
  package(body_xml, last).write(path);
}

void DocxFile::write(const std::string& body_xml, const std::filesystem::path& path,
                     bool last_landscape) const {
  Section last{last_landscape, false,
               sections_written_ == 0 ? SectionStart::report : SectionStart::continued};
  write(body_xml, path, last);
}

} // namespace baocao::docx
