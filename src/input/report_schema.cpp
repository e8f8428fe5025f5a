#include "input/report_schema.hpp"

#include <algorithm>
#include <stdexcept>

namespace baocao::input::schema {
namespace {

// ---- Shapes ------------------------------------------------------------------

Shape shape(Type type) {
  Shape s;
  s.type = type;
  return s;
}

ObjectKind kind(std::string name, std::string vi, std::string en, std::vector<Key> keys) {
  ObjectKind k;
  k.name = std::move(name);
  k.vi = std::move(vi);
  k.en = std::move(en);
  k.keys = std::move(keys);
  return k;
}

Shape text() {
  return shape(Type::text);
}
/// Optional text: "" and `key:` (nothing) are the same as leaving the key out.
Shape opt_text() {
  Shape s = shape(Type::text);
  s.may_be_empty = true;
  s.nullable = true;
  return s;
}
Shape rich() {
  return shape(Type::rich_text);
}
Shape number() {
  return shape(Type::number);
}
Shape number_above(double min, bool exclusive) {
  Shape s = shape(Type::number);
  s.minimum = min;
  s.exclusive_minimum = exclusive;
  return s;
}
Shape integer(double lo, double hi) {
  Shape s = shape(Type::integer);
  s.minimum = lo;
  s.maximum = hi;
  return s;
}
Shape year() {
  return integer(1900, 2200);
}
Shape date() {
  return shape(Type::date);
}
Shape boolean() {
  return shape(Type::boolean);
}
Shape id() {
  return shape(Type::id);
}
Shape choice(std::vector<std::string> values) {
  Shape s = shape(Type::choice);
  s.values = std::move(values);
  return s;
}
Shape list_of(Shape item, std::size_t min_items = 0) {
  Shape s = shape(Type::list);
  s.items.push_back(std::move(item));
  s.min_items = min_items;
  return s;
}
/// An optional list read with optional_list: `key:` (nothing) is an empty list.
Shape opt_list(Shape item) {
  Shape s = list_of(std::move(item));
  s.nullable = true;
  return s;
}
Shape ref(std::string name) {
  Shape s = shape(Type::object);
  s.ref = std::move(name);
  return s;
}
Shape one_of(std::vector<Shape> alternatives) {
  Shape s = shape(Type::one_of);
  s.items = std::move(alternatives);
  return s;
}
Shape nullable(Shape s) {
  s.nullable = true;
  return s;
}

/// A table cell: a number, text ("" for an empty cell) or a mapping.
Shape cell_value() {
  Shape empty_text = rich();
  empty_text.may_be_empty = true;
  return one_of({number(), empty_text, ref("cell")});
}

Key req(std::string name, Shape s, std::string vi, std::string en) {
  return Key{std::move(name), std::move(s), true, std::move(vi), std::move(en)};
}
Key opt(std::string name, Shape s, std::string vi, std::string en) {
  return Key{std::move(name), std::move(s), false, std::move(vi), std::move(en)};
}

// ---- The format (docs/schema.md) ---------------------------------------------

std::vector<ObjectKind> make_kinds() {
  std::vector<ObjectKind> k;
  ObjectKind report =
      kind("report", "Báo cáo tổng kết nhiệm kỳ (baocao, schema 1 hoặc 2)",
           "A term report for baocao (schema 1 or 2)",
           {
               req("schema", integer(1, 2), "Phiên bản định dạng: 1, hoặc 2 (chỉ tiêu: indicators)",
                   "Format version: 1, or 2 (indicators)"),
               opt("template", opt_text(),
                   "Mẫu trình bày: tên mẫu có sẵn (dang, nha-nuoc, hien-dai) hoặc đường dẫn "
                   "tệp mẫu",
                   "Template: a built-in name (dang, nha-nuoc, hien-dai) or a path to a "
                   "template file"),
               req("document", ref("document"), "Thông tin văn bản", "The document's heading data"),
               req("term", ref("term"), "Nhiệm kỳ được báo cáo", "The term reported on"),
               opt("next_term", ref("term"), "Nhiệm kỳ tới", "The coming term"),
               opt("figures", opt_list(ref("figure")), "Các số liệu chủ yếu (schema 1)",
                   "Key figures, shown by figures blocks and charts (schema 1)"),
               opt("indicators", opt_list(one_of({ref("indicator"), ref("indicator_group")})),
                   "Các chỉ tiêu (schema 2): chỉ tiêu hoặc nhóm chỉ tiêu",
                   "Indicators (schema 2): indicators and groups of them"),
               req("sections", list_of(ref("section"), 1), "Các phần của báo cáo",
                   "The report's sections, numbered I., 1., a)"),
               opt("awards", opt_list(ref("award")), "Khen thưởng",
                   "Awards, shown where a section has an awards block"),
               opt("goals", ref("goals"), "Mục tiêu nhiệm kỳ tới",
                   "Next-term goals, shown where a section has a goals block"),
               opt("closing", rich(), "Đoạn kết (\"Trên đây là báo cáo ...\"), trước chữ ký",
                   "The closing paragraph after the last section, kept with the signature"),
               opt("signature", ref("signature"), "Khối chữ ký", "The signature block"),
               opt("recipients", opt_list(text()), "Nơi nhận",
                   "Recipients (\"Nơi nhận\"), one per line"),
               opt("source", opt_text(), "Nguồn", "Source line under the report"),
               opt("contents", one_of({boolean(), ref("contents")}),
                   "Mục lục: true, hoặc {depth, title, position}",
                   "A contents page: true, or {depth, title, position}"),
               opt("appendices", opt_list(ref("appendix")),
                   "Các phụ lục sau chữ ký (PHỤ LỤC I, II, ...)",
                   "Appendices after the signature (PHỤ LỤC I, II, ...)"),
               opt("draft", one_of({boolean(), ref("draft")}),
                   "Dự thảo: true, hoặc {label, pages, watermark} (docs/marks.md)",
                   "A draft: true, or {label, pages, watermark} (docs/marks.md)"),
           });
  // Schema 1 has figures, schema 2 indicators (docs/schema-2.md).
  report.discriminator = "schema";
  for (const char* version : {"1", "2"}) {
    std::vector<std::string> names;
    for (const auto& key : report.keys) {
      if (key.name != (version == std::string("1") ? "indicators" : "figures")) {
        names.push_back(key.name);
      }
    }
    report.variants.emplace_back(version, std::move(names));
  }
  k.push_back(std::move(report));
  k.push_back(kind(
      "document", "Thông tin văn bản", "The document's heading data",
      {
          req("kind", text(), "Loại văn bản, ví dụ BÁO CÁO", "Document type, e.g. BÁO CÁO"),
          opt("number", opt_text(), "Số, ký hiệu, ví dụ 125-BC/ĐUK", "Number, e.g. 125-BC/ĐUK"),
          req("place", text(), "Địa danh", "Place of issue"),
          req("date", date(), "Ngày ban hành (YYYY-MM-DD)", "Date of issue (YYYY-MM-DD)"),
          req("title", text(), "Trích yếu", "Title (summary line)"),
          opt("subtitle", opt_text(), "Dòng phụ dưới trích yếu", "Second title line"),
          req("issuer", text(), "Cơ quan ban hành", "Issuing body"),
          opt("parent", opt_text(), "Cơ quan cấp trên", "Parent body"),
          opt("addressees", opt_list(text()), "Kính gửi", "Addressees (\"Kính gửi\")"),
          opt("metadata", nullable(ref("metadata")), "Thông tin tệp PDF", "PDF metadata"),
          opt("urgency", choice({"khan", "thuong_khan", "hoa_toc"}),
              "Độ khẩn (ô 10b): KHẨN, THƯỢNG KHẨN, HỎA TỐC",
              "Urgency stamp under the number: KHẨN, THƯỢNG KHẨN, HỎA TỐC"),
          opt("circulation", opt_text(),
              "Phạm vi lưu hành (ô 11), ví dụ LƯU HÀNH NỘI BỘ, XEM XONG TRẢ LẠI",
              "Distribution mark under the number, e.g. LƯU HÀNH NỘI BỘ, XEM XONG TRẢ LẠI"),
      }));
  k.push_back(kind(
      "draft", "Dấu dự thảo (ô 12)", "The draft mark",
      {
          opt("label", opt_text(), "Chữ trong khung, ví dụ DỰ THẢO LẦN 2 (mặc định: của mẫu)",
              "The words in the box, e.g. DỰ THẢO LẦN 2 (default: the template's)"),
          opt("pages", one_of({choice({"first", "all"}), list_of(integer(1, 100000), 1)}),
              "Trang có dấu: first (mặc định), all, hoặc danh sách số trang",
              "Pages that carry the mark: first (the default), all, or a list of page numbers"),
          opt("watermark", boolean(), "Thêm chữ DỰ THẢO mờ chéo trang",
              "A large light diagonal DỰ THẢO across those pages too"),
      }));
  k.push_back(kind("metadata", "Thông tin tệp PDF", "PDF metadata",
                   {
                       opt("author", opt_text(), "Tác giả (mặc định: cơ quan ban hành)",
                           "Author (default: the issuer)"),
                       opt("subject", opt_text(), "Chủ đề", "Subject"),
                       opt("keywords", opt_list(text()), "Từ khóa", "Keywords"),
                   }));
  k.push_back(kind("term", "Nhiệm kỳ {from, to}", "A term {from, to}",
                   {
                       req("from", year(), "Năm bắt đầu", "First year"),
                       req("to", year(), "Năm kết thúc (không trước năm bắt đầu)",
                           "Last year (not before from)"),
                   }));
  Shape fig_id = id();
  fig_id.may_be_empty = true;
  fig_id.nullable = true;
  k.push_back(kind(
      "figure", "Một số liệu", "A figure",
      {
          opt("id", fig_id, "Mã để khối figures và biểu đồ gọi đến",
              "Id that figures blocks and charts refer to"),
          req("label", text(), "Nội dung được đếm", "What is counted"),
          req("value", number(), "Kết quả", "The result"),
          opt("unit", opt_text(), "Đơn vị, ví dụ % hoặc đảng viên", "Unit, e.g. % or đảng viên"),
          opt("target", number_above(0, true), "Chỉ tiêu (> 0)", "Target (> 0)"),
          opt("note", opt_text(), "Ghi chú", "A remark"),
      }));
  Shape quantity = one_of({number(), text()});
  k.push_back(
      kind("indicator", "Một chỉ tiêu (schema 2)", "An indicator (schema 2)",
           {
               opt("id", fig_id, "Mã để khối figures và biểu đồ gọi đến",
                   "Id that figures blocks and charts refer to"),
               req("label", text(), "Tên chỉ tiêu", "What is measured"),
               opt("unit", opt_text(), "Đơn vị tính, ví dụ % hoặc đảng viên",
                   "Unit, e.g. % or đảng viên"),
               opt("result", quantity, "Kết quả thực hiện: số, tỷ số như 04/09, hoặc lời",
                   "The result: a number, a count such as 04/09, or words"),
               opt("target", quantity, "Chỉ tiêu: số, tỷ số như 04/09, hoặc lời",
                   "The target: a number, a count such as 04/09, or words"),
               opt("comparator",
                   choice({"equal", "at_least", "more_than", "at_most", "less_than", "about"}),
                   "So sánh: bằng, từ … trở lên, trên, không quá, dưới, khoảng",
                   "How the target bounds the result"),
               opt("direction", choice({"higher_is_better", "lower_is_better"}),
                   "Càng cao càng tốt (mặc định) hoặc càng thấp càng tốt",
                   "Higher is better (the default) or lower is better"),
               opt("against", opt_text(), "So với: nghị quyết, kế hoạch, cùng kỳ...",
                   "Measured against: nghị quyết, kế hoạch, cùng kỳ, ..."),
               opt("period", opt_text(), "Thời hạn: hằng năm, bình quân/năm, đến năm 2025",
                   "Period: hằng năm, bình quân/năm, đến năm 2025"),
               opt("baseline", ref("baseline"), "Mốc so sánh (đầu nhiệm kỳ, năm 2015)",
                   "The baseline the change is measured from"),
               opt("status", choice({"exceeded", "met", "missed"}),
                   "Đánh giá, chỉ khi kết quả hoặc chỉ tiêu là lời",
                   "The status, only where the result or the target is words"),
               opt("note", opt_text(), "Ghi chú", "A remark"),
           }));
  k.push_back(kind(
      "indicator_group", "Một nhóm chỉ tiêu", "A group of indicators",
      {
          req("group", text(), "Tên nhóm, ví dụ Kinh tế", "Title, e.g. Kinh tế"),
          req("indicators", list_of(ref("indicator"), 1), "Các chỉ tiêu", "The group's indicators"),
      }));
  k.push_back(kind(
      "baseline", "Mốc so sánh", "A baseline",
      {
          req("value", number(), "Giá trị ở mốc", "The value at the baseline"),
          opt("when", opt_text(), "Mốc: đầu nhiệm kỳ, năm 2015", "When: đầu nhiệm kỳ, năm 2015"),
          opt("as", choice({"automatic", "ratio", "percent", "difference"}),
              "Cách ghi mức thay đổi: lần, %, hiệu số",
              "How the change is written: ratio, percent, difference"),
      }));
  k.push_back(kind("indicators_block", "Tùy chọn bảng chỉ tiêu", "Indicators table options",
                   {
                       opt("caption", opt_text(), "Tên bảng", "Caption"),
                       opt("groups", list_of(text(), 1), "Chỉ hiện các nhóm này (theo tên)",
                           "Only these groups (by title)"),
                       opt("tally", boolean(), "Dòng tổng hợp: 13/15 chỉ tiêu đạt và vượt",
                           "The tally line: 13/15 indicators met or exceeded"),
                   }));
  k.push_back(kind("goals", "Mục tiêu nhiệm kỳ tới", "Next-term goals",
                   {
                       opt("targets",
                           one_of({opt_list(ref("figure")),
                                   opt_list(one_of({ref("indicator"), ref("indicator_group")}))}),
                           "Chỉ tiêu nhiệm kỳ tới (schema 1: số liệu; schema 2: chỉ tiêu)",
                           "Next-term targets (schema 1: figures; schema 2: indicators)"),
                       opt("breakthroughs", opt_list(rich()), "Khâu đột phá", "Breakthroughs"),
                       opt("tasks", opt_list(rich()), "Nhiệm vụ, giải pháp", "Tasks"),
                   }));
  k.push_back(
      kind("signature", "Khối chữ ký", "The signature block",
           {
               req("on_behalf_of", text(), "Thẩm quyền ký, ví dụ T/M BAN THƯỜNG VỤ",
                   "Signing authority, e.g. T/M BAN THƯỜNG VỤ"),
               opt("delegation", opt_text(), "Dòng ký thay, ví dụ KT. CHỦ TỊCH",
                   "Delegation line, e.g. KT. CHỦ TỊCH"),
               req("role", text(), "Chức vụ người ký", "Signer's role"),
               opt("name", opt_text(), "Họ tên người ký", "Signer's name"),
               opt("image", nullable(text()), "Ảnh chữ ký (tệp PNG hoặc JPEG)",
                   "Scanned signature (PNG or JPEG file)"),
               opt("seal", nullable(text()), "Ảnh con dấu (tệp PNG có nền trong suốt, hoặc JPEG)",
                   "Seal (PNG with a transparent background, or JPEG)"),
           }));
  k.push_back(kind("contents", "Mục lục", "The contents",
                   {
                       opt("depth", integer(1, 3), "Số cấp tiêu đề được liệt kê (1-3)",
                           "Heading levels listed (1-3)"),
                       opt("title", opt_text(), "Tiêu đề (mặc định của mẫu: MỤC LỤC)",
                           "Title (the template's default: MỤC LỤC)"),
                       opt("position", choice({"start", "end"}),
                           "Đặt sau phần đầu (start) hoặc sau chữ ký (end)",
                           "After the title block (start) or after the signature (end)"),
                   }));
  k.push_back(kind("appendix", "Một phụ lục", "An appendix",
                   {
                       req("title", text(), "Tên phụ lục", "The appendix's title"),
                       opt("subtitle", opt_text(), "Dòng dưới tên, ví dụ (Kèm theo Báo cáo số ...)",
                           "A line under the title, e.g. (Kèm theo Báo cáo số ...)"),
                       opt("orientation", choice({"portrait", "landscape"}),
                           "Trang dọc hoặc trang ngang", "Portrait or landscape pages"),
                       opt("body", opt_list(one_of({rich(), ref("block")})), "Nội dung",
                           "Blocks: a paragraph is plain text"),
                       opt("sections", nullable(list_of(ref("section"), 1)),
                           "Các mục, đánh số lại từ đầu", "Sections, numbered afresh"),
                   }));
  k.push_back(
      kind("section", "Một phần của báo cáo", "A section",
           {
               req("title", text(), "Tiêu đề (không ghi số thứ tự)", "Heading without its number"),
               opt("body", opt_list(one_of({rich(), ref("block")})), "Nội dung",
                   "Blocks: a paragraph is plain text"),
               opt("sections", nullable(list_of(ref("section"), 1)), "Các mục con",
                   "Subsections (at most 3 levels)"),
           }));
  Shape empty = shape(Type::empty);
  empty.nullable = true;
  ObjectKind block =
      kind("block", "Một khối nội dung (một khóa)", "A block (one key)",
           {
               opt("paragraph", rich(), "Đoạn văn (**đậm**, *nghiêng*)",
                   "A paragraph (**bold**, *italic*)"),
               opt("list", ref("list"), "Danh sách", "A list"),
               opt("table", ref("table"), "Bảng", "A table"),
               opt("figures", one_of({list_of(id(), 1), ref("figures_block")}),
                   "Số liệu chủ yếu (danh sách mã)", "Key figures (a list of ids)"),
               opt("awards", nullable(ref("awards_block")), "Danh sách khen thưởng",
                   "The report's awards"),
               opt("goals", empty, "Mục tiêu nhiệm kỳ tới", "The report's goals"),
               opt("chart", ref("chart"), "Biểu đồ", "A chart"),
               opt("indicators", nullable(ref("indicators_block")),
                   "Bảng kết quả thực hiện các chỉ tiêu (schema 2)",
                   "The indicators' results table (schema 2)"),
               opt("image", one_of({text(), ref("image_block")}),
                   "Hình ảnh (tệp PNG, JPEG hoặc SVG)", "A picture (a PNG, JPEG or SVG file)"),
           });
  for (const auto& key : block.keys) block.exactly_one.push_back(key.name);
  k.push_back(std::move(block));
  k.push_back(kind("image_block", "Hình ảnh có tùy chọn", "A picture with options",
                   {
                       req("file", text(), "Tệp PNG, JPEG hoặc SVG, theo thư mục của báo cáo",
                           "A PNG, JPEG or SVG file, relative to the report's folder"),
                       opt("width", shape(Type::width), "Độ rộng: \"80%\" vùng chữ hoặc \"120mm\"",
                           "Width: \"80%\" of the text width or \"120mm\""),
                       opt("align", choice({"left", "center", "right"}), "Căn lề", "Alignment"),
                       opt("caption", opt_text(), "Chú thích (được đánh số: Hình 1)",
                           "Caption (numbered: Hình 1)"),
                       opt("alt", opt_text(), "Mô tả nội dung ảnh (cho bản có gắn thẻ)",
                           "What the picture shows (for tagged output)"),
                   }));
  k.push_back(kind("list", "Danh sách", "A list",
                   {
                       opt("style", choice({"bullet", "numbered"}),
                           "Kiểu: gạch đầu dòng hoặc đánh số", "Style: bullets or numbers"),
                       req("items", list_of(rich(), 1), "Các dòng", "The items"),
                   }));
  k.push_back(
      kind("figures_block", "Khối số liệu có tùy chọn", "A figures block with options",
           {
               req("ids", list_of(id(), 1), "Mã các số liệu", "Figure ids"),
               opt("as", choice({"grid", "table"}), "Dạng thẻ hoặc bảng", "Cards or a table"),
               opt("columns", integer(1, 6), "Số thẻ mỗi hàng (1-6)", "Cards per row (1-6)"),
           }));
  k.push_back(kind("awards_block", "Tùy chọn khối khen thưởng", "Awards block options",
                   {
                       opt("as", choice({"table", "list"}), "Dạng bảng hoặc danh sách",
                           "A table or numbered lines"),
                       opt("group_by", choice({"none", "level", "authority"}),
                           "Nhóm theo cấp khen hoặc cơ quan khen", "Group by level or authority"),
                       opt("sort", choice({"input", "year"}), "Thứ tự: như nhập hoặc theo năm",
                           "Order: as written or by year"),
                       opt("summary", boolean(), "Dòng tổng số cá nhân, tập thể",
                           "A line counting individuals and collectives"),
                   }));
  k.push_back(kind("award", "Một hình thức khen thưởng", "An award",
                   {
                       req("recipient", text(), "Đối tượng được khen", "Who received it"),
                       req("award", text(), "Hình thức khen", "The award"),
                       req("conferred_by", text(), "Cấp khen", "Conferred by"),
                       opt("year", year(), "Năm khen", "Year conferred"),
                       opt("count", integer(1, 1000000), "Số lần", "Times received"),
                       opt("level", choice({"collective", "individual"}), "Tập thể hoặc cá nhân",
                           "Collective or individual"),
                       opt("recipients", integer(1, 100000000), "Số đối tượng dòng này đại diện",
                           "How many recipients the line stands for"),
                   }));
  ObjectKind table =
      kind("table", "Bảng", "A table",
           {
               opt("caption", opt_text(), "Tên bảng", "Caption"),
               req("columns", list_of(one_of({text(), ref("column")}), 1), "Các cột",
                   "Columns: a title, or a mapping"),
               opt("rows", list_of(list_of(cell_value()), 1), "Các hàng", "Rows: lists of cells"),
               opt("rows_from", one_of({text(), ref("rows_from")}),
                   "Lấy các hàng từ tệp dữ liệu (CSV hoặc XLSX) thay cho rows",
                   "The rows from a data file (CSV or XLSX) instead of rows"),
               opt("total", one_of({boolean(), ref("total")}), "Dòng tổng cộng", "A total row"),
               opt("zebra", boolean(), "Tô màu xen kẽ các hàng", "Stripe every second row"),
               opt("orientation", choice({"portrait", "landscape"}),
                   "Trang ngang: bảng đặt trên trang ngang riêng",
                   "landscape: the table goes on landscape pages of its own"),
           });
  table.exactly_one = {"rows", "rows_from"};
  k.push_back(std::move(table));
  k.push_back(
      kind("rows_from", "Tệp dữ liệu của bảng", "A table's data file",
           {
               req("file", text(), "Đường dẫn tệp .csv hoặc .xlsx, tính từ thư mục của báo cáo",
                   "Path to a .csv or .xlsx file, relative to the report's folder"),
               opt("sheet", text(), "Tên trang tính (XLSX); mặc định trang đầu tiên",
                   "The sheet's name (XLSX); default the first"),
               opt("range", text(), "Vùng ô (XLSX), ví dụ \"A2:F40\"; mặc định vùng có dữ liệu",
                   "A cell range (XLSX) like \"A2:F40\"; default the cells used"),
               opt("header_rows", integer(0, 1000), "Số hàng đầu không phải dữ liệu (bỏ qua)",
                   "Rows at the top that are not data (skipped)"),
               opt("delimiter", choice({",", ";"}), "Dấu phân cách (CSV); mặc định tự nhận ra",
                   "The field separator (CSV); default detected"),
               opt("decimal", choice({",", "."}),
                   "Dấu thập phân (CSV) khi số có thể đọc hai cách, như \"1.234\"",
                   "The decimal mark (CSV) when a number reads two ways, like \"1.234\""),
           }));
  k.push_back(
      kind("column", "Một cột", "A column",
           {
               req("title", text(), "Tên cột", "Column title"),
               opt("align", choice({"left", "center", "right", "decimal"}), "Căn lề", "Alignment"),
               opt("width", shape(Type::width), "Độ rộng: \"25%\" hoặc \"30mm\"",
                   "Width: \"25%\" or \"30mm\""),
           }));
  ObjectKind cell =
      kind("cell", "Một ô có tùy chọn", "A cell with options",
           {
               opt("text", rich(), "Văn bản", "Text"),
               opt("number", number(), "Số", "A number"),
               opt("paragraphs", list_of(rich(), 1), "Các đoạn", "Paragraphs"),
               opt("items", list_of(rich(), 1), "Các dòng gạch đầu dòng", "Bulleted items"),
               opt("colspan", integer(1, 1000), "Số cột ô chiếm", "Columns spanned"),
               opt("rowspan", integer(1, 100000), "Số hàng ô chiếm", "Rows spanned"),
               opt("align", choice({"left", "center", "right"}), "Căn lề", "Alignment"),
           });
  cell.exactly_one = {"text", "number", "paragraphs", "items"};
  k.push_back(std::move(cell));
  k.push_back(kind(
      "total", "Dòng tổng cộng có tùy chọn", "Total row options",
      {
          opt("label", opt_text(), "Nhãn dòng tổng", "The total's label"),
          opt("columns", opt_list(text()), "Tên các cột được cộng", "Titles of the columns summed"),
      }));
  ObjectKind chart =
      kind("chart", "Biểu đồ", "A chart",
           {
               req("kind", choice({"bars", "shares", "target"}),
                   "Loại: cột, tỷ lệ hoặc so với chỉ tiêu", "Kind: bars, shares or target"),
               opt("caption", opt_text(), "Tên biểu đồ", "Caption"),
               opt("unit", opt_text(), "Đơn vị", "Unit"),
               opt("categories", list_of(text(), 1), "Các nhóm cột", "Bar groups"),
               opt("series", list_of(ref("series"), 1), "Các dãy số liệu", "Data series"),
               opt("figures", list_of(id(), 1), "Mã các số liệu dùng làm dữ liệu",
                   "Figure ids used as the data"),
               opt("parts", list_of(ref("part"), 1), "Các phần (%)", "Parts (%)"),
               opt("rest", opt_text(), "Nhãn phần còn lại", "Label of the rest"),
               opt("items", list_of(ref("chart_item"), 1), "Các chỉ tiêu", "Targets"),
           });
  chart.discriminator = "kind";
  chart.variants = {
      {"bars", {"kind", "caption", "unit", "categories", "series", "figures"}},
      {"shares", {"kind", "caption", "parts", "figures", "rest"}},
      {"target", {"kind", "caption", "unit", "figures", "items"}},
  };
  k.push_back(std::move(chart));
  k.push_back(kind("series", "Một dãy số liệu", "A data series",
                   {
                       opt("name", opt_text(), "Tên dãy (cần khi có nhiều dãy)",
                           "Name (needed when there are several)"),
                       req("values", list_of(number_above(0, false)), "Giá trị, mỗi nhóm một số",
                           "Values, one per category"),
                   }));
  k.push_back(kind("part", "Một phần (%)", "A part (%)",
                   {
                       req("label", text(), "Nhãn", "Label"),
                       req("value", number_above(0, false), "Tỷ lệ %", "Percentage"),
                   }));
  k.push_back(kind("chart_item", "Kết quả so với chỉ tiêu", "A result against its target",
                   {
                       req("label", text(), "Nhãn", "Label"),
                       req("value", number_above(0, false), "Kết quả", "Result"),
                       req("target", number_above(0, true), "Chỉ tiêu (> 0)", "Target (> 0)"),
                   }));
  return k;
}

} // namespace

const std::vector<ObjectKind>& object_kinds() {
  static const std::vector<ObjectKind> kinds = make_kinds();
  return kinds;
}

const ObjectKind& object(std::string_view name) {
  for (const auto& k : object_kinds()) {
    if (k.name == name) return k;
  }
  throw std::logic_error("report schema: no object kind " + std::string(name));
}

const Key& key(std::string_view kind, std::string_view name) {
  for (const auto& k : object(kind).keys) {
    if (k.name == name) return k;
  }
  throw std::logic_error("report schema: " + std::string(kind) + " has no key " +
                         std::string(name));
}

std::vector<std::string> keys_of(std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& k : object(kind).keys) out.push_back(k.name);
  return out;
}

const std::vector<std::string>& values_of(std::string_view kind, std::string_view name) {
  const Shape& s = key(kind, name).shape;
  if (s.type != Type::choice) {
    throw std::logic_error("report schema: " + std::string(kind) + "." + std::string(name) +
                           " is not a choice");
  }
  return s.values;
}

const std::vector<std::string>& variant_keys(std::string_view kind, std::string_view value) {
  for (const auto& [v, keys] : object(kind).variants) {
    if (v == value) return keys;
  }
  throw std::logic_error("report schema: " + std::string(kind) + " has no variant " +
                         std::string(value));
}

} // namespace baocao::input::schema
