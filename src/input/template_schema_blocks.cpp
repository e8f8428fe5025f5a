#include "input/template_schema_blocks.hpp"

#include "input/messages.hpp"

namespace baocao::input::template_schema {
namespace {

namespace tt = template_types;
using S = style::Style;

/// A text style row: most rows of the masthead and signature are one.
Value styled(std::string path, style::TextStyle& (*field)(S&), std::string default_yaml,
             std::string vi, std::string en) {
  return value(std::move(path), tt::text_style(), field, std::move(default_yaml), std::move(vi),
               std::move(en));
}

/// A label row: text with the placeholders it may and must use.
Value labelled(std::string path, std::string& (*field)(S&), std::vector<std::string> allowed,
               std::vector<std::string> required, std::string default_yaml, std::string vi,
               std::string en) {
  return value(std::move(path), tt::label(std::move(allowed), std::move(required)), field,
               std::move(default_yaml), std::move(vi), std::move(en));
}

const char* const kSerifCentre = "{font: Liberation Serif, size: 14, align: center, "
                                 "line_height: 1.2";

void add_masthead(std::vector<Value>& v) {
  const std::string c = kSerifCentre;
  v.push_back(value(
      "masthead.style", tt::choice<bool>({{"official", false}, {"cover", true}}),
      [](S & s) -> auto& { return s.masthead.cover; }, "official",
      "official (hai cột) hoặc cover (dải màu, tên lớn)",
      "official (two columns) or cover (a coloured band, large title)"));
  v.push_back(value(
      "masthead.accent", tt::color(), [](S & s) -> auto& { return s.masthead.accent; },
      "\"#000000\"", "Màu dải và nét kẻ của kiểu cover", "The cover band's colour"));
  v.push_back(value(
      "masthead.left_share", tt::share(false), [](S & s) -> auto& { return s.masthead.left_share; },
      "0.42", "Phần chiều rộng của cột trái", "Share of the text width for the left column"));
  v.push_back(value(
      "masthead.motto", tt::text(true), [](S & s) -> auto& { return s.masthead.motto; },
      "ĐẢNG CỘNG SẢN VIỆT NAM", "Quốc hiệu hoặc tên Đảng", "The national or Party title"));
  v.push_back(value(
      "masthead.motto_sub", tt::text(true), [](S & s) -> auto& { return s.masthead.motto_sub; },
      "\"\"", "Dòng dưới quốc hiệu (tiêu ngữ)", "The line under it (the motto)"));
  v.push_back(styled(
      "masthead.motto_text", [](S & s) -> auto& { return s.masthead.motto_text; },
      "{font: Liberation Serif, size: 15, bold: true, align: center, line_height: 1.2}",
      "Kiểu chữ quốc hiệu", "The title's style"));
  v.push_back(styled(
      "masthead.motto_sub_text", [](S & s) -> auto& { return s.masthead.motto_sub_text; },
      c + ", bold: true}", "Kiểu chữ tiêu ngữ", "The motto's style"));
  v.push_back(styled(
      "masthead.parent_text", [](S & s) -> auto& { return s.masthead.parent_text; },
      c + ", uppercase: true}", "Kiểu chữ cơ quan cấp trên", "The parent body's style"));
  v.push_back(styled(
      "masthead.issuer_text", [](S & s) -> auto& { return s.masthead.issuer_text; },
      c + ", bold: true, uppercase: true}", "Kiểu chữ cơ quan ban hành", "The issuer's style"));
  v.push_back(value(
      "masthead.issuer_mark", tt::text(true), [](S & s) -> auto& { return s.masthead.issuer_mark; },
      "\"*\"", "Dấu dưới tên cơ quan (\"\" là nét kẻ)",
      "The mark under the issuer (\"\": a rule)"));
  v.push_back(value(
      "masthead.issuer_rule_share", tt::share(true),
      [](S & s) -> auto& { return s.masthead.issuer_rule_share; }, "0.4",
      "Độ dài nét kẻ dưới tên cơ quan, phần dòng", "That rule's length as a share of the line"));
  v.push_back(value(
      "masthead.rule_under", tt::choice<bool>({{"motto", false}, {"motto_sub", true}}),
      [](S & s) -> auto& { return s.masthead.rule_under_sub; }, "motto",
      "Dòng có nét kẻ dưới ở cột phải", "Which right-column line gets the rule"));
  v.push_back(styled(
      "masthead.addressee_text", [](S & s) -> auto& { return s.masthead.addressee_text; },
      "{font: Liberation Serif, size: 14, align: center, line_height: 1.3, space_before: 6}",
      "Kiểu chữ dòng Kính gửi", "The addressee line's style"));
  v.push_back(styled(
      "masthead.number_text", [](S & s) -> auto& { return s.masthead.number_text; }, c + "}",
      "Kiểu chữ số văn bản", "The document number's style"));
  v.push_back(styled(
      "masthead.date_text", [](S & s) -> auto& { return s.masthead.date_text; },
      c + ", italic: true}", "Kiểu chữ địa danh, ngày tháng", "The place and date's style"));
  v.push_back(styled(
      "masthead.kind_text", [](S & s) -> auto& { return s.masthead.kind_text; },
      "{font: Liberation Serif, size: 16, bold: true, uppercase: true, align: center, "
      "line_height: 1.2, space_before: 18}",
      "Kiểu chữ tên loại văn bản", "The document kind's style"));
  v.push_back(styled(
      "masthead.title_text", [](S & s) -> auto& { return s.masthead.title_text; },
      "{font: Liberation Serif, size: 14, bold: true, align: center, line_height: 1.25}",
      "Kiểu chữ trích yếu", "The title's style"));
  v.push_back(styled(
      "masthead.subtitle_text", [](S & s) -> auto& { return s.masthead.subtitle_text; },
      "{font: Liberation Serif, size: 14, italic: true, align: center, line_height: 1.25}",
      "Kiểu chữ phụ đề", "The subtitle's style"));
  v.push_back(value(
      "masthead.rule_width", tt::points(), [](S & s) -> auto& { return s.masthead.rule_width; },
      "0.6", "Độ dày nét kẻ (pt)", "Rules, points"));
  v.push_back(value(
      "masthead.space_after", tt::points(), [](S & s) -> auto& { return s.masthead.space_after; },
      "14", "Khoảng sau phần đầu (pt)", "Space after the block, points"));
}

void add_signature(std::vector<Value>& v) {
  const std::string c = kSerifCentre;
  v.push_back(value(
      "signature.space_before", tt::points(),
      [](S & s) -> auto& { return s.signature.space_before; }, "12", "Khoảng trước khối kết (pt)",
      "Space before the closing block, points"));
  v.push_back(styled(
      "signature.on_behalf_text", [](S & s) -> auto& { return s.signature.on_behalf_text; },
      c + ", bold: true, uppercase: true}", "Kiểu chữ dòng T/M", "The on-behalf line's style"));
  v.push_back(styled(
      "signature.delegation_text", [](S & s) -> auto& { return s.signature.delegation_text; },
      c + ", bold: true, uppercase: true}", "Kiểu chữ dòng KT.", "The delegation line's style"));
  v.push_back(styled(
      "signature.role_text", [](S & s) -> auto& { return s.signature.role_text; },
      c + ", uppercase: true}", "Kiểu chữ chức vụ", "The role's style"));
  v.push_back(styled(
      "signature.name_text", [](S & s) -> auto& { return s.signature.name_text; },
      c + ", bold: true}", "Kiểu chữ họ tên người ký", "The signer's name style"));
  v.push_back(value(
      "signature.signature_space", tt::mm(),
      [](S & s) -> auto& { return s.signature.signature_space; }, "28",
      "Khoảng để ký và đóng dấu (mm)", "Blank for the signature and seal, mm"));
  v.push_back(value(
      "signature.image_height", tt::mm(), [](S & s) -> auto& { return s.signature.image_height; },
      "20", "Chiều cao ảnh chữ ký (mm)", "A signature image's height, mm"));
  v.push_back(value(
      "signature.seal_size", tt::mm(), [](S & s) -> auto& { return s.signature.seal_size; }, "36",
      "Chiều rộng ảnh con dấu (mm)", "A seal image's width, mm"));
  v.push_back(styled(
      "signature.recipients_label_text",
      [](S & s) -> auto& { return s.signature.recipients_label_text; },
      "{font: Liberation Serif, size: 14, underline: true, align: left, line_height: 1.2}",
      "Kiểu chữ dòng Nơi nhận", "The recipients label's style"));
  v.push_back(styled(
      "signature.recipients_text", [](S & s) -> auto& { return s.signature.recipients_text; },
      "{font: Liberation Serif, size: 12, align: left, line_height: 1.2}", "Kiểu chữ từng nơi nhận",
      "Each recipient's style"));
  v.push_back(styled(
      "signature.source_text", [](S & s) -> auto& { return s.signature.source_text; },
      "{font: Liberation Serif, size: 12, italic: true, align: left, line_height: 1.2, "
      "space_before: 12}",
      "Kiểu chữ dòng Nguồn", "The source line's style"));
}

void add_labels(std::vector<Value>& v) {
  using L = std::string& (*)(S&);
  auto plain = [&](const char* key, L field, const char* def, const char* vi, const char* en) {
    v.push_back(labelled(std::string("labels.") + key, field, {}, {}, def, vi, en));
  };
  plain(
      "number_prefix", [](S & s) -> auto& { return s.labels.number_prefix; }, "\"Số\"",
      "Trước số văn bản", "Before the document number");
  v.push_back(
      custom("labels.date_pattern", tt::text(false).shape, "\"{place}, {date}\"",
             "Dòng địa danh, ngày tháng", "The place-and-date line", [](const Tree& t, S& s) {
               s.labels.date_pattern =
                   tt::label({"place", "date", "day", "month", "d", "m", "year", "month_name"}, {})
                       .read(t);
               const std::string& p = s.labels.date_pattern;
               if (p.find("{date}") == std::string::npos && p.find("{year}") == std::string::npos) {
                 fail(t, "the date has no {date} and no {year}",
                      "a pattern such as \"{place}, {date}\" or \"{place}, {month_name} "
                      "{d}, {year}\"");
               }
             }));
  plain(
      "recipients", [](S & s) -> auto& { return s.labels.recipients; }, "\"Nơi nhận:\"",
      "Trên danh sách nơi nhận", "Over the recipients list");
  plain(
      "addressee", [](S & s) -> auto& { return s.labels.addressee; }, "\"Kính gửi:\"",
      "Trước người nhận", "Before the addressee");
  v.push_back(value(
      "labels.closing_mark", tt::text(true), [](S & s) -> auto& { return s.labels.closing_mark; },
      "\"\"", "Dấu kết thúc phần nội dung (\"./.\")", "Closes the body (\"./.\"), or \"\""));
  v.push_back(labelled(
      "labels.target_exceeded", [](S & s) -> auto& { return s.labels.target_exceeded; },
      {"percent"}, {"percent"}, "\"vượt {percent}% so với chỉ tiêu\"", "Vượt chỉ tiêu",
      "Above the target"));
  v.push_back(labelled(
      "labels.target_reached", [](S & s) -> auto& { return s.labels.target_reached; }, {"percent"},
      {"percent"}, "\"đạt {percent}% chỉ tiêu\"", "Đạt chỉ tiêu", "At most the target"));
  v.push_back(labelled(
      "labels.times", [](S & s) -> auto& { return s.labels.times; }, {"count"}, {"count"},
      "\"{count} lần\"", "Số lần được khen", "How many times an award was given"));
  v.push_back(value(
      "labels.figures_columns", tt::text_list(4),
      [](S & s) -> auto& { return s.labels.figures_columns; },
      "[Nội dung, Kết quả, So với chỉ tiêu, Ghi chú]", "Tiêu đề 4 cột bảng số liệu",
      "The figures table's 4 column titles"));
  v.push_back(value(
      "labels.goals_columns", tt::text_list(3),
      [](S & s) -> auto& { return s.labels.goals_columns; }, "[Chỉ tiêu, Mục tiêu, Ghi chú]",
      "Tiêu đề 3 cột bảng chỉ tiêu nhiệm kỳ tới", "The next-term targets table's 3 column titles"));
  v.push_back(value(
      "labels.indicators_columns", tt::text_list(6),
      [](S & s) -> auto& { return s.labels.indicators_columns; },
      "[STT, Chỉ tiêu, ĐVT, Nghị quyết, Thực hiện, Đánh giá]",
      "Tiêu đề 6 cột bảng kết quả thực hiện chỉ tiêu (schema 2)",
      "The indicators results table's 6 column titles (schema 2)"));
  v.push_back(value(
      "labels.targets_columns", tt::text_list(4),
      [](S & s) -> auto& { return s.labels.targets_columns; }, "[STT, Chỉ tiêu, ĐVT, Mục tiêu]",
      "Tiêu đề 4 cột bảng chỉ tiêu nhiệm kỳ tới (schema 2)",
      "The next-term indicators table's 4 column titles (schema 2)"));
  v.push_back(value(
      "labels.awards_columns", tt::text_list(5),
      [](S & s) -> auto& { return s.labels.awards_columns; },
      "[TT, \"Tập thể, cá nhân\", Hình thức khen thưởng, Cấp khen, Năm]",
      "Tiêu đề 5 cột bảng khen thưởng", "The awards table's 5 column titles"));
  plain(
      "goals_targets", [](S & s) -> auto& { return s.labels.goals_targets; },
      "Các chỉ tiêu chủ yếu", "Khối mục tiêu: trên bảng chỉ tiêu", "Goals: over the targets");
  plain(
      "goals_breakthroughs", [](S & s) -> auto& { return s.labels.goals_breakthroughs; },
      "Các khâu đột phá", "Khối mục tiêu: trên các khâu đột phá", "Goals: over the breakthroughs");
  plain(
      "goals_tasks", [](S & s) -> auto& { return s.labels.goals_tasks; }, "\"Nhiệm vụ, giải pháp\"",
      "Khối mục tiêu: trên các nhiệm vụ", "Goals: over the tasks");
  v.push_back(value(
      "labels.month_names", tt::text_list(12), [](S & s) -> auto& { return s.labels.month_names; },
      "[tháng 1, tháng 2, tháng 3, tháng 4, tháng 5, tháng 6, tháng 7, tháng 8, tháng 9, tháng "
      "10, tháng 11, tháng 12]",
      "Tên 12 tháng, cho {month_name}", "The 12 month names, for {month_name}"));
  v.push_back(labelled(
      "labels.source", [](S & s) -> auto& { return s.labels.source; }, {"source"}, {"source"},
      "\"Nguồn: {source}\"", "Dòng nguồn số liệu", "The source line"));
  v.push_back(labelled(
      "labels.chart_caption", [](S & s) -> auto& { return s.labels.chart_caption; },
      {"n", "caption"}, {"caption"}, "\"Biểu đồ {n}: {caption}\"", "Tên biểu đồ",
      "A chart's caption"));
  v.push_back(labelled(
      "labels.image_caption", [](S & s) -> auto& { return s.labels.image_caption; },
      {"n", "caption"}, {"caption"}, "\"Hình {n}: {caption}\"", "Chú thích ảnh",
      "A picture's caption"));
  plain(
      "awards_collective", [](S & s) -> auto& { return s.labels.awards_collective; }, "Tập thể",
      "Nhóm khen thưởng tập thể", "The collective group's heading");
  plain(
      "awards_individual", [](S & s) -> auto& { return s.labels.awards_individual; }, "Cá nhân",
      "Nhóm khen thưởng cá nhân", "The individual group's heading");
  plain(
      "awards_mixed", [](S & s) -> auto& { return s.labels.awards_mixed; }, "Tập thể và cá nhân",
      "Nhóm không ghi cấp", "The heading of awards without a level");
  v.push_back(labelled(
      "labels.awards_year", [](S & s) -> auto& { return s.labels.awards_year; }, {"year"}, {"year"},
      "\"năm {year}\"", "Năm trong dòng khen thưởng", "The year in a listing line"));
  v.push_back(labelled(
      "labels.awards_summary", [](S & s) -> auto& { return s.labels.awards_summary; },
      {"individuals", "collectives"}, {"individuals", "collectives"},
      "\"{individuals} cá nhân và {collectives} tập thể được khen thưởng.\"",
      "Dòng tổng hợp khen thưởng", "The awards summary line"));
  v.push_back(labelled(
      "labels.awards_summary_individuals",
      [](S & s) -> auto& { return s.labels.awards_summary_individuals; }, {"individuals"},
      {"individuals"}, "\"{individuals} cá nhân được khen thưởng.\"",
      "Dòng tổng hợp khi chỉ có cá nhân", "The summary without collectives"));
  v.push_back(labelled(
      "labels.awards_summary_collectives",
      [](S & s) -> auto& { return s.labels.awards_summary_collectives; }, {"collectives"},
      {"collectives"}, "\"{collectives} tập thể được khen thưởng.\"",
      "Dòng tổng hợp khi chỉ có tập thể", "The summary without individuals"));
  v.push_back(labelled(
      "labels.key_figures_target", [](S & s) -> auto& { return s.labels.key_figures_target; },
      {"target"}, {"target"}, "\"Chỉ tiêu: {target}\"", "Dòng chỉ tiêu trên thẻ số liệu",
      "A key-figure card's target line"));
  plain(
      "table_total", [](S & s) -> auto& { return s.labels.table_total; }, "Tổng cộng",
      "Nhãn hàng tổng", "The total row's label");
  v.push_back(labelled(
      "labels.table_caption", [](S & s) -> auto& { return s.labels.table_caption; },
      {"n", "caption"}, {"caption"}, "\"Bảng {n}: {caption}\"", "Tên bảng", "A table's caption"));
  plain(
      "contents", [](S & s) -> auto& { return s.labels.contents; }, "MỤC LỤC", "Tiêu đề mục lục",
      "The contents page's title");
}

void add_chart(std::vector<Value>& v) {
  v.push_back(value(
      "chart.colors", tt::colors(2), [](S & s) -> auto& { return s.chart.colors; },
      "[\"#3a3a3a\", \"#9a9a9a\", \"#6a6a6a\", \"#c8c8c8\", \"#1a1a1a\", \"#b0b0b0\"]",
      "Màu các dãy số liệu, theo thứ tự", "Series and parts' colours, in order"));
  v.push_back(value(
      "chart.rest_color", tt::color(), [](S & s) -> auto& { return s.chart.rest_color; },
      "\"#e6e6e6\"", "Màu phần còn lại đến 100%", "What remains to 100% in a shares chart"));
  v.push_back(value(
      "chart.axis_color", tt::color(), [](S & s) -> auto& { return s.chart.axis_color; },
      "\"#000000\"", "Màu trục, viền, mốc chỉ tiêu", "Axes, outlines, target markers"));
  v.push_back(value(
      "chart.grid_color", tt::color(), [](S & s) -> auto& { return s.chart.grid_color; },
      "\"#cccccc\"", "Màu đường lưới", "Gridlines"));
  v.push_back(value(
      "chart.height", tt::mm_up_to(200), [](S & s) -> auto& { return s.chart.height; }, "60",
      "Chiều cao vùng cột (mm)", "A bar chart's plot height, mm"));
  v.push_back(value(
      "chart.min_height", tt::mm_up_to(200), [](S & s) -> auto& { return s.chart.min_height; },
      "40", "Chiều cao vùng cột nhỏ nhất khi co lại ở cuối trang (mm)",
      "The plot height a bar chart may shrink to at a page's foot, mm"));
  v.push_back(value(
      "chart.bar_height", tt::mm_up_to(50), [](S & s) -> auto& { return s.chart.bar_height; }, "9",
      "Độ dày thanh tỷ lệ, thanh chỉ tiêu (mm)", "A shares or target bar's thickness, mm"));
  v.push_back(styled(
      "chart.label_text", [](S & s) -> auto& { return s.chart.label_text; },
      "{font: Liberation Serif, size: 11, align: center, line_height: 1.2}", "Kiểu chữ nhãn, trục",
      "Labels and axis ticks' style"));
  v.push_back(styled(
      "chart.value_text", [](S & s) -> auto& { return s.chart.value_text; },
      "{font: Liberation Serif, size: 11, bold: true, line_height: 1.2}", "Kiểu chữ giá trị",
      "Values' style"));
  v.push_back(styled(
      "chart.legend_text", [](S & s) -> auto& { return s.chart.legend_text; },
      "{font: Liberation Serif, size: 11, line_height: 1.25}", "Kiểu chữ chú giải",
      "Legends' style"));
  v.push_back(value(
      "chart.space_after", tt::points(), [](S & s) -> auto& { return s.chart.space_after; }, "8",
      "Khoảng sau biểu đồ (pt)", "Space after a chart, points"));
}

void add_image(std::vector<Value>& v) {
  v.push_back(styled(
      "image.caption_text", [](S & s) -> auto& { return s.image.caption_text; },
      "{font: Liberation Serif, size: 13, italic: true, align: center, line_height: 1.2}",
      "Kiểu chữ chú thích ảnh", "A picture's caption style"));
  v.push_back(value(
      "image.caption", tt::choice<bool>({{"below", false}, {"above", true}}),
      [](S & s) -> auto& { return s.image.caption_above; }, "below",
      "Chú thích dưới (below) hoặc trên (above) ảnh", "The caption below or above the picture"));
  v.push_back(value(
      "image.caption_gap", tt::points(), [](S & s) -> auto& { return s.image.caption_gap; }, "4",
      "Khoảng giữa ảnh và chú thích (pt)", "Between the picture and its caption, points"));
  v.push_back(value(
      "image.min_scale", tt::share(true), [](S & s) -> auto& { return s.image.min_scale; }, "0.6",
      "Tỷ lệ nhỏ nhất ảnh được thu lại để nằm ở cuối trang (1 là không thu)",
      "The share of its size a picture may shrink to at a page's foot (1: never)"));
  v.push_back(value(
      "image.space_before", tt::points(), [](S & s) -> auto& { return s.image.space_before; }, "6",
      "Khoảng trước ảnh (pt)", "Space before a picture, points"));
  v.push_back(value(
      "image.space_after", tt::points(), [](S & s) -> auto& { return s.image.space_after; }, "8",
      "Khoảng sau ảnh (pt)", "Space after a picture, points"));
}

void add_awards_and_figures(std::vector<Value>& v) {
  using G = style::AwardsStyle::Grouping;
  v.push_back(value(
      "awards.as", tt::choice<bool>({{"table", false}, {"list", true}}),
      [](S & s) -> auto& { return s.awards.list; }, "table", "Dạng bảng hoặc danh sách",
      "A table or a numbered listing"));
  v.push_back(value(
      "awards.group_by",
      tt::choice<G>({{"none", G::none}, {"level", G::level}, {"authority", G::authority}}),
      [](S & s) -> auto& { return s.awards.group_by; }, "none",
      "Nhóm theo cấp (tập thể, cá nhân) hoặc cấp khen", "Group by level or by authority"));
  v.push_back(value(
      "awards.sort", tt::choice<bool>({{"input", false}, {"year", true}}),
      [](S & s) -> auto& { return s.awards.sort_by_year; }, "input",
      "Giữ thứ tự nhập hoặc xếp theo năm", "Input order or by year"));
  v.push_back(value(
      "awards.summary", tt::boolean(), [](S & s) -> auto& { return s.awards.summary; }, "false",
      "Dòng tổng hợp số được khen", "A line counting the recipients"));
  v.push_back(value(
      "key_figures.as", tt::choice<bool>({{"grid", true}, {"table", false}}),
      [](S & s) -> auto& { return s.key_figures.grid; }, "table", "Dạng thẻ hoặc bảng",
      "Cards in a grid, or a table"));
  v.push_back(value(
      "key_figures.columns", tt::whole_number(1, 6),
      [](S & s) -> auto& { return s.key_figures.columns; }, "3", "Số thẻ mỗi hàng",
      "Cards per grid row"));
  v.push_back(styled(
      "key_figures.value_text", [](S & s) -> auto& { return s.key_figures.value_text; },
      "{font: Liberation Serif, size: 22, bold: true, align: center, line_height: 1.15}",
      "Kiểu chữ giá trị", "The value's style"));
  v.push_back(styled(
      "key_figures.unit_text", [](S & s) -> auto& { return s.key_figures.unit_text; },
      "{font: Liberation Serif, size: 12, align: center, line_height: 1.2}", "Kiểu chữ đơn vị",
      "The unit's style"));
  v.push_back(styled(
      "key_figures.label_text", [](S & s) -> auto& { return s.key_figures.label_text; },
      "{font: Liberation Serif, size: 12, bold: true, align: center, line_height: 1.2, "
      "space_before: 3}",
      "Kiểu chữ tên số liệu", "The label's style"));
  v.push_back(styled(
      "key_figures.note_text", [](S & s) -> auto& { return s.key_figures.note_text; },
      "{font: Liberation Serif, size: 11, italic: true, align: center, line_height: 1.2, "
      "space_before: 2}",
      "Kiểu chữ chỉ tiêu, ghi chú", "Target and note's style"));
  schema::Shape fill = tt::color().shape;
  fill.pattern = "^(#[0-9a-fA-F]{6})?$";
  fill.may_be_empty = true;
  v.push_back(custom("key_figures.fill", fill, "\"\"", "Màu nền thẻ (\"\" là không tô)",
                     "The cards' background (\"\": none)", [](const Tree& t, S& s) {
                       // "" leaves the cards unfilled.
                       s.key_figures.fill =
                           !(t.kind == Tree::Kind::scalar && t.quoted && t.scalar.empty());
                       if (s.key_figures.fill) s.key_figures.fill_color = tt::color().read(t);
                     }));
  v.push_back(value(
      "key_figures.rule_width", tt::points(),
      [](S & s) -> auto& { return s.key_figures.rule_width; }, "0.5",
      "Viền thẻ (pt, 0 là không viền)", "Card outline, points (0: none)"));
  v.push_back(value(
      "key_figures.padding", tt::mm(), [](S & s) -> auto& { return s.key_figures.padding; }, "2.5",
      "Lề trong thẻ (mm)", "Inside a card, mm"));
  v.push_back(value(
      "key_figures.gap", tt::mm(), [](S & s) -> auto& { return s.key_figures.gap; }, "4",
      "Khoảng giữa các thẻ (mm)", "Between cards, mm"));
  v.push_back(value(
      "key_figures.space_after", tt::points(),
      [](S & s) -> auto& { return s.key_figures.space_after; }, "8", "Khoảng sau khối (pt)",
      "Space after the block, points"));
}

/// Decree 30's marks (docs/marks.md). The stamp sizes are Appendix I's.
void add_marks(std::vector<Value>& v) {
  v.push_back(styled(
      "marks.urgency_text", [](S & s) -> auto& { return s.marks.urgency_text; },
      "{font: Liberation Serif, size: 13, bold: true, uppercase: true, align: center, "
      "line_height: 1.0, space_before: 3}",
      "Kiểu chữ dấu độ khẩn (in hoa, đứng, đậm, 13-14)",
      "The urgency stamp's words (bold upright capitals, 13-14 pt)"));
  v.push_back(value(
      "marks.khan", tt::text(false), [](S & s) -> auto& { return s.marks.khan; }, "KHẨN",
      "Chữ của dấu khẩn", "The words of urgency khan"));
  v.push_back(value(
      "marks.thuong_khan", tt::text(false), [](S & s) -> auto& { return s.marks.thuong_khan; },
      "THƯỢNG KHẨN", "Chữ của dấu thượng khẩn", "The words of urgency thuong_khan"));
  v.push_back(value(
      "marks.hoa_toc", tt::text(false), [](S & s) -> auto& { return s.marks.hoa_toc; }, "HỎA TỐC",
      "Chữ của dấu hỏa tốc", "The words of urgency hoa_toc"));
  v.push_back(value(
      "marks.khan_width", tt::mm_up_to(100), [](S & s) -> auto& { return s.marks.khan_width; },
      "20", "Chiều rộng dấu KHẨN (mm)", "The KHẨN stamp's width, mm"));
  v.push_back(value(
      "marks.thuong_khan_width", tt::mm_up_to(100),
      [](S & s) -> auto& { return s.marks.thuong_khan_width; }, "40",
      "Chiều rộng dấu THƯỢNG KHẨN (mm)", "The THƯỢNG KHẨN stamp's width, mm"));
  v.push_back(value(
      "marks.hoa_toc_width", tt::mm_up_to(100),
      [](S & s) -> auto& { return s.marks.hoa_toc_width; }, "30", "Chiều rộng dấu HỎA TỐC (mm)",
      "The HỎA TỐC stamp's width, mm"));
  v.push_back(value(
      "marks.stamp_height", tt::mm_up_to(40), [](S & s) -> auto& { return s.marks.stamp_height; },
      "8", "Chiều cao dấu độ khẩn (mm)", "The urgency stamps' height, mm"));
  v.push_back(value(
      "marks.stamp_rule_width", tt::points(),
      [](S & s) -> auto& { return s.marks.stamp_rule_width; }, "0.8", "Nét viền dấu độ khẩn (pt)",
      "The stamps' single border, points"));
  v.push_back(styled(
      "marks.circulation_text", [](S & s) -> auto& { return s.marks.circulation_text; },
      "{font: Liberation Serif, size: 13, bold: true, uppercase: true, align: center, "
      "line_height: 1.2, space_before: 4}",
      "Kiểu chữ chỉ dẫn phạm vi lưu hành", "The distribution mark's style"));
  v.push_back(styled(
      "marks.draft_text", [](S & s) -> auto& { return s.marks.draft_text; },
      "{font: Liberation Serif, size: 14, bold: true, uppercase: true, align: center, "
      "line_height: 1.2}",
      "Kiểu chữ trong khung dự thảo", "The draft box's words"));
  v.push_back(value(
      "marks.draft_label", tt::text(false), [](S & s) -> auto& { return s.marks.draft_label; },
      "DỰ THẢO", "Chữ trong khung dự thảo (khi báo cáo không ghi)",
      "The draft box's words, unless the report's draft gives a label"));
  v.push_back(value(
      "marks.draft_padding", tt::mm_up_to(20), [](S & s) -> auto& { return s.marks.draft_padding; },
      "1.5", "Khoảng giữa chữ và khung dự thảo (mm)", "Between the words and the box, mm"));
  v.push_back(value(
      "marks.draft_from_top", tt::mm_up_to(100),
      [](S & s) -> auto& { return s.marks.draft_from_top; }, "8",
      "Từ mép trên trang đến khung dự thảo (mm)", "From the page's top edge to the box, mm"));
  v.push_back(value(
      "marks.draft_rule_width", tt::points(),
      [](S & s) -> auto& { return s.marks.draft_rule_width; }, "0.8", "Nét khung dự thảo (pt)",
      "The draft box's border, points"));
  v.push_back(styled(
      "marks.watermark_text", [](S & s) -> auto& { return s.marks.watermark_text; },
      "{font: Liberation Serif, size: 110, bold: true, uppercase: true, align: left, "
      "line_height: 1.0, color: \"#DDDDDD\"}",
      "Kiểu chữ dấu chìm (xám nhạt, không trong suốt)",
      "The watermark (light grey, opaque: PDF/A-1 allows no transparency)"));
  v.push_back(value(
      "marks.watermark", tt::text(false), [](S & s) -> auto& { return s.marks.watermark; },
      "DỰ THẢO", "Chữ của dấu chìm", "The watermark's words"));
  schema::Shape angle;
  angle.type = schema::Type::one_of;
  schema::Shape diagonal = tt::choice<bool>({{"diagonal", true}}).shape;
  angle.items = {diagonal, tt::multiple(-90, 90).shape};
  v.push_back(
      custom("marks.watermark_angle", angle, "diagonal",
             "Góc dấu chìm: diagonal (đường chéo trang) hoặc số độ, ngược chiều kim đồng hồ",
             "The watermark's angle: diagonal (the page's) or degrees counter-clockwise",
             [](const Tree& t, S& s) {
               s.marks.watermark_diagonal =
                   t.kind == Tree::Kind::scalar && !is_plain_number(t) && t.scalar == "diagonal";
               if (!s.marks.watermark_diagonal) {
                 if (!is_plain_number(t))
                   fail(t, "got " + describe(t), "diagonal, or degrees from -90 to 90");
                 s.marks.watermark_angle = tt::multiple(-90, 90).read(t);
               }
             }));
}

} // namespace

void add_blocks(std::vector<Value>& v) {
  add_masthead(v);
  add_signature(v);
  add_labels(v);
  add_chart(v);
  add_image(v);
  add_awards_and_figures(v);
  add_marks(v);
}

} // namespace baocao::input::template_schema
