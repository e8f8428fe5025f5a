#pragma once
// Reads a DOCX back the ways a clerk's tools do, for the DOCX writer's tests
// (issue 17): pandoc's plain text, python-docx's structure
// (tests/support/docx_inspect.py), and LibreOffice's PDF of it. Each throws
// std::runtime_error naming the Debian package when its program is missing,
// so a test that needs it fails instead of passing without it.
#include <filesystem>
#include <string>
#include <vector>

namespace baocao::test {

/// `pandoc -f docx -t plain --wrap=none`: the document's text as pandoc reads
/// it (tables drawn with dashes, list items with their markers). Pictures'
/// alt text, which pandoc prints as "[alt]" and a page does not show, is left
/// out unless `with_alt_text`. Throws with pandoc's messages when it cannot
/// read the file.
std::string pandoc_text(const std::filesystem::path& docx, bool with_alt_text = false);

/// The PDF's text, pages in order, each page's text as poppler gives it
/// (read_pdf's page_text) followed by a newline.
std::string pdf_text(const std::filesystem::path& pdf);

/// The PDF's page count (poppler), without reading its text.
int pdf_pages(const std::filesystem::path& pdf);

/// Converts `docx` to PDF with LibreOffice headless (libreoffice-writer-nogui)
/// into `outdir` (created if needed), and returns the PDF's path
/// (outdir/<stem>.pdf). Each call starts its own soffice with a private
/// profile in a fresh temporary folder, so parallel tests do not collide, and
/// stops it after `timeout_seconds`. The input is read with the DOCX filter
/// only: a file that is not DOCX fails instead of being imported as text.
/// Throws with soffice's output when it fails, times out or writes no PDF.
/// Takes 4-5 s of CPU, almost all of it LibreOffice starting.
std::filesystem::path soffice_pdf(const std::filesystem::path& docx,
                                  const std::filesystem::path& outdir, int timeout_seconds = 120);

/// soffice_pdf for several files in one soffice run: LibreOffice starts once
/// (three small files take about what one does). The PDFs, in the order of
/// `docx`; their stems must differ.
std::vector<std::filesystem::path> soffice_pdfs(const std::vector<std::filesystem::path>& docx,
                                                const std::filesystem::path& outdir,
                                                int timeout_seconds = 120);

// ---- python-docx's view (docx_inspect.py) ----

/// The Python that sees Debian's python3-docx: /usr/bin/python3 when it
/// exists (a python3 earlier in PATH, pyenv's or a venv's, may not), else python3.
std::string debian_python();

/// A paragraph, in the body or in a table cell. Effective values: the
/// paragraph's own properties, else its style's and the styles it is based
/// on, else the document defaults.
struct DocxParagraph {
  std::string style;         ///< the style's name as Word shows it ("Heading 1", "Normal")
  int outline_level = 0;     ///< 1-9 as Word numbers headings (outlineLvl + 1); 0 for body text
  std::string text;          ///< runs' text, hyperlinks' and fields' results included
  std::string numbering;     ///< "numId/ilvl" when the paragraph is in a Word list, else ""
  std::string number_format; ///< that level's "numFmt lvlText", e.g. "decimal %1.", else ""
  std::string alignment;     ///< w:jc: "both" (justified), "center", "left", "right"…, or ""
  double first_line_mm = 0;  ///< first-line indent; negative when hanging; 0 when unset
  bool first_line_set = false;
};

struct DocxCell {
  int span = 1;       ///< w:gridSpan
  std::string vmerge; ///< "restart", "continue", or "" when not merged vertically
  std::vector<DocxParagraph> paragraphs; ///< those of nested tables included, in order
  std::string text() const;              ///< the paragraphs' text joined by newlines
};

struct DocxRow {
  bool header = false;     ///< w:tblHeader: repeated at the top of each page
  bool cant_split = false; ///< w:cantSplit: kept on one page
  std::vector<DocxCell> cells;
};

struct DocxTable {
  int cols = 0; ///< columns of its w:tblGrid
  std::vector<DocxRow> rows;
  int position = 0; ///< index among the body's paragraphs and tables
};

struct DocxSection {
  std::string orientation; ///< "portrait", "landscape", or "" when w:pgSz is missing
  /// Millimetres, one decimal; negative when not set.
  double page_width_mm = -1, page_height_mm = -1;
  double top_mm = -1, bottom_mm = -1, left_mm = -1, right_mm = -1;
  bool title_page = false; ///< w:titlePg: the first page has its own header and footer
};

struct DocxHeaderFooter {
  int section = 0;                 ///< index into DocxInspection::sections
  std::string part;                ///< "header" or "footer"
  std::string kind;                ///< "default", "first" or "even"
  std::vector<std::string> fields; ///< field names in it, e.g. {"PAGE", "NUMPAGES"}
  std::string text;
};

struct DocxPicture {
  std::string alt; ///< wp:docPr's descr
  double width_mm = -1, height_mm = -1;
  int px_width = -1, px_height = -1; ///< the image's pixels (-1 when python-docx cannot tell)
  std::string content_type;          ///< "image/png"…
};

struct DocxFont {
  std::string name;    ///< w:font's w:name in word/fontTable.xml
  std::string variant; ///< "Regular", "Bold", "Italic" or "BoldItalic"
  long bytes = 0;      ///< size of the embedded part
  bool sfnt = false;   ///< de-obfuscated with its fontKey, it starts as a TrueType/OpenType font
};

struct DocxInspection {
  std::string title, subject, author, keywords; ///< core properties
  std::vector<DocxParagraph> paragraphs;        ///< the body's, not the cells'
  std::vector<int> paragraph_positions;         ///< each paragraph's index among the body's blocks
  std::vector<DocxTable> tables;                ///< the body's (nested ones are in their cells)
  std::vector<DocxSection> sections;
  std::vector<DocxHeaderFooter> headers_footers; ///< those the sections name
  std::vector<DocxPicture> pictures;             ///< in the body, cells included
  std::vector<DocxFont> fonts;                   ///< embedded font parts

