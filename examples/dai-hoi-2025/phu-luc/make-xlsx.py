#!/usr/bin/env python3
"""Tạo ngan-sach.xlsx (trang tính "Ngân sách") chỉ bằng thư viện chuẩn của Python.

Chạy: python3 make-xlsx.py   (ghi ngan-sach.xlsx cạnh tệp này)
Tệp là SpreadsheetML tối giản: [Content_Types].xml, _rels/.rels, xl/workbook.xml,
xl/_rels/workbook.xml.rels, xl/styles.xml, xl/sharedStrings.xml, xl/worksheets/sheet1.xml.
Mọi mục trong zip mang cùng một mốc thời gian cố định, nên chạy lại cho đúng từng byte như cũ.

Số liệu giả định (triệu đồng, cộng 5 năm 2021 - 2025) của 15 xã, thị trấn huyện Hòa Lâm.
Cột E (tổng chi) là công thức =F+G, cột H (tỷ lệ chi đầu tư phát triển) là =ROUND(F/E*100,1);
cả hai đều ghi sẵn giá trị đã tính (<v>), như Excel lưu, để chương trình đọc không cần tính lại.
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "ngan-sach.xlsx")
STAMP = (2025, 3, 1, 0, 0, 0)

HEADER = ["Đơn vị", "Thu NSNN trên địa bàn", "Trong đó: thu tiền sử dụng đất",
          "Thu bổ sung từ ngân sách huyện", "Tổng chi ngân sách", "Chi đầu tư phát triển",
          "Chi thường xuyên", "Tỷ lệ chi đầu tư phát triển (%)"]

# Đơn vị, thu trên địa bàn, trong đó tiền sử dụng đất, bổ sung từ huyện, chi ĐTPT, chi thường xuyên
DATA = [
    ("Thị trấn Hòa Lâm", 58460, 36820, 31250, 42180, 39760),
    ("Xã Hòa Bình", 24680, 15940, 38420, 27350, 33860),
    ("Xã Hòa Sơn", 12350, 6840, 41260, 18420, 32950),
    ("Xã Tân Lập", 10920, 5760, 42180, 16240, 33480),
    ("Xã Phú Lộc", 26240, 17380, 37650, 28960, 33140),
    ("Xã Minh Tiến", 21470, 13260, 38940, 25180, 32650),
    ("Xã Đồng Xuân", 9860, 4920, 43520, 14870, 34120),
    ("Xã Vân Hội", 11240, 6150, 42860, 16980, 33760),
    ("Xã Yên Phú", 8750, 4260, 44310, 13960, 34280),
    ("Xã Thượng Lâm", 7960, 3840, 46780, 13250, 35940),
    ("Xã Hạ Lâm", 22860, 14520, 38150, 26430, 32870),
    ("Xã Lam Sơn", 8420, 4080, 45960, 13680, 35320),
    ("Xã Quang Trung", 23940, 15260, 37880, 27120, 32480),
    ("Xã Xuân Lộc", 10580, 5630, 42740, 16050, 33620),
    ("Xã Trung Nghĩa", 9640, 4870, 43890, 14820, 34460),
]

COLS = "ABCDEFGH"


def rows():
    """Các hàng: tiêu đề, rồi mỗi đơn vị một hàng (E, H là công thức có giá trị lưu sẵn)."""
    out = [[("s", h) for h in HEADER]]
    for name, thu, sdd, bosung, dtpt, tx in DATA:
        r = len(out) + 1
        tong = dtpt + tx
        tyle = round(dtpt * 100 / tong, 1)
        out.append([("s", name), ("n", thu), ("n", sdd), ("n", bosung),
                    ("f", (f"F{r}+G{r}", tong)), ("n", dtpt), ("n", tx),
                    ("f", (f"ROUND(F{r}/E{r}*100,1)", tyle))])
    return out


def sheet_xml(table, strings):
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="A1:H{len(table)}"/>'
             '<cols><col min="1" max="1" width="22" customWidth="1"/>'
             '<col min="2" max="8" width="16" customWidth="1"/></cols><sheetData>']
    for i, row in enumerate(table, 1):
        parts.append(f'<row r="{i}">')
        for col, (kind, value) in zip(COLS, row):
            ref = f"{col}{i}"
            style = ' s="1"' if i == 1 else (' s="2"' if col == "H" else "")
            if kind == "s":
                if value not in strings:
                    strings.append(value)
                parts.append(f'<c r="{ref}" t="s"{style}><v>{strings.index(value)}</v></c>')
            elif kind == "n":
                parts.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                formula, cached = value
                parts.append(f'<c r="{ref}"{style}><f>{escape(formula)}</f><v>{cached}</v></c>')
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def shared_xml(strings):
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'''

ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''

WORKBOOK = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ngân sách" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029" fullCalcOnLoad="0"/></workbook>'''

WORKBOOK_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'''

# Kiểu 0: mặc định; 1: tiêu đề đậm, xuống dòng; 2: số một chữ số thập phân (numFmt 164 "0.0").
STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" horizontal="center" vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'''


def main():
    strings = []
    sheet = sheet_xml(rows(), strings)
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", shared_xml(strings)),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    with zipfile.ZipFile(OUT, "w") as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    # tổng các cột tiền (để đối chiếu với báo cáo)
    sums = [sum(r[i] for r in DATA) for i in range(1, 6)]
    print(OUT, "thu, sdd, bổ sung, ĐTPT, TX =", sums, "tổng chi =", sums[3] + sums[4])


if __name__ == "__main__":
    main()
