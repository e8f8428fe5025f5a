#!/usr/bin/python3
"""Writes a small DOCX with python-docx holding every record docx_inspect.py
reports that pandoc's DOCX lacks (sections with sizes and margins, a first
page without header, a PAGE field, row flags, merged cells, an embedded
font), so tests/support/docx_tools_test.cpp proves the inspector before
baocao writes DOCX.

usage: docx_fixture.py OUT.docx FONT.ttf
"""

import sys
import uuid
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

FONT_KEY = "{6C1D0F5B-3E2A-4B7C-9D8E-0A1B2C3D4E5F}"


def set_on(parent, tag):
    el = OxmlElement(tag)
    parent.append(el)
    return el


def build(path):
    d = docx.Document()
    d.core_properties.title = "Báo cáo thử"
    d.core_properties.author = "Văn phòng"
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(20), Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    s.different_first_page_header_footer = True
    # Page numbers from page 2, at the top: the default header has PAGE, the
    # first page's is empty.
    hp = s.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), " PAGE ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "2"
    r.append(t)
    fld.append(r)
    hp._p.append(fld)
    s.first_page_header.paragraphs[0].text = ""

    d.add_heading("Phần thứ nhất", level=1)
    d.add_heading("Kết quả đạt được", level=2)
    p = d.add_paragraph("Đảng bộ tỉnh đã lãnh đạo, chỉ đạo thực hiện đạt và vượt các chỉ tiêu.")
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Mm(12.7)
    d.add_paragraph("Kết nạp đảng viên mới", style="List Number")

    table = d.add_table(rows=3, cols=3)
    hdr = table.rows[0]
    set_on(hdr._tr.get_or_add_trPr(), "w:tblHeader")
    set_on(table.rows[1]._tr.get_or_add_trPr(), "w:cantSplit")
    for cell, text in zip(hdr.cells, ["Chỉ tiêu", "Kế hoạch", "Thực hiện"]):
        cell.text = text
    a = table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge
    a.text = "Đảng viên"
    table.cell(1, 1).text = "600"
    table.cell(1, 2).text = "919"
    b = table.cell(2, 1).merge(table.cell(2, 2))  # horizontal merge
    b.text = "vượt 53,2%"

    landscape = d.add_section()
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Mm(297), Mm(210)
    d.add_paragraph("Phụ lục ngang")
    d.save(path)


def embed_font(path, font):
    """Adds `font` to word/fontTable.xml as an obfuscated embedded font, the way
    Word stores one (ECMA-376 Part 1, 17.8.1)."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    data = bytearray(open(font, "rb").read())
    key = FONT_KEY.strip("{}").replace("-", "")
    k = [int(key[30 - 2 * i:32 - 2 * i], 16) for i in range(16)]
    for i in range(32):
        data[i] ^= k[i % 16]
    files["word/fonts/font1.odttf"] = bytes(data)
    files["word/_rels/fontTable.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/font" Target="fonts/font1.odttf"/></Relationships>').encode()
    ct = files["[Content_Types].xml"].decode()
    ct = ct.replace("<Default ", '<Default Extension="odttf" ContentType="application/'
                    'vnd.openxmlformats-officedocument.obfuscatedFont"/><Default ', 1)
    files["[Content_Types].xml"] = ct.encode()
    ft = files["word/fontTable.xml"].decode()
    entry = ('<w:font w:name="Fixture Sans"><w:embedRegular r:id="rIdF1" w:fontKey="%s"/>'
             '</w:font>' % FONT_KEY)
    if "xmlns:r=" not in ft.split(">", 2)[1]:
        ft = ft.replace("<w:fonts ", '<w:fonts xmlns:r="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships" ', 1)
    files["word/fontTable.xml"] = ft.replace("</w:fonts>", entry + "</w:fonts>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in files.items():
            z.writestr(name, blob)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: docx_fixture.py OUT.docx FONT.ttf\n")
        sys.exit(2)
    build(sys.argv[1])
    embed_font(sys.argv[1], sys.argv[2])
