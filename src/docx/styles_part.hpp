#pragma once
// word/styles.xml and word/numbering.xml from a template: the paragraph styles
// the body names (Normal, Heading1-3, Title, Caption, ListParagraph, Header,
// Footer), the table style TableGrid, and one numbering per list.
#include <string>
#include <vector>

#include "style/style.hpp"

namespace baocao::docx {

/// Style ids the body may name in w:pStyle and w:tblStyle.
inline constexpr const char* kHeadingIds[3] = {"Heading1", "Heading2", "Heading3"};

/// word/styles.xml. `language`: w:lang of every run, "vi-VN".
std::string styles_part(const style::Style& s, const std::string& language);

/// word/numbering.xml: list k (from 1) is w:num k on its own abstract
/// numbering, so each list counts from 1; `numbered[k - 1]` says whether it
/// counts or shows the template's bullet.
std::string numbering_part(const style::Style& s, const std::vector<bool>& numbered);

} // namespace baocao::docx
