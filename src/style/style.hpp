#pragma once
// A template's values as plain data. Templates are YAML files in templates/,
// read by `input` (input/template_schema.cpp binds each template key to a
// member here, with its default). The initial values below are only
// placeholders: the loader always fills every member.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace baocao::style {

enum class TextAlign { left, center, right, justify };

/// How one kind of text looks.
/// How a justified paragraph's lines are chosen (text/total_fit): how far a
/// space may grow (stretch) and shrink per unit of its natural width, and the
/// widest a space may get, in natural widths, unless no other breaks avoid it.
struct Justify {
  double stretch = 0.5;
  double shrink = 0.2;
  double max_space = 2;
};

struct TextStyle {
  std::string font; ///< family name, e.g. "Liberation Serif"
  double size = 14; ///< points
  bool bold = false;
  bool italic = false;
  bool uppercase = false; ///< transform the text to capitals
  bool underline = false; ///< a rule under each line (page-1 and closing blocks only)
  TextAlign align = TextAlign::left;
  double line_height = 1.2;     ///< line pitch as a multiple of size
  double space_before = 0;      ///< points
  double space_after = 0;       ///< points
  double first_line_indent = 0; ///< points (template gives mm)
  core::Color color;
  Justify justify; ///< the template's `justify`, the same in all its styles
};

enum class Numbering { none, roman, arabic, alpha_vi };

struct HeadingStyle {
  TextStyle text;
  Numbering numbering = Numbering::none;
  std::string separator = ". "; ///< between number and title: "I. " or "I- "
};

struct PageStyle {
  core::Size size;       ///< points
  double margin_top = 0; ///< points (template gives mm)
  double margin_bottom = 0;
  double margin_left = 0;
  double margin_right = 0;
};

struct PageNumberStyle {
  bool show = true;
  bool on_first_page = false;
  /// What is printed: {page}, {pages} (pages numbered in the same run: the
  /// report, or an appendix that numbers its own), {section}, {appendix}.
  std::string pattern = "{page}";
  double from_top = 0; ///< baseline distance from the page's top edge, points
  TextStyle text;
};

struct ListStyle {
  double indent = 0; ///< points from the text's left edge to the item text
  std::string bullet = "-";
  std::string number_suffix = ".";
  double item_space = 0; ///< points between items
};

struct TableStyle {
  TextStyle cell;
  TextStyle header; ///< header row cells
  TextStyle caption;
  double rule_width = 0.5; ///< points
  double padding_x = 0;    ///< points
  double padding_y = 0;    ///< points
  core::Color header_fill{0.9, 0.9, 0.9};
  double space_after = 0; ///< points
  bool zebra = false;     ///< tables stripe their body rows unless they say otherwise
  core::Color stripe_fill{0.95, 0.95, 0.95}; ///< behind every second body row
};

/// The page-1 heading block: bodies on the left, national/Party title on the
/// right, then the document kind and title centred.
/// A line at the foot (or head) of every page: text at the left and right
/// ends, with placeholders {issuer}, {kind}, {title}, {year}, {page},
/// {pages}, {section} and {appendix}.
struct FooterStyle {
  bool show = false;
  bool on_first_page = false;
  double from_bottom = 0; ///< baseline distance from the page's bottom (header: top) edge, points
  std::string left;
  std::string right;
  TextStyle text;
  double rule_width = 0; ///< a rule above the footer; 0 for none
  core::Color rule_color;
};

/// The contents page (MỤC LỤC): a title, then a line per heading with dot
/// leaders and its page number right-aligned.
struct ContentsStyle {
  int depth = 2;              ///< heading levels listed unless the report says
  TextStyle title_text;       ///< "MỤC LỤC"
  TextStyle entry_text[3];    ///< by heading level
  double indent = 0;          ///< points per level below the first
  double number_width = 0;    ///< points kept at the right for page numbers
  std::string leader = ".";   ///< repeated between an entry and its number
  bool new_page_after = true; ///< at the start: the body begins on a new page
};

