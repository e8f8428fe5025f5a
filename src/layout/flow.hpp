#pragma once
// What a report says, in reading order, before anything is measured: each
// heading numbered, each caption, computed sentence ("13/15 chỉ tiêu đạt và
// vượt") and number written the template's way, the closing "./." appended.
// Layout makes elements of it (compose); the DOCX writer writes the same
// blocks as WordprocessingML, so the PDF and its Word twin cannot say
// different words.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "layout/contents.hpp"
#include "layout/document.hpp"
#include "layout/key_figures.hpp"
#include "layout/page_setup.hpp"
#include "layout/table.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// A paragraph in one of the template's text styles.
struct FlowText {
  /// What the paragraph is, for a writer that names its styles (DOCX).
  enum class Role {
    body,
    heading,           ///< a section's title; `level` is its heading style (1..3)
    sub_label,         ///< "Tập thể", "Các khâu đột phá"
    appendix_label,    ///< "PHỤ LỤC I"
    appendix_title,    ///< its title
    appendix_subtitle, ///< "(Kèm theo …)"
    contents_title,    ///< "MỤC LỤC"
    source,            ///< "Nguồn: …"
    closing,           ///< the report's last words before the signature
    closing_mark,      ///< "./." on a line of its own, when the body ends in a table
  };
  Role role = Role::body;
  style::TextStyle style;
  std::vector<text::Span> spans;
  int level = 0; ///< headings: the template's heading style, 1..3
  /// A bookmark: the text as shown, its level in the outline (1..3), its anchor.
  struct Outline {
    std::string title;
    int level = 1;
    int anchor = 0;
  };
  std::optional<Outline> outline;
  bool keep_with_next = false;
  bool keep_together = false;
  std::optional<std::pair<double, double>> spacing; ///< before and after, instead of the style's
};

/// Items in the body style with a hanging marker ("-" or "1.").
struct FlowList {
  std::vector<std::vector<text::Span>> items;
  bool numbered = false;
};

struct FlowTable {
  TableSpec spec;
};

/// Key-figure cards in rows of `columns`.
struct FlowCards {
  std::vector<std::vector<CardLine>> cards;
  int columns = 2;
};

struct FlowChart {
  const model::Chart* chart = nullptr;
  std::string caption; ///< "Biểu đồ 1: …", or empty
};

struct FlowImage {
  const model::ImageBlock* image = nullptr;
  std::string caption; ///< "Hình 1: …", or empty
};

/// Page 1's heading block.
struct FlowMasthead {
  const model::Document* document = nullptr;
  bool blank_number_date = false;
};

/// Recipients and signature, from the report.
struct FlowClosing {
  bool signature_fields = false;
};

/// The next pages: a new page, and its orientation, part and numbering.
struct FlowBreak {
  PageSetup setup;
};

/// The contents' lines (its title is the FlowText before it).
struct FlowContents {
  std::vector<ContentsEntry> entries;
};

using FlowBlock = std::variant<FlowText, FlowList, FlowTable, FlowCards, FlowChart, FlowImage,
                               FlowMasthead, FlowClosing, FlowBreak, FlowContents>;
using Flow = std::vector<FlowBlock>;

/// "I", "II", ... for 1, 2, ...
std::string roman(int n);
/// "a", "b", ..., "đ", ... in Vietnamese alphabet order (no f, j, w, z).
std::string alpha_vi(int n);
/// The heading number for the n-th (1-based) section with this numbering.
std::string heading_number(style::Numbering numbering, int n);

/// One unstyled span.
std::vector<text::Span> plain(const std::string& s);
/// The runs of rich text as spans; `bold` makes every run bold (a total row).
std::vector<text::Span> spans_of(const model::RichText& t, bool bold = false);
/// A table column titled `title`, `percent` of the width (0: sized from its content).
TableSpec::Column titled_column(const std::string& title, style::TextAlign align, double percent);
/// A bold italic label kept with what follows ("Tập thể", "Các khâu đột phá").
FlowText sub_label(const style::Style& style, const std::string& label);

/// The report as blocks, in reading order.
Flow flow(const model::Report& report, const style::Style& style,
          const LayoutOptions& options = {});

} // namespace baocao::layout
