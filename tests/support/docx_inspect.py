#!/usr/bin/python3
"""Reads a DOCX with python-docx (Debian's python3-docx) and prints what the
tests check, one record a line, fields separated by tabs, for
tests/support/docx_tools.cpp to parse (no JSON library on the C++ side).

Text fields escape backslash, tab, newline and carriage return as \\\\, \\t,
\\n, \\r. Lengths are millimetres with one decimal; "-" is "not set".

  D  title  subject  author  keywords
  P  style  level  text  numbering  number_format  alignment  first_line_mm
       a body paragraph. level: the outline level as Word numbers headings
       (1-9, outlineLvl + 1) from the paragraph or its style chain, or "-".
       numbering: "numId/ilvl" (direct or from the style), or "-";
       number_format: "numFmt lvlText" from numbering.xml, or "-".
       alignment: the effective w:jc (both, center, left, start...), or "-".
       first_line_mm: effective first-line indent (negative when hanging), or "-".
  T  rows  cols               a body table (cols: its w:tblGrid columns)
  R  header  cant_split       a row of the last table (1/0: w:tblHeader, w:cantSplit)
  C  span  vmerge             a cell of the last row (w:gridSpan; vmerge restart,
                              continue or -)
  Q  (as P)                   a paragraph in the last cell (nested tables' too)
  S  orientation  page_width_mm  page_height_mm  top  bottom  left  right
       title_page             a section (title_page: 1 when w:titlePg is set)
  H  section  header|footer  default|first|even  fields  text
       a header or footer a section names (section counts from 0; fields:
       comma-separated field names such as PAGE,NUMPAGES, or "-")
  I  alt  width_mm  height_mm  px_width  px_height  content_type
       a picture in the body (alt: wp:docPr's descr)
  F  name  variant  bytes  sfnt
       an embedded font part (variant Regular, Bold, Italic, BoldItalic; bytes
       of the part; sfnt 1 when, de-obfuscated with its fontKey, it starts as a
       TrueType or OpenType font)

usage: docx_inspect.py FILE.docx
"""

import sys

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
EMU_PER_MM = 36000.0
TWIPS_PER_MM = 1440.0 / 25.4


def esc(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def mm_emu(v):
    return "-" if v is None else "%.1f" % (int(v) / EMU_PER_MM)


def mm_twips(v):
    return "-" if v is None else "%.1f" % (int(v) / TWIPS_PER_MM)


def on(el, attr=qn("w:val")):
    """An ST_OnOff element: present and not switched off."""
    if el is None:
        return False
    return el.get(attr, "true").lower() not in ("0", "false", "off")


def in_fallback(el):
    """True inside mc:Fallback, whose content repeats mc:Choice's."""
    p = el.getparent()
    while p is not None:
        if p.tag == MC_FALLBACK:
            return True
        p = p.getparent()
    return False


def text_of(p):
    """A paragraph's text as Word shows it: w:t, tabs and breaks, in order;
    runs in hyperlinks and fields included, deleted text and field codes not."""
    out = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"),
                     qn("w:noBreakHyphen")):
        if in_fallback(el):
            continue
        if el.tag == qn("w:t"):
            out.append(el.text or "")
        elif el.tag == qn("w:tab"):
            # w:tab also names a tab stop inside w:tabs; only a run's counts
            if el.getparent().tag == qn("w:r"):
                out.append("\t")
        elif el.tag == qn("w:noBreakHyphen"):
            out.append("\u2011")
        else:
            out.append("\n")
    return "".join(out)


