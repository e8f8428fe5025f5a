#pragma once
// The report as plain data: what the user wrote, checked and normalised to NFC
// by `input`, with no YAML, Pango or Cairo types. Every node keeps the place in
// the input it came from, so later stages can point back at it.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/image_format.hpp"
#include "core/number_format.hpp"
#include "core/source_span.hpp"
#include "model/indicator.hpp"
#include "model/table_grid.hpp"

namespace baocao::model {

using core::SourceSpan;

/// A stretch of text with one style. Paragraph text is a sequence of runs.
struct Run {
  std::string text; ///< UTF-8, NFC
  bool bold = false;
  bool italic = false;
};

/// Inline-styled text (from "**bold**" and "*italic*" markup).
struct RichText {
  std::vector<Run> runs;
  SourceSpan where;
  /// The text without styling.
  std::string plain() const {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
  }
};

struct Paragraph {
  RichText text;
};

enum class ListStyle { bullet, numbered };

struct List {
  ListStyle style = ListStyle::bullet;
  std::vector<RichText> items;
  SourceSpan where;
};

enum class Align { left, center, right, decimal };

/// Column width: share of the text width, fixed millimetres, or automatic
/// (an equal share of what the fixed and percentage columns leave).
struct ColumnWidth {
  enum class Kind { automatic, percent, mm } kind = Kind::automatic;
  double value = 0;
};

struct Column {
  std::string title;
  Align align = Align::left;
  ColumnWidth width;
  bool numeric = false; ///< every body cell starting in this column is a number
};

/// A table cell. Numbers are kept as numbers so they are written the
/// Vietnamese way (1.721; 14,4) and right-aligned by default.
struct Cell {
  RichText text;
  std::optional<double> number;     ///< set when the YAML value was a number
  std::vector<RichText> paragraphs; ///< several paragraphs (then `text` is empty)
  std::vector<RichText> items;      ///< a bulleted list (then `text` is empty)
  int colspan = 1;
  int rowspan = 1;
  std::optional<Align> align; ///< overrides the column's
};

struct Table {
  std::string caption; ///< may be empty
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows; ///< cells as written: spans make rows shorter
  TableGrid grid;                      ///< where each cell of `rows` stands
  SourceSpan where;
  bool total = false;             ///< a row of column sums after the body
  std::string total_label;        ///< empty: the template's labels.table_total
  std::vector<int> total_columns; ///< 0-based columns to sum; empty: every numeric column
  std::optional<bool> zebra;      ///< absent: the template's table.zebra
  bool landscape = false;         ///< on landscape pages of its own
};

/// A PNG, JPEG or SVG picture the report refers to, checked and measured by
/// `input`. An SVG's size is its intrinsic size in CSS pixels (96 a inch).
struct Image {
  std::string path; ///< absolute
  core::ImageFormat format = core::ImageFormat::png;
  int width_px = 0;
  int height_px = 0;
  SourceSpan where;
};

/// A headline figure: "3.677 đảng viên", optionally against a target.
struct Figure {
  std::string id; ///< how a `figures` block refers to it; may be empty
  std::string label;
  double value = 0;
  std::string unit; ///< "%" is written without a space: "14,4%"
  std::optional<double> target;
  std::string note;
  SourceSpan where;
};

/// How a figures block shows its figures: cards in a grid, or a table.
enum class FiguresForm { grid, table };

/// Shows the listed key figures (by id, in this order) as a table or a grid.
struct FiguresBlock {
  std::vector<std::string> ids;
  SourceSpan where;
  std::optional<FiguresForm> as; ///< unset: the template's key_figures.as
  std::optional<int> columns;    ///< grid cards per row; unset: the template's
};

enum class AwardsForm { table, list };
enum class AwardsGrouping { none, level, authority };
enum class AwardsOrder { input, year };

/// Shows the report's awards (Report::awards). Each unset option takes the
/// template's awards default.
struct AwardsBlock {
  SourceSpan where;
  std::optional<AwardsForm> as;
  std::optional<AwardsGrouping> group_by;
  std::optional<AwardsOrder> sort;
  std::optional<bool> summary;
};

/// Shows the next-term goals (Report::goals).
struct GoalsBlock {
  SourceSpan where;
};

/// Schema 2: the results table of the report's indicators (Report::indicators):
/// STT | Chỉ tiêu | ĐVT | Nghị quyết | Thực hiện | Đánh giá, a row per group,
/// numbering continuous across groups, and the tally line under it.
struct IndicatorsBlock {
  SourceSpan where;
  std::string caption;             ///< may be empty: then the table is not numbered
  std::vector<std::string> groups; ///< titles of the groups shown, in report order; empty: all
  std::optional<bool> tally; ///< the "13/15 chỉ tiêu đạt và vượt" line; unset: the template's
};

/// One named row of values in a bar chart, one value per category.
struct ChartSeries {
  std::string name; ///< may be empty when there is one series
  std::vector<double> values;
};

/// A share (shares chart) or a result against its target (target chart).
struct ChartItem {
  std::string label;
  double value = 0;
  std::optional<double> target; ///< target charts only
  /// Schema 2: the indicator drawn, so the wording beside the bar is its
  /// assessment ("vượt 47% so với nghị quyết"), as in its table.
  std::optional<Indicator> indicator;
};

/// A chart drawn as vectors. Figures named by id are resolved by `input`
/// into categories/series or items, so layout sees only numbers and labels.
struct Chart {
  enum class Kind { bars, shares, target } kind = Kind::bars;
  std::string caption;                 ///< may be empty: then the chart is not numbered
  std::string unit;                    ///< "%" is attached to numbers; shares are always "%"
  std::vector<std::string> categories; ///< bars: one group of bars each
  std::vector<ChartSeries> series;     ///< bars
  std::vector<ChartItem> items;        ///< shares (parts) and target charts
  std::string rest;                    ///< shares: the label of what remains to 100; may be empty
  SourceSpan where;
};

enum class ImageAlign { left, center, right };

/// A picture in the body, with an optional numbered caption ("Hình 1: ...").
struct ImageBlock {
  Image image;
  /// mm or % of the text width; automatic: the picture's size at 96 dpi,
  /// at most the text width.
  ColumnWidth width;
  ImageAlign align = ImageAlign::center;
  std::string caption; ///< may be empty: then the picture is not numbered
  std::string alt;     ///< what the picture shows, for tagged output; may be empty
  SourceSpan where;
};

using Block = std::variant<Paragraph, List, Table, FiguresBlock, AwardsBlock, GoalsBlock, Chart,
                           IndicatorsBlock, ImageBlock>;

/// A numbered part of the narrative. level is 1 (I.), 2 (1.) or 3 (a)).
struct Section {
  int level = 1;
  std::string title;
  std::vector<Block> body;
  std::vector<Section> sections;
  SourceSpan where;
};

/// The contents page (MỤC LỤC): headings down to `depth`, with their pages.
struct Contents {
  std::optional<int> depth; ///< unset: the template's contents.depth
  std::string title;        ///< empty: the template's labels.contents
  enum class Position { start, end } position = Position::start;
  SourceSpan where;
};

/// An appendix (PHỤ LỤC I, II, …) after the signature: its own heading
/// numbering and, by template, its own page numbers.
struct Appendix {
  std::string title;
  std::string subtitle;
  bool landscape = false;
  std::vector<Block> body; ///< before its sections
  std::vector<Section> sections;
  SourceSpan where;
};

struct Award {
  std::string recipient;
  std::string award;
  std::string conferred_by;
  std::optional<int> year;
  std::optional<int> count; ///< how many times, "3 lần"
  SourceSpan where;
  /// tập thể / cá nhân; none when the line stands for both or is not said.
  enum class Level { none, collective, individual } level = Level::none;
  int recipients = 1; ///< how many recipients the line stands for ("398 cá nhân")
};

struct Goals {
  std::vector<Figure> targets; ///< schema 1: figures for the next term
  /// Schema 2: the next term's targets as indicators (a target, no result), in groups.
  std::vector<IndicatorGroup> indicators;
  std::vector<RichText> breakthroughs;
  std::vector<RichText> tasks;
};

struct Term {
  int from = 0;
  int to = 0;
};

struct Signature {
  std::string on_behalf_of;   ///< "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN"
  std::string delegation;     ///< "KT. CHỦ TỊCH" when a deputy signs; may be empty
  std::string role;           ///< "BÍ THƯ", "PHÓ CHỦ TỊCH"
  std::string name;           ///< may be empty: left for the signer
  std::optional<Image> image; ///< the scanned signature, drawn in the space above the name
  std::optional<Image> seal;  ///< the seal, over the left third of the signature
};

struct Metadata {
  std::string author;
  std::string subject;
  std::vector<std::string> keywords;
};

/// Decree 30's urgency (ô 10b, "dấu chỉ độ khẩn"), stamped under the number.
enum class Urgency { none, khan, thuong_khan, hoa_toc };

struct Document {
  std::string kind;                    ///< "BÁO CÁO"
  std::string number;                  ///< "125-BC/ĐUK"; may be empty
  std::string place;                   ///< "Phú Thọ"
  core::Date date;                     ///< the date the report is signed
  std::string title;                   ///< the summary line (trích yếu)
  std::string subtitle;                ///< may be empty
  std::string issuer;                  ///< issuing body, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
  std::string parent;                  ///< parent body; may be empty
  std::vector<std::string> addressees; ///< "Kính gửi: ..." lines; may be empty
  Metadata metadata;
  Urgency urgency = Urgency::none;
  /// Decree 30's distribution mark (ô 11): "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"...; may be empty.
  std::string circulation;
};

/// The report is a draft (docs/marks.md): a "DỰ THẢO" box at the top right
/// of the chosen pages and, if asked, a light diagonal watermark across them.
struct Draft {
  std::string label; ///< "DỰ THẢO LẦN 2"; empty: the template's
  enum class Pages { first, all, listed } pages = Pages::first;
  std::vector<int> listed; ///< 1-based page numbers, ascending, no repeats (Pages::listed)
  bool watermark = false;
  SourceSpan where; ///< the `draft` key (or the report, for --draft), for errors about it
};

/// A file the report's content reads besides the report itself (an image, a
/// data file): the output guard refuses to write over it and `watch` follows it.
struct ExternalFile {
  std::string path; ///< absolute, as read
  std::string role; ///< "an image the report draws", "a data file a table reads"
};

struct Report {
  int schema = 1;
  std::string template_name; ///< empty: the app's default
  SourceSpan template_where; ///< where `template` was written, for errors about it
  Document document;
  Term term;
  std::optional<Term> next_term;
  std::vector<Figure> figures; ///< schema 1
  /// Schema 2: the indicators (chỉ tiêu) in groups; ungrouped ones form
  /// groups with an empty title. Figures blocks and charts name them by id.
  std::vector<IndicatorGroup> indicators;
  std::vector<Section> sections;
  std::vector<Award> awards;
  Goals goals;
  /// "Trên đây là báo cáo ...": after the last section, with the signature; may be empty.
  RichText closing;
  std::optional<Signature> signature;
  std::vector<std::string> recipients;
  std::string source;         ///< "Nguồn: Báo Phú Thọ"; may be empty
  std::optional<Draft> draft; ///< set: the report is a draft (`draft:` or --draft)
  std::optional<Contents> contents;
  std::vector<Appendix> appendices;
  /// Every image and data file the loader read, in the order read.
  std::vector<ExternalFile> external_files;
  SourceSpan where; ///< the file itself
};

/// The figure with this id, or nullptr.
const Figure* find_figure(const Report& report, const std::string& id);
/// The indicator (schema 2) with this id, or nullptr.
const Indicator* find_indicator(const Report& report, const std::string& id);

} // namespace baocao::model