/// Appendices: the heading "PHỤ LỤC I", the title under it, and their pages.
struct AppendixStyle {
  std::string label; ///< "PHỤ LỤC {n}" where {n} is Roman; {number} arabic
  TextStyle label_text;
  TextStyle title_text;
  TextStyle subtitle_text;
  double space_after = 0;         ///< points after the title block
  bool restart_pages = true;      ///< each appendix numbers its pages from 1
  std::string page_label;         ///< the PDF page label's prefix: "PL {n}-"
  bool number_first_page = false; ///< a page number on an appendix's first page
};

struct MastheadStyle {
  /// official: the two-column heading of Party and state documents;
  /// cover: a coloured band with the issuer, then a large left-aligned title.
  bool cover = false;
  core::Color accent;      ///< the cover band's colour
  double left_share = 0.4; ///< share of the text width for the left column
  std::string motto;       ///< "ĐẢNG CỘNG SẢN VIỆT NAM"
  std::string motto_sub;   ///< second line under the motto; may be empty
  TextStyle motto_text;
  TextStyle motto_sub_text;
  TextStyle parent_text;
  TextStyle issuer_text;
  std::string issuer_mark;        ///< "*" under the issuer; empty for a rule
  double issuer_rule_share = 0.4; ///< that rule's length as a share of the issuer's line
  bool rule_under_sub = false;    ///< the right column's rule goes under motto_sub, not motto
  TextStyle addressee_text;       ///< "Kính gửi: ..." under the title
  TextStyle number_text;
  TextStyle date_text;
  TextStyle kind_text;
  TextStyle title_text;
  TextStyle subtitle_text;
  double rule_width = 0.6;
  double space_after = 12; ///< points after the title block
};

struct SignatureStyle {
  TextStyle on_behalf_text;
  TextStyle delegation_text;
  TextStyle role_text;
  TextStyle name_text;
  double signature_space = 0; ///< points left blank for the signature and seal
  double image_height = 0;    ///< points: height of a signature image in that space
  double seal_size = 0;       ///< points: diameter (width) of a seal image
  TextStyle recipients_label_text;
  TextStyle recipients_text;
  TextStyle source_text;
  double space_before = 0;
};

/// Every word the layout writes that is not the user's.
struct Labels {
  std::string number_prefix;                ///< "Số" or "Số:"
  std::string date_pattern;                 ///< "{place}, {date}"
  std::string recipients;                   ///< "Nơi nhận:"
  std::string addressee;                    ///< "Kính gửi:"
  std::string closing_mark;                 ///< "./." after the body (state reports); may be empty
  std::string target_exceeded;              ///< "vượt {percent}% so với chỉ tiêu"
  std::string target_reached;               ///< "đạt {percent}% chỉ tiêu"
  std::string times;                        ///< "{count} lần"
  std::vector<std::string> figures_columns; ///< 4: label, value, against target, note
  /// 3: label, the next term's target, note. Its own titles: a targets table
  /// headed "Kết quả" (the figures table's) read as if the term were over.
  std::vector<std::string> goals_columns;
  /// 6: STT, indicator, unit, target, result, assessment (schema 2's results
  /// table); its note column takes figures_columns[3].
  std::vector<std::string> indicators_columns;
  /// 4: STT, indicator, unit, target (schema 2's next-term targets table).
  std::vector<std::string> targets_columns;
  std::vector<std::string> awards_columns; ///< 5: no., recipient, award, conferred by, year
  std::string goals_targets;
  std::string goals_breakthroughs;
  std::string goals_tasks;
  std::vector<std::string> month_names; ///< 12, January first, for {month_name}
  std::string source;                   ///< "Nguồn: {source}"
  std::string chart_caption;            ///< "Biểu đồ {n}: {caption}"
  std::string awards_collective;        ///< group heading "Tập thể"
  std::string awards_individual;        ///< group heading "Cá nhân"
  std::string awards_mixed;             ///< group heading for entries without a level
  std::string awards_year;              ///< "năm {year}" in a listing line
  /// "{individuals} cá nhân và {collectives} tập thể được khen thưởng", and
  /// the patterns used when one of the two counts is 0.
  std::string awards_summary;
  std::string awards_summary_individuals;
  std::string awards_summary_collectives;
  std::string key_figures_target; ///< "Chỉ tiêu: {target}" on a key-figure card
  std::string table_total;        ///< "Tổng cộng": the total row's label
  std::string table_caption;      ///< "Bảng {n}: {caption}"
  std::string contents;           ///< "MỤC LỤC"
  std::string image_caption;      ///< "Hình {n}: {caption}"
};