class Styles:
    def __init__(self, document):
        root = document.styles.element
        self.by_id = {}
        self.default_para = None
        for s in root.iterchildren(qn("w:style")):
            self.by_id[s.get(qn("w:styleId"))] = s
            if (s.get(qn("w:type")) == "paragraph" and
                    s.get(qn("w:default"), "0").lower() in ("1", "true", "on")):
                self.default_para = s
        defaults = root.find(qn("w:docDefaults"))
        self.default_ppr = None
        if defaults is not None:
            self.default_ppr = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr"))

    def chain(self, p):
        """The paragraph's own pPr, then its style's, then the bases', then the
        document defaults."""
        ppr = p.find(qn("w:pPr"))
        yield ppr
        style = None
        if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
            style = self.by_id.get(ppr.find(qn("w:pStyle")).get(qn("w:val")))
        elif self.default_para is not None:
            style = self.default_para
        seen = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            yield style.find(qn("w:pPr"))
            based = style.find(qn("w:basedOn"))
            style = self.by_id.get(based.get(qn("w:val"))) if based is not None else None
        yield self.default_ppr

    def style_name(self, p):
        ppr = p.find(qn("w:pPr"))
        style = None
        if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
            sid = ppr.find(qn("w:pStyle")).get(qn("w:val"))
            style = self.by_id.get(sid)
            if style is None:
                return sid
        else:
            style = self.default_para
        if style is None:
            return "-"
        name = style.find(qn("w:name"))
        if name is None:
            return style.get(qn("w:styleId"))
        # Word stores its built-in styles' names in lower case ("heading 1")
        # and shows them capitalised ("Heading 1"), as python-docx reports them.
        return BabelFish.internal2ui(name.get(qn("w:val")))

    def first(self, p, path, attr=None):
        """The first element at `path` in the paragraph's chain (or its attribute)."""
        for ppr in self.chain(p):
            if ppr is None:
                continue
            el = ppr.find(path)
            if el is None:
                continue
            if attr is None:
                return el
            if el.get(attr) is not None:
                return el.get(attr)
        return None