  /// The body paragraphs whose style is `style` ("Heading 1").
  std::vector<DocxParagraph> with_style(const std::string& style) const;
  /// The first body paragraph whose text contains `text`, or nullptr.
  const DocxParagraph* find(const std::string& text) const;
};

/// Runs docx_inspect.py (python3-docx) on `docx` and parses its lines.
/// Throws with Python's traceback when python-docx cannot open the file.
DocxInspection inspect_docx(const std::filesystem::path& docx);

/// Parses docx_inspect.py's output (exposed for its own tests).
DocxInspection parse_docx_inspection(const std::string& lines);

// ---- comparing texts ----

struct WordOptions {
  /// Skip tokens made of digits and . , : / - only (page numbers, "2/12"):
  /// page furniture one side draws and the other leaves to a field.
  bool ignore_numbers = false;
  /// Trim punctuation from both ends of each token first ("(a)" is "a",
  /// "tiêu," is "tiêu"); tokens left empty are dropped.
  bool strip_punctuation = false;
  /// Further tokens to skip, compared after the trimming.
  std::vector<std::string> ignore;
};

/// The tokens of `text`: split on white space (ASCII, no-break, thin and
/// figure spaces, zero width space), bytes as given (no normalisation).
std::vector<std::string> words(const std::string& text, const WordOptions& options = {});

/// The words of `expected` that `actual` lacks, counted as a multiset (a word
/// three times in `expected` and once in `actual` is missing twice), in the
/// order they occur in `expected`. Empty when every word is there.
std::vector<std::string> words_missing(const std::string& expected, const std::string& actual,
                                       const WordOptions& options = {});

/// "3 missing: a b c" (up to `limit` words), or "none missing", for INFO().
std::string describe_missing(const std::vector<std::string>& missing, std::size_t limit = 60);

} // namespace baocao::test