/// The words of indicators (chỉ tiêu, docs/indicators.md): a target with its
/// comparator, the assessment against it, the change against a baseline and
/// the tally line. Patterns hold {placeholders}; the loader checks which.
struct IndicatorWords {
  std::string against; ///< "chỉ tiêu": what a result is measured against, unless it says
  // A target by its comparator, around {target}; a bare target is written bare.
  std::string equal;     ///< "{target}"
  std::string at_least;  ///< "từ {target} trở lên"
  std::string more_than; ///< "trên {target}"
  std::string at_most;   ///< "không quá {target}"
  std::string less_than; ///< "dưới {target}"
  std::string about;     ///< "khoảng {target}"
  // The assessment, as a share of the target ({percent}, {against}) ...
  std::string exceeded_by;   ///< "vượt {percent}% so với {against}"
  std::string reached_share; ///< "đạt {percent}% {against}"
  // ... or as the result against the target ({result}, {target}, {against}).
  std::string exceeded; ///< "vượt {against}"
  std::string met;      ///< "đạt {against}"
  std::string missed;   ///< "không đạt ({result} so với {against} {target})"
  // The status a report states for words, which cannot be compared.
  std::string stated_exceeded; ///< "vượt"
  std::string stated_met;      ///< "đạt"
  std::string stated_missed;   ///< "không đạt"
  // The change against a baseline.
  std::string increase;  ///< "tăng {amount}"
  std::string decrease;  ///< "giảm {amount}"
  std::string unchanged; ///< "không thay đổi"
  std::string since;     ///< "{change} so với {when}", when the baseline says when
  std::string ratio;     ///< "{ratio} lần"
  std::string points;    ///< "{points} điểm phần trăm"
  /// A difference of two percentages as "1,94%" rather than "1,94 điểm phần trăm".
  bool points_as_percent = false;
  std::string tally; ///< "{count}/{total} chỉ tiêu đạt và vượt"
};

/// How a missed target stands out in an indicators table.
enum class MissedMark { none, bold, color };

/// The tables of indicators (schema 2): numbering, the mark of a missed
/// target and the tally line under the results table.
struct IndicatorTableStyle {
  std::string group_number; ///< a group row's STT: {roman} I, II; {n} 1, 2; "" none
  std::string numbering;    ///< an indicator's STT ({n}), numbered on across groups
  MissedMark missed_mark = MissedMark::none;
  core::Color missed_color; ///< with missed_mark color
  std::string tally_line;   ///< "Kết quả: {tally}."; "" for no line
};

/// How numbers are written: "3.677" and "14,4" in Vietnamese, "3,677" and
/// "14.4" in English.
struct NumberStyle {
  std::string thousands = ".";
  std::string decimal = ",";
};

/// Charts: colours in order for series and parts, lengths in points.
struct ChartStyle {
  std::vector<core::Color> colors; ///< at least 2
  core::Color rest_color;          ///< what remains to 100% in a shares chart
  core::Color axis_color;          ///< axes, the bar outline and target markers
  core::Color grid_color;
  double height = 0;     ///< plot area of a bar chart
  double min_height = 0; ///< what that plot may shrink to at a page's foot
  double bar_height = 0; ///< a shares or target bar
  TextStyle label_text;  ///< category and item labels, axis ticks
  TextStyle value_text;  ///< numbers on and beside bars
  TextStyle legend_text;
  double space_after = 0;
};

