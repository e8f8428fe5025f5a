#pragma once
// The small parts of a .docx package that are the same shape in every file:
// content types, relationships, settings, document properties.
#include <string>
#include <vector>

#include "style/style.hpp"

namespace baocao::docx {

struct DocxInfo;

namespace rel {
inline constexpr const char* kBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr const char* kCore =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
} // namespace rel

struct Relationship {
  std::string id;
  std::string type; ///< the full type URI
  std::string target;
};

/// A _rels/*.rels part.
std::string relationships_part(const std::vector<Relationship>& rels);

/// [Content_Types].xml for these part names ("word/document.xml", ...): a
/// Default by extension for .rels, .xml, .png and .odttf, an Override for each
/// part whose type is not plain XML.
std::string content_types_part(const std::vector<std::string>& part_names);

/// The content type a part gets from content_types_part(), for tests and checks.
std::string content_type_of(const std::string& part_name);

/// word/settings.xml: default tab stop, no odd/even headers, fonts embedded
/// when saved, Word 2013+ compatibility (mode 15), the language, the decimal
/// symbol of the template's numbers (decimal tab stops align on it). No rsids.
std::string settings_part(const style::Style& s, const std::string& language);

/// docProps/core.xml and docProps/app.xml.
std::string core_part(const DocxInfo& info);
std::string app_part();

} // namespace baocao::docx
