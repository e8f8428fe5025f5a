#!/usr/bin/env python3
"""Writes the XLSX fixtures of tests/input/data_rows_test.cpp from XML text.

Run from this folder: python3 make_xlsx.py. The .xlsx files are committed, so
the tests do not need this script; it is here to show what each one holds and
to make them again. Only the standard library: a workbook is a zip of XML.
"""
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>'''


def workbook(sheets):
    entries = ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                      for i, n in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}><sheets>{entries}</sheets></workbook>'


def rels(count, shared=True, styles=True):
    out = [f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
           for i in range(count)]
    if shared:
        out.append(f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    if styles:
        out.append(f'<Relationship Id="rIdT" Type="{REL}/styles" Target="/xl/styles.xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + ''.join(out) + '</Relationships>')


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows}</sheetData></worksheet>'


# Shared strings: a plain one, one in two rich-text runs, one with a phonetic
# reading (rPh) that is not part of the text.
SHARED = (f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="4" uniqueCount="4">'
          '<si><t>Chỉ tiêu</t></si>'
          '<si><r><t xml:space="preserve">Kết nạp </t></r><r><rPr><b/></rPr><t>đảng viên</t></r></si>'
          '<si><t>Kết quả</t><rPh sb="0" eb="1"><t>KQ</t></rPh></si>'
          '<si><t>Tổng</t></si>'
          '</sst>')
# cellXfs: 0 general, 1 built-in date (14), 2 a custom date code, 3 a custom number code.
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '<numFmt numFmtId="165" formatCode="#,##0.00&quot;đ&quot;"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/></cellXfs></styleSheet>')

FIRST = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Trang đầu</t></is></c><c r="B1"><v>1</v></c></row>')
# Sheet 'Chỉ tiêu': a header row, data in A2:D5, row 4 missing (skipped), a
# styled empty cell, and F7 outside the range A1:D5.
MAIN = sheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c>'
    '<c r="C1" t="inlineStr"><is><t>Ngày</t></is></c><c r="D1" t="inlineStr"><is><t>Đạt</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="3"><v>1234.5</v></c>'
    '<c r="C2" s="1"><v>45366</v></c><c r="D2" t="b"><v>1</v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Thu ngân sách</t></is></c>'
    '<c r="B3"><f>B2*2</f><v>2469</v></c><c r="C3" s="2"><v>45292</v></c>'
    '<c r="D3" t="b"><v>0</v></c></row>'
    '<row r="5"><c r="A5" t="str"><f>"Tổ"&amp;"ng"</f><v>Tổng cộng</v></c><c r="B5"><v>0.25</v></c>'
    '<c r="C5" s="1"/><c r="D5" t="s"><v>3</v></c></row>'
    '<row r="7"><c r="F7"><v>99</v></c></row>')


def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            # A fixed date, so the same script writes the same bytes.
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8') if isinstance(text, str) else text)


def book(sheets, extra=None, shared=SHARED):
    parts = {
        '[Content_Types].xml': CONTENT_TYPES,
        'xl/workbook.xml': workbook([n for n, _ in sheets]),
        'xl/_rels/workbook.xml.rels': rels(len(sheets)),
        'xl/sharedStrings.xml': shared,
        'xl/styles.xml': STYLES,
    }
    for i, (_, xml) in enumerate(sheets):
        parts[f'xl/worksheets/sheet{i + 1}.xml'] = xml
    parts.update(extra or {})
    return parts


write('good.xlsx', book([('Tổng hợp', FIRST), ('Chỉ tiêu', MAIN)]))
# A formula that failed: its cached value is an error.
write('error_cell.xlsx', book([('Chỉ tiêu', sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c><c r="B1"><v>1</v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'))]))
# A zip bomb: 200 MiB of spaces inside the sheet deflate to about 200 KB.
write('bomb.xlsx', book([('Sheet1', sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + ' ' * (200 << 20)))]))
# XML nested 100 levels deep.
write('deep.xlsx', book([('Sheet1', sheet('<x>' * 100 + '</x>' * 100))]))
# An entity expansion (billion laughs) needs a DOCTYPE, which is refused.
write('doctype.xlsx', book([('Sheet1', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
                                       f'<worksheet {NS}><sheetData/></worksheet>')]))
# A shared string index the workbook does not have.
write('bad_shared.xlsx', book([('Sheet1', sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'))]))
with open('not_zip.xlsx', 'w') as f:
    f.write('Tên;Giá trị\nA;1\n')