/// Pictures in the body (image blocks): the caption, and how far a picture
/// may shrink to stay at a page's foot before it moves to the next page.
struct ImageStyle {
  TextStyle caption_text;
  bool caption_above = false; ///< Vietnamese reports caption photos below
  double caption_gap = 0;     ///< points between the caption and the picture
  double min_scale = 0.6;     ///< share of its size a picture may shrink to
  double space_before = 0;    ///< points
  double space_after = 0;     ///< points
};

/// Defaults of an awards block (the input may override each).
struct AwardsStyle {
  bool list = false; ///< a numbered listing instead of a table
  enum class Grouping { none, level, authority } group_by = Grouping::none;
  bool sort_by_year = false;
  bool summary = false;
};

/// Key figures shown as a grid of cards (or, with grid false, as a table).
struct KeyFiguresStyle {
  bool grid = true;
  int columns = 3;
  TextStyle value_text; ///< the number, large
  TextStyle unit_text;
  TextStyle label_text;
  TextStyle note_text; ///< target wording, target and note
  bool fill = false;   ///< fill the cards with fill_color
  core::Color fill_color;
  double rule_width = 0.5; ///< card outline, points; 0 for none
  double padding = 0;      ///< inside a card, points
  double gap = 0;          ///< between cards, points
  double space_after = 0;  ///< points
};

/// Decree 30's marks (docs/marks.md): the urgency stamp and distribution
/// mark under the number on page 1, the draft box at the top right of the
/// draft's pages and the diagonal watermark across them.
struct MarksStyle {
  TextStyle urgency_text;
  std::string khan, thuong_khan, hoa_toc; ///< the stamps' words: KHẨN, THƯỢNG KHẨN, HỎA TỐC
  double khan_width = 0;                  ///< points (template gives mm), each stamp's width
  double thuong_khan_width = 0;
  double hoa_toc_width = 0;
  double stamp_height = 0;     ///< points
  double stamp_rule_width = 0; ///< the stamp's single border, points
  TextStyle circulation_text;  ///< "LƯU HÀNH NỘI BỘ"
  TextStyle draft_text;        ///< the words in the draft box
  std::string draft_label;     ///< "DỰ THẢO", unless the report's draft says
  double draft_padding = 0;    ///< points between the words and the box
  double draft_from_top = 0;   ///< points from the page's top edge to the box's top
  double draft_rule_width = 0; ///< points
  TextStyle watermark_text;    ///< size and colour (opaque light grey: PDF/A-1 has no transparency)
  std::string watermark;       ///< "DỰ THẢO"
  bool watermark_diagonal = true; ///< turned to the page's diagonal, else by watermark_angle
  double watermark_angle = 45;    ///< degrees counter-clockwise
};

struct Style {
  std::string name;
  std::string description; ///< one line for `baocao templates`
  /// The template's file and each it extends, as read: what no output may replace.
  std::vector<std::filesystem::path> files;
  std::vector<std::string> fonts_fallback; ///< families tried after a style's own
  PageStyle page;
  NumberStyle numbers;
  PageNumberStyle page_number;
  FooterStyle header; ///< a running header line in the top margin (same keys as the footer)
  FooterStyle footer;
  ContentsStyle contents;
  AppendixStyle appendix;
  TextStyle body;
  TextStyle sub_label_text; ///< over a goals block's targets, breakthroughs, tasks; awards groups
  HeadingStyle headings[3];
  ListStyle list;
  TableStyle table;
  MastheadStyle masthead;
  SignatureStyle signature;
  Labels labels;
  IndicatorWords indicators;
  IndicatorTableStyle indicator_table;
  ChartStyle chart;
  ImageStyle image;
  AwardsStyle awards;
  KeyFiguresStyle key_figures;
  MarksStyle marks;
  Justify justify;
};

} // namespace baocao::style

namespace baocao::style {
/// Every text style of a template with its key path ("masthead.date_text"),
/// for checks that must see them all (fonts).
std::vector<std::pair<std::string, const TextStyle*>> all_text_styles(const Style& s);
/// Gives every text style the template's `justify` values.
void share_justify(Style& s);
} // namespace baocao::style
