// Plain Vietnamese for the service's messages: the HINTS table and hintFor (a short text by the
// line, a longer one in the panel), and the Vietnamese name of a key path from /v1/schema
// (fieldLabel; the schema is handed over by setSchema once it came).

// ---- plain Vietnamese for the service's messages ------------------------------------------------
// [pattern on "message; expected ...", short text by the line, longer text in the panel]
const HINTS = [
  [/illegal map value \(a second ": " on this line\)/, () => ['hai dấu “: ” trên một dòng',
    'Dòng này có hai dấu “: ”. Khi nội dung có dấu hai chấm, đặt cả nội dung trong dấu nháy kép, ví dụ: title: "Phần I: Kết quả".']],
  [/a tab indents this line/, () => ['có ký tự Tab ở đầu dòng',
    'Đầu dòng này có ký tự Tab. Xóa nó rồi thụt lề bằng dấu cách (ở đây phím Tab tự chèn dấu cách).']],
  [/end of sequence flow not found/, () => ['thiếu dấu “]”',
    'Có dấu “[” mở mà chưa có dấu “]” đóng, ở dòng này hoặc phía trên.']],
  [/end of map flow not found/, () => ['thiếu dấu “}”',
    'Có dấu “{” mở mà chưa có dấu “}” đóng, ở dòng này hoặc phía trên.']],
  [/^YAML syntax error: illegal map value/, () => ['cách viết chưa đúng',
    'Cách viết ở dòng này hoặc dòng ngay trên chưa đúng: thường do thiếu dấu hai chấm sau tên mục (viết “place: Hà Nội”), hoặc do thụt lề lệch so với các dòng cùng nhóm.']],
  [/^YAML syntax error: end of map not found/, () => ['thụt lề chưa thẳng hàng',
    'Thụt lề (số dấu cách ở đầu dòng) ở đây hoặc ở dòng trên không thẳng với các dòng cùng nhóm, hoặc có dấu nháy mở mà chưa đóng ở phía trên.']],
  [/^YAML syntax error/, () => ['cách viết chưa đúng',
    'Cách viết chưa đúng ở đây hoặc ở dòng ngay trên: kiểm tra thụt lề, dấu hai chấm sau tên mục, và các dấu nháy, dấu ngoặc có đủ cặp.']],
  [/is read as a mapping because of the ": "/, () => ['đoạn văn có dấu “: ”',
    "Đoạn văn này có dấu “: ” nên bị hiểu nhầm là tên mục. Đặt cả đoạn trong dấu nháy đơn, ví dụ: - 'Kết quả chung: hoàn thành.'"]],
  [/unknown key "([^"]*)"(?: \(did you mean "([^"]*)"\?\))?/, (m) => [
    m[2] ? `viết đúng là “${m[2]}”?` : `không có mục “${m[1]}”`,
    `Không có mục tên “${m[1]}” ở chỗ này.` + (m[2] ? ` Có lẽ bạn định viết “${m[2]}”.`
      : ' Kiểm tra chính tả tên mục (viết không dấu, như trong báo cáo mẫu) và thụt lề của dòng.')]],
  [/unknown value "([^"]*)"/, (m) => ['giá trị không dùng được',
    `Giá trị “${m[1]}” không dùng được ở đây; chọn một giá trị trong dòng “Cần” bên dưới.`]],
  [/missing required key "([^"]*)"/, (m) => [`thiếu mục “${m[1]}”`,
    `Thiếu mục bắt buộc “${m[1]}”. Thêm một dòng “${m[1]}: …” vào nhóm này (xem báo cáo mẫu).`]],
  [/duplicate key "([^"]*)" \(first at line (\d+)\)/, (m) => [`“${m[1]}” ghi hai lần`,
    `Mục “${m[1]}” được ghi hai lần (lần đầu ở dòng ${m[2]}). Giữ một dòng, xóa dòng kia.`]],
  [/YAML numbers take a decimal point/, () => ['số thập phân dùng dấu chấm',
    'Số thập phân viết bằng dấu chấm, không dùng dấu phẩy: ví dụ 77.3, không phải 77,3.']],
  [/is not a calendar date/, () => ['ngày không có thật',
    'Ngày này không có trên lịch (ví dụ ngày 30 tháng 2). Viết một ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-15.']],
  [/is not written YYYY-MM-DD/, () => ['ngày viết sai dạng',
    'Ngày phải viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-15 (không viết 15/01/2025).']],
  [/ends \(\d+\) before it starts/, () => ['năm kết thúc trước năm bắt đầu',
    'Năm kết thúc đang sớm hơn năm bắt đầu; kiểm tra lại hai năm.']],
  [/^got text .*expected a year/, () => ['năm phải viết bằng số',
    'Năm phải viết bằng chữ số, ví dụ 2023.']],
  [/^got text .*expected (a|an) (number|whole number|integer|quantity)/, () => ['cần một con số',
    'Ở đây cần một con số (số thập phân viết dấu chấm, ví dụ 77.3).']],
  [/^got nothing \(an unquoted # starts a comment\)/, () => ['nội dung bị dấu # cắt mất',
    'Dấu # bắt đầu một ghi chú nên phần sau nó bị bỏ qua. Nếu nội dung có dấu #, đặt cả nội dung trong dấu nháy kép.']],
  [/^got nothing/, () => ['đang để trống',
    'Mục này đang để trống: viết nội dung sau dấu hai chấm và một dấu cách.']],
  [/^got a mapping; expected text/, () => ['cần một dòng chữ',
    'Ở đây cần một dòng chữ, nhưng dòng này có dấu “: ” nên bị hiểu là một nhóm mục. Đặt nội dung trong dấu nháy kép, ví dụ: - "Lưu: Văn phòng".']],
  [/^got a list/, () => ['không phải danh sách',
    'Ở đây cần một giá trị, không phải một danh sách (các dòng “- …” hoặc [ … ]).']],
  [/^got a mapping/, () => ['không phải nhóm mục',
    'Ở đây không dùng một nhóm mục; kiểm tra thụt lề và dấu hai chấm.']],
  [/^got a number.*expected text/, () => ['cần chữ, không phải số',
    'Ở đây cần chữ. Muốn ghi một con số như chữ, đặt nó trong dấu nháy kép, ví dụ "2021".']],
  [/no font can draw U\+[0-9A-F]+ "([^"]*)"/, (m) => [`ký tự “${m[1]}” không in được`,
    `Phông chữ của mẫu không có ký tự “${m[1]}”. Xóa ký tự này hoặc thay bằng ký tự khác.`]],
  [/the file is empty/, () => ['tệp trống',
    'Chưa có nội dung. Bấm “Mẫu mới” để bắt đầu từ báo cáo mẫu.']],
  [/is not a built-in template/, () => ['không có mẫu này',
    'Không có mẫu trình bày tên này. Sửa dòng “template:” hoặc chọn mẫu trong danh sách “Mẫu trình bày”.']],
  [/version \d+ is not supported/, () => ['phiên bản không hợp lệ',
    'Dòng “schema:” chỉ được là 1 hoặc 2.']],
  [/is out of range/, () => ['ngoài khoảng cho phép',
    'Giá trị nằm ngoài khoảng cho phép (xem dòng “Cần” bên dưới).']],
  [/is negative/, () => ['không được âm', 'Số này không được âm.']],
  [/is not a whole number/, () => ['cần số nguyên', 'Ở đây cần một số nguyên, không có phần thập phân.']],
  [/has no unit|is not a number with a unit/, () => ['thiếu đơn vị',
    'Thiếu đơn vị: viết ví dụ "30%" hoặc "40mm", trong dấu nháy kép.']],
  [/is listed twice|is named twice/, () => ['ghi trùng', 'Mục này bị ghi hai lần; giữ một.']],
  [/the row has \d+ cells?/, () => ['số ô khác số cột',
    'Số ô trong hàng này khác số cột của bảng; thêm hoặc bớt ô (ô trống viết "").']],
  [/the list is empty/, () => ['danh sách trống',
    'Danh sách đang trống; thêm ít nhất một dòng “- …” hoặc xóa mục này.']],
  [/the indicators are not shown/, () => ['chỉ tiêu chưa được đưa vào',
    'Các chỉ tiêu chưa được đưa vào phần nào của báo cáo: thêm dòng “- indicators: {}” vào nội dung (body) của một phần.']],
  [/cannot read|no such file|cannot resolve/, () => ['không đọc được tệp',
    'Không đọc được tệp được nhắc tới (ảnh, bảng số liệu). Bỏ dòng này, hoặc hỏi người quản trị máy chủ.']],
];
const hintCache = new WeakMap();
export function hintFor(e) {
  if (hintCache.has(e)) return hintCache.get(e);
  const s = (e.message || '') + (e.expected ? '; expected ' + e.expected : '');
  let h = null;
  for (const [rx, f] of HINTS) {
    const m = rx.exec(s);
    if (m) { const [short, long] = f(m); h = { short, long }; break; }
  }
  hintCache.set(e, h);
  return h;
}

