#include "input/template_schema_pages.hpp"

#include "input/template_schema_blocks.hpp"

namespace baocao::input::template_schema {
namespace {

namespace tt = template_types;
using S = style::Style;

} // namespace

const std::vector<std::string>& margin_line_fields() {
  static const std::vector<std::string> fields = {"issuer", "kind",  "title",   "year",
                                                  "page",   "pages", "section", "appendix"};
  return fields;
}

void add_page_number_pattern(std::vector<Value>& v) {
  v.push_back(value(
      "page_number.pattern", tt::label(margin_line_fields(), {}),
      [](S & s) -> auto& { return s.page_number.pattern; }, "\"{page}\"",
      "Chữ in làm số trang: {page}, {pages} (tổng số trang), {section}, {appendix}",
      "What the page number prints: {page}, {pages} (the page count), {section}, {appendix}"));
}

void add_header(std::vector<Value>& v) {
  v.push_back(value(
      "header.show", tt::boolean(), [](S & s) -> auto& { return s.header.show; }, "false",
      "In đầu trang", "Print the running header"));
  v.push_back(value(
      "header.first_page", tt::boolean(), [](S & s) -> auto& { return s.header.on_first_page; },
      "false", "In đầu trang ở trang 1", "Also on page 1"));
  v.push_back(value(
      "header.from_top", tt::mm(), [](S & s) -> auto& { return s.header.from_bottom; }, "12",
      "Từ mép trên đến chân dòng đầu trang (mm)", "Page top to the header's baseline, mm"));
  v.push_back(value(
      "header.left", tt::label(margin_line_fields(), {}),
      [](S & s) -> auto& { return s.header.left; }, "\"\"",
      "Chữ bên trái đầu trang ({section} {appendix} {page} {pages} ...)",
      "Header text at the left ({section} {appendix} {page} {pages} ...)"));
  v.push_back(value(
      "header.right", tt::label(margin_line_fields(), {}),
      [](S & s) -> auto& { return s.header.right; }, "\"\"", "Chữ bên phải đầu trang",
      "Header text at the right"));
  v.push_back(value(
      "header.text", tt::text_style(), [](S & s) -> auto& { return s.header.text; },
      "{font: Liberation Serif, size: 10, italic: true}", "Kiểu chữ đầu trang",
      "The header's style"));
  v.push_back(value(
      "header.rule_width", tt::points(), [](S & s) -> auto& { return s.header.rule_width; }, "0",
      "Nét kẻ dưới đầu trang (pt, 0 là không kẻ)", "Rule under the header, points (0: none)"));
  v.push_back(value(
      "header.rule_color", tt::color(), [](S & s) -> auto& { return s.header.rule_color; },
      "\"#000000\"", "Màu nét kẻ đó", "That rule's colour"));
}

void add_contents_and_appendix(std::vector<Value>& v) {
  v.push_back(value(
      "contents.depth", tt::whole_number(1, 3), [](S & s) -> auto& { return s.contents.depth; },
      "2", "Số cấp tiêu đề trong mục lục", "Heading levels the contents lists"));
  v.push_back(value(
      "contents.title_text", tt::text_style(), [](S & s) -> auto& { return s.contents.title_text; },
      "{font: Liberation Serif, size: 14, bold: true, align: center, space_after: 12}",
      "Kiểu chữ tiêu đề MỤC LỤC", "The contents title's style"));
  const char* levels[3] = {
      "{font: Liberation Serif, size: 13, bold: true, line_height: 1.3, space_before: 4}",
      "{font: Liberation Serif, size: 13, line_height: 1.3, space_before: 2}",
      "{font: Liberation Serif, size: 13, italic: true, line_height: 1.3}"};
  v.push_back(value(
      "contents.level1_text", tt::text_style(),
      [](S & s) -> auto& { return s.contents.entry_text[0]; }, levels[0],
      "Kiểu chữ dòng tiêu đề cấp 1", "A level-1 entry's style"));
  v.push_back(value(
      "contents.level2_text", tt::text_style(),
      [](S & s) -> auto& { return s.contents.entry_text[1]; }, levels[1],
      "Kiểu chữ dòng tiêu đề cấp 2", "A level-2 entry's style"));
  v.push_back(value(
      "contents.level3_text", tt::text_style(),
      [](S & s) -> auto& { return s.contents.entry_text[2]; }, levels[2],
      "Kiểu chữ dòng tiêu đề cấp 3", "A level-3 entry's style"));
  v.push_back(value(
      "contents.indent", tt::mm(), [](S & s) -> auto& { return s.contents.indent; }, "6",
      "Thụt vào mỗi cấp (mm)", "Indent per level, mm"));
  v.push_back(value(
      "contents.number_width", tt::mm(), [](S & s) -> auto& { return s.contents.number_width; },
      "20", "Bề rộng dành cho số trang (mm)", "Width kept for page numbers, mm"));
  v.push_back(value(
      "contents.leader", tt::text(true), [](S & s) -> auto& { return s.contents.leader; }, "\".\"",
      "Dấu dẫn giữa tiêu đề và số trang (rỗng: không có)",
      "Leader between an entry and its page (empty: none)"));
  v.push_back(value(
      "contents.new_page_after", tt::boolean(),
      [](S & s) -> auto& { return s.contents.new_page_after; }, "true",
      "Mục lục ở đầu: phần nội dung sang trang mới",
      "Contents at the start: the body begins on a new page"));

  v.push_back(value(
      "appendix.label", tt::label({"n", "number"}, {}),
      [](S & s) -> auto& { return s.appendix.label; }, "\"PHỤ LỤC {n}\"",
      "Nhãn phụ lục ({n}: số La Mã, {number}: số thường)",
      "The appendix label ({n}: Roman, {number}: arabic)"));
  v.push_back(value(
      "appendix.label_text", tt::text_style(), [](S & s) -> auto& { return s.appendix.label_text; },
      "{font: Liberation Serif, size: 14, bold: true, align: center}", "Kiểu chữ nhãn phụ lục",
      "The label's style"));
  v.push_back(value(
      "appendix.title_text", tt::text_style(), [](S & s) -> auto& { return s.appendix.title_text; },
      "{font: Liberation Serif, size: 14, bold: true, uppercase: true, align: center}",
      "Kiểu chữ tên phụ lục", "The title's style"));
  v.push_back(value(
      "appendix.subtitle_text", tt::text_style(),
      [](S & s) -> auto& { return s.appendix.subtitle_text; },
      "{font: Liberation Serif, size: 14, italic: true, align: center}", "Kiểu chữ dòng dưới tên",
      "The subtitle's style"));
  v.push_back(value(
      "appendix.space_after", tt::points(), [](S & s) -> auto& { return s.appendix.space_after; },
      "12", "Khoảng cách sau tên phụ lục (pt)", "Space after the title block, points"));
  v.push_back(value(
      "appendix.pages", tt::choice<bool>({{"restart", true}, {"continue", false}}),
      [](S & s) -> auto& { return s.appendix.restart_pages; }, "restart",
      "Mỗi phụ lục đánh số trang từ 1 (restart) hoặc tiếp theo báo cáo (continue)",
      "Each appendix numbers its pages from 1 (restart), or they continue the report's"));
  v.push_back(value(
      "appendix.page_label", tt::label({"n", "number"}, {}),
      [](S & s) -> auto& { return s.appendix.page_label; }, "\"PL {n}-\"",
      "Tiền tố nhãn trang PDF của phụ lục (khi đánh số lại)",
      "The PDF page label's prefix of an appendix's pages (when they restart)"));
  v.push_back(value(
      "appendix.number_first_page", tt::boolean(),
      [](S & s) -> auto& { return s.appendix.number_first_page; }, "false",
      "In số trang ở trang đầu mỗi phụ lục", "A page number on an appendix's first page"));
}

} // namespace baocao::input::template_schema
