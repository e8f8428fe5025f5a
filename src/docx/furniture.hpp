#pragma once
// Page furniture as header and footer parts: the page number (style.page_number),
// the running header line (style.header) and the footer line (style.footer),
// their {page}, {pages} and {section} as Word fields so Word counts the pages.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "docx/xml_writer.hpp"
#include "style/style.hpp"

namespace baocao::docx {

/// Values for the other placeholders ({issuer}, {title}, {kind}, {year}...);
/// one with no value is left as the template wrote it.
using Fields = std::vector<std::pair<std::string, std::string>>;

/// Runs for a pattern in the style `ts`: text, and fields for {page} (PAGE),
/// {pages} (NUMPAGES: the document's pages, not an appendix's own run) and
/// {section} (STYLEREF of "heading 1"). A tab in the pattern is a w:tab.
void pattern_runs(XmlWriter& w, const style::TextStyle& ts, std::string_view pattern,
                  const Fields& fields);

/// What a header or footer part shows on a kind of page.
struct FurnitureLines {
  bool page_number = false; ///< header: style.page_number
  bool header_line = false; ///< header: style.header's left and right texts
  bool footer_line = false; ///< footer: style.footer's
  bool operator==(const FurnitureLines&) const = default;
};

/// word/headerN.xml: the page number paragraph, then the header line; an empty
/// paragraph when neither shows. `text_width` places the right text's tab.
std::string header_part(const style::Style& s, const Fields& fields, const FurnitureLines& lines,
                        double text_width);
/// word/footerN.xml: the footer line, with its rule above.
std::string footer_part(const style::Style& s, const Fields& fields, const FurnitureLines& lines,
                        double text_width);

/// w:pgMar's header and footer distances (points from the page's edge to the
/// part), from the template's baselines: a line's ascent is taken as 0.9 of
/// its size and its descent as 0.25, close for Liberation and Noto.
double header_distance(const style::Style& s);
double footer_distance(const style::Style& s);

} // namespace baocao::docx