class Numbering:
    def __init__(self, document):
        self.formats = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in a.iterchildren(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                levels[lvl.get(qn("w:ilvl"))] = "%s %s" % (
                    fmt.get(qn("w:val")) if fmt is not None else "-",
                    text.get(qn("w:val")) if text is not None else "")
            abstract[a.get(qn("w:abstractNumId"))] = levels
        for n in root.iterchildren(qn("w:num")):
            a = n.find(qn("w:abstractNumId"))
            if a is not None:
                self.formats[n.get(qn("w:numId"))] = abstract.get(a.get(qn("w:val")), {})

    def format(self, num_id, ilvl):
        return self.formats.get(num_id, {}).get(ilvl, "-")


def paragraph_line(kind, p, styles, numbering):
    level = styles.first(p, qn("w:outlineLvl"), qn("w:val"))
    level = "-" if level is None or int(level) >= 9 else str(int(level) + 1)
    num_id = styles.first(p, qn("w:numPr") + "/" + qn("w:numId"), qn("w:val"))
    ilvl = styles.first(p, qn("w:numPr") + "/" + qn("w:ilvl"), qn("w:val")) or "0"
    if num_id is None or num_id == "0":
        num, fmt = "-", "-"
    else:
        num, fmt = "%s/%s" % (num_id, ilvl), numbering.format(num_id, ilvl)
    jc = styles.first(p, qn("w:jc"), qn("w:val")) or "-"
    first = "-"
    for ppr in styles.chain(p):
        ind = ppr.find(qn("w:ind")) if ppr is not None else None
        if ind is None:
            continue
        if ind.get(qn("w:hanging")) is not None:
            first = "%.1f" % (-int(ind.get(qn("w:hanging"))) / TWIPS_PER_MM)
            break
        if ind.get(qn("w:firstLine")) is not None:
            first = mm_twips(ind.get(qn("w:firstLine")))
            break
    return "\t".join([kind, esc(styles.style_name(p)), level, esc(text_of(p)), num, esc(fmt),
                      jc, first])


def cell_paragraphs(tc):
    """Every paragraph in a cell, those of nested tables included, in order."""
    for el in tc.iter(qn("w:p")):
        if not in_fallback(el):
            yield el


def table_lines(tbl, styles, numbering):
    rows = list(tbl.iterchildren(qn("w:tr")))
    grid = tbl.find(qn("w:tblGrid"))
    cols = len(list(grid.iterchildren(qn("w:gridCol")))) if grid is not None else 0
    yield "T\t%d\t%d" % (len(rows), cols)
    for tr in rows:
        trpr = tr.find(qn("w:trPr"))
        header = on(trpr.find(qn("w:tblHeader"))) if trpr is not None else False
        cant = on(trpr.find(qn("w:cantSplit"))) if trpr is not None else False
        yield "R\t%d\t%d" % (header, cant)
        for tc in tr.iterchildren(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span, vmerge = "1", "-"
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = gs.get(qn("w:val"), "1")
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val"), "continue")
            yield "C\t%s\t%s" % (span, vmerge)
            for p in cell_paragraphs(tc):
                yield paragraph_line("Q", p, styles, numbering)


def field_names(el):
    names = []
    instr = [f.get(qn("w:instr"), "") for f in el.iter(qn("w:fldSimple"))]
    instr += [t.text or "" for t in el.iter(qn("w:instrText"))]
    for i in instr:
        words = i.split()
        if words and words[0].upper() not in names:
            names.append(words[0].upper())
    return ",".join(names) if names else "-"


def section_lines(document):
    for n, section in enumerate(document.sections):
        sp = section._sectPr
        orient = sp.find(qn("w:pgSz"))
        orientation = "-"
        if orient is not None:
            orientation = orient.get(qn("w:orient"), "portrait")
        yield "\t".join(["S", orientation, mm_emu(section.page_width), mm_emu(section.page_height),
                         mm_emu(section.top_margin), mm_emu(section.bottom_margin),
                         mm_emu(section.left_margin), mm_emu(section.right_margin),
                         "1" if on(sp.find(qn("w:titlePg"))) else "0"])
        for tag, name in ((qn("w:headerReference"), "header"),
                          (qn("w:footerReference"), "footer")):
            for ref in sp.iterchildren(tag):
                part = document.part.related_parts[ref.get("{%s}id" % R_NS)]
                root = part.element
                text = "\n".join(text_of(p) for p in root.iter(qn("w:p")) if not in_fallback(p))
                yield "\t".join(["H", str(n), name, ref.get(qn("w:type"), "default"),
                                 field_names(root), esc(text)])


def picture_lines(document):
    body = document.element.body
    for drawing in body.iter(qn("w:drawing")):
        if in_fallback(drawing):
            continue
        holder = drawing[0] if len(drawing) else None
        if holder is None:
            continue
        docpr = holder.find("{http://schemas.openxmlformats.org/drawingml/2006/"
                            "wordprocessingDrawing}docPr")
        extent = holder.find("{http://schemas.openxmlformats.org/drawingml/2006/"
                             "wordprocessingDrawing}extent")
        blip = next(holder.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"),
                    None)
        alt = docpr.get("descr", "") if docpr is not None else ""
        w = mm_emu(extent.get("cx")) if extent is not None else "-"
        h = mm_emu(extent.get("cy")) if extent is not None else "-"
        px_w, px_h, ctype = "-", "-", "-"
        if blip is not None and blip.get("{%s}embed" % R_NS):
            part = document.part.related_parts[blip.get("{%s}embed" % R_NS)]
            ctype = part.content_type
            try:
                image = part.image
                px_w, px_h = str(image.px_width), str(image.px_height)
            except Exception:  # a format python-docx cannot size
                pass
        yield "\t".join(["I", esc(alt), w, h, px_w, px_h, ctype])


def font_lines(document):
    font_part = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable") and not rel.is_external:
            font_part = rel.target_part
    if font_part is None:
        return
    from lxml import etree
    root = etree.fromstring(font_part.blob)
    for font in root.iterchildren(qn("w:font")):
        name = font.get(qn("w:name"), "")
        for variant in ("Regular", "Bold", "Italic", "BoldItalic"):
            embed = font.find(qn("w:embed" + variant))
            if embed is None:
                continue
            rid = embed.get("{%s}id" % R_NS)
            blob = font_part.related_parts[rid].blob if rid in font_part.rels else b""
            key = embed.get(qn("w:fontKey"), "").strip("{}").replace("-", "")
            head = bytearray(blob[:4])
            if len(key) == 32 and len(head) == 4:
                # ECMA-376 Part 1, 17.8.1: the first 32 bytes are XORed with
                # the key's 16 bytes, read from the GUID's end.
                k = [int(key[30 - 2 * i:32 - 2 * i], 16) for i in range(16)]
                head = bytearray(b ^ k[i % 16] for i, b in enumerate(head))
            sfnt = bytes(head) in (b"\x00\x01\x00\x00", b"OTTO", b"true")
            yield "\t".join(["F", esc(name), variant, str(len(blob)), "1" if sfnt else "0"])


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: docx_inspect.py FILE.docx\n")
        return 2
    document = docx.Document(sys.argv[1])
    styles = Styles(document)
    numbering = Numbering(document)
    lines = []
    cp = document.core_properties
    lines.append("\t".join(["D"] + [esc(v or "") for v in
                                    (cp.title, cp.subject, cp.author, cp.keywords)]))
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            lines.append(paragraph_line("P", el, styles, numbering))
        elif el.tag == qn("w:tbl"):
            lines.extend(table_lines(el, styles, numbering))
    lines.extend(section_lines(document))
    lines.extend(picture_lines(document))
    lines.extend(font_lines(document))
    sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