// The Vietnamese name of a key path ("document.date" → "Ngày ban hành"), from /v1/schema.
let schema = null; // GET /v1/schema's answer, once it came
export function setSchema(s) { schema = s; }
function resolveRef(ref) {
  if (!ref.startsWith('#/')) return null;
  let node = schema;
  for (const part of ref.slice(2).split('/')) {
    if (!node) return null;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
function expand(s, depth) {
  if (!s || typeof s !== 'object' || depth > 10) return [];
  if (s.$ref) return expand(resolveRef(s.$ref), depth + 1);
  const out = [s];
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(s[k])) for (const x of s[k]) out.push(...expand(x, depth + 1));
  }
  return out;
}
export function fieldLabel(path) {
  if (!schema || !path) return '';
  const steps = path.match(/\[\d+\]|[^.[\]]+/g) || [];
  let cands = expand(schema, 0);
  let desc = '';
  for (const step of steps) {
    let next = [];
    if (step[0] === '[') {
      for (const c of cands) if (c.items) next.push(...expand(c.items, 0));
    } else {
      for (const c of cands) {
        const p = c.properties && Object.prototype.hasOwnProperty.call(c.properties, step) ? c.properties[step] : null;
        if (p) { next = expand(p, 0); desc = p.description || ''; break; }
      }
    }
    if (!next.length) return '';
    cands = next;
  }
  return desc.split(' — ')[0].trim();
}
