#pragma once
// Reads a PDF back with poppler, as a reader's viewer would.
#include <filesystem>
#include <string>
#include <vector>

namespace baocao::test {

struct PdfFont {
  std::string name;
  bool embedded = false;
  bool subset = false;
};

struct PdfContents {
  int pages = 0;
  std::vector<std::string> page_text; ///< UTF-8, one entry a page
  std::vector<PdfFont> fonts;
  std::string title, author, subject, keywords, creator;
  std::vector<std::string> outline; ///< bookmark titles, depth first
};

PdfContents read_pdf(const std::filesystem::path& file);

/// Collapses every run of white space to one space and trims the ends.
std::string squash(const std::string& s);

} // namespace baocao::test
