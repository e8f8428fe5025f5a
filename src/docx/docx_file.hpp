#pragma once
// Everything of a .docx around the body: the package's parts, styles from the
// template, lists, pictures, embedded fonts, sections with their page size,
// margins, header and footer. The body's WordprocessingML (docx/body.cpp)
// names the style ids, list ids and picture ids this gives out.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "docx/package.hpp"
#include "docx/xml_writer.hpp"
#include "style/style.hpp"

namespace baocao::docx {

struct DocxInfo {
  std::string title, subject, author, keywords;
  std::string date_iso; ///< "2015-10-20T00:00:00Z": created and modified; none when empty
  std::string language = "vi-VN";
  /// Values for a header's or footer's placeholders other than {page},
  /// {pages} and {section}: {"issuer", "UBND TỈNH PHÚ THỌ"}, {"year", "2015"}...
  /// A placeholder without one is left as written.
  std::vector<std::pair<std::string, std::string>> fields;
};

/// A font family's faces; any path may be empty.
struct FontFaces {
  std::string family;
  std::filesystem::path regular, bold, italic, bold_italic;
};

/// Where a section begins, for the template's first-page rules: the report's
/// first page and an appendix's first page show the page number (and header
/// and footer lines) only as style.page_number/header/footer.on_first_page
/// and style.appendix.number_first_page say; any other section's first page
/// is an ordinary page (a landscape table's pages).
enum class SectionStart { continued, report, appendix };

struct Section {
  bool landscape = false;
  bool restart_numbering = false; ///< w:pgNumType w:start="1": an appendix counting its own pages
  SectionStart start = SectionStart::continued;
};

class DocxFile {
public:
  DocxFile(const style::Style& style, DocxInfo info);

  /// word/media/imageN.png; returns the r:id for <a:blip r:embed="...">.
  std::string add_png(std::string bytes);
  /// A PNG ("png") or JPEG ("jpeg") picture, kept as it is; its r:id.
  std::string add_picture(std::string bytes, const std::string& extension);
  /// A w:num id for a new list: each list counts from 1 ("1." with the
  /// template's number_suffix) or shows the template's bullet; hanging indent
  /// as layout's (style.list.indent).
  int new_list(bool numbered);
  /// Lists the family in fontTable.xml and embeds each face whose licence bits
  /// allow it (docx/font_embed.hpp). A family added twice is kept once. Throws
  /// core::RuntimeError naming a face's file it cannot read.
  void add_font(const FontFaces& faces);

  /// <w:sectPr> of a section: the template's page size and margins, portrait or
  /// landscape (w:orient, width and height swapped, margins keep their names),
  /// header and footer references, w:titlePg when the section's first page
  /// follows a first-page rule, w:pgNumType w:start="1" when restarting.
  void section_properties(XmlWriter& w, const Section& section) const;
  /// The same, with where the section begins taken from the order of the
  /// calls: the first sectPr written is the report's first section; after it
  /// one that restarts numbering begins an appendix, any other continues.
  void section_properties(XmlWriter& w, bool landscape, bool restart_numbering) const;

  /// The whole package: [Content_Types].xml, _rels/.rels, docProps/core.xml and
  /// app.xml, word/document.xml (<w:document> with every namespace the body
  /// uses; <w:body> is body_xml then the last section's sectPr), styles,
  /// numbering, settings, fontTable and its relationships, headers, footers,
  /// media, fonts, word/_rels/document.xml.rels. The same input gives the same bytes.
  Package package(const std::string& body_xml, const Section& last) const;
  /// package() written at `path` (the caller's temporary beside the target).
  void write(const std::string& body_xml, const std::filesystem::path& path,
             const Section& last) const;
  /// write() with the last section's start taken from the order of calls: the
  /// report's first section when no sectPr was written before, else a
  /// continuation (an appendix last needs the Section overload).
  void write(const std::string& body_xml, const std::filesystem::path& path,
             bool last_landscape = false) const;

private:
  struct Face {
    std::string key;   ///< w:fontKey, empty when the face is not embedded
    std::string bytes; ///< obfuscated
  };
  struct Font {
    std::string family;
    Face faces[4]; ///< regular, bold, italic, bold italic
  };
  /// The header and footer part indices a section refers to.
  struct Refs {
    int header = 0, footer = 0;
  };

  Refs refs(bool landscape, SectionStart start) const;
  void sect_pr(XmlWriter& w, const Section& section) const;
  int embedded_faces() const;
  bool title_page(bool landscape, SectionStart start) const;
  std::string document_part(const std::string& body_xml, const Section& last) const;
  std::string document_rels() const;
  std::string font_table() const;
  std::string font_table_rels() const;

  style::Style style_;
  DocxInfo info_;
  std::vector<std::string> images_;
  std::vector<std::string> image_types_; ///< "png" or "jpeg", each image's extension
  std::vector<bool> lists_;
  std::vector<Font> fonts_;
  std::vector<std::string> headers_, footers_; ///< distinct parts, header1.xml first
  Refs refs_[2][3];                            ///< [landscape][SectionStart]
  mutable int sections_written_ = 0;           ///< for the order-based overloads
};

} // namespace baocao::docx
