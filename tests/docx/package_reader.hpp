#pragma once
// Reading a written package back for the docx tests: its ZIP entries through
// libzip, its parts through libxml2's parser with XPath (prefixes w, r, wp, a,
// pic, mc, w14, cp, dc, dcterms, ct for content types, pr for relationships).
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace baocao::test::docx_pkg {

/// The entries of a ZIP file in their order, with their bytes.
std::vector<std::pair<std::string, std::string>> zip_entries(const std::filesystem::path& zip);
/// One entry's bytes; a test failure when it is missing.
std::string zip_entry(const std::filesystem::path& zip, const std::string& name);

/// A parsed XML text. The constructor fails the test when it is not well-formed.
class XmlPart {
public:
  explicit XmlPart(const std::string& xml);
  ~XmlPart();
  XmlPart(XmlPart&&) noexcept;
  /// number(count(xpath))
  int count(const std::string& xpath) const;
  /// string(xpath): the first node's text or attribute value, "" for none.
  std::string value(const std::string& xpath) const;
  /// Each node's string value.
  std::vector<std::string> values(const std::string& xpath) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A WordprocessingML fragment wrapped in a root that declares w and r.
std::string wrap(const std::string& fragment);

} // namespace baocao::test::docx_pkg
