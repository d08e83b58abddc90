#!/usr/bin/python3
"""Writes the good and bad files that tests/test-table.c reads (and the fuzzers start from).

Run it from anywhere: `python3 tests/data/table/make-corpus.py`. Its outputs are committed so
that the tests need no generation step; run it again only to change them. The output is
deterministic (fixed zip timestamps) so that a re-run changes nothing. `make-corpus.py seeds`
writes only the fuzzer's seeds (tests/fuzz/seeds), which need neither openpyxl nor xlwt.

Text files are written byte by byte to hold the traps exactly; workbooks and documents are
zip archives of hand-written XML, so each trap (a skipped column, a rich-text run, a
phonetic run, a date style, a spanned cell) is where the test expects it. One workbook is
made with openpyxl as well, to have one from a real library, and the legacy .xls files with
xlwt (Debian: python3-xlwt; only needed to run this script).
"""

import datetime
import os
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "..", "fuzz", "seeds")
PARTICIPANTS = os.path.join(HERE, "..", "participants")
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def write_zip(name, parts):
    """parts: list of (name, text or bytes); stored in this order, deflated."""
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, content in parts:
            info = zipfile.ZipInfo(part, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    with open(path, "rb") as f:
        return f.read()


def png():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + bytes([(x * 7 + y * 13) % 256 for x in range(16)] * 3)
                   for y in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------------------------
# Delimited text

def text_files():
    write("empty.csv", b"")
    write("bom-only.csv", b"\xef\xbb\xbf")
    write("header-only.csv", b"Country,Recommendation,Response\r\n")
    write("binary.csv", png())
    write("whitespace-lines.csv", b"\r\n\n\r\n")

    # The quote of row 4 (line 5: row 2 holds a line break) is never closed.
    write("unterminated-quote.csv",
          b'Country,Recommendation,Response\r\n'
          b'Chad,"Ratify the\r\nConvention",Supported\r\n'
          b'Mali,Adopt a law,Noted\r\n'
          b'Peru,"Strengthen the institution,Supported\r\n'
          b'Fiji,Consider,Noted\r\n')

    # Row 3 has an unquoted comma in its text: one value too many.
    write("ragged.csv",
          b"Country,Recommendation,Response\n"
          b"Chad,Ratify the Convention,Supported\n"
          b"Mali,Adopt laws, policies,Noted\n"
          b"Peru,Short row\n")

    # Shorter rows and trailing separators are fine.
    write("short-rows.csv",
          b"Country,Recommendation,Response,,\n"
          b"Chad\n"
          b"Mali,Adopt,Noted,,,,\n")

    write("nul.csv",
          b"Country,Recommendation,Response\n"
          b"Chad,Ratify the Convention,Supported\n"
          b"Mali,Adopt\x00a law,Noted\n"
          b"Peru,Strengthen,Supported\n")

    write("long-field.csv",
          b"Country,Recommendation\n"
          b"Chad," + b"x" * 100000 + b"\n")
    # Exactly the most a cell may hold: read.
    write("max-field.csv", b"Country,Recommendation\nChad,\"" + b"y" * 32767 + b"\"\n")

    # Valid UTF-8 but for one byte (0xFF) in row 3, column 2.
    write("invalid-utf8.csv",
          "Country,Recommendation\nCôte d’Ivoire,Ratify\nMali,Ad\xffopt\n".encode("utf-8")
          .replace(b"\xc3\xbf", b"\xff"))

    # CRLF, LF and CR line ends in one file, one inside quotes.
    write("mixed-eol.csv",
          b"A,B\r\n1,2\n3,4\r5,\"x\ry\"\r\n6,7\n")

    tsv = "Pays\tRecommandation\tRéponse\r\nCôte d’Ivoire\tRatifier la Convention\tAcceptée\r\n"
    write("utf16le-bom.txt", b"\xff\xfe" + tsv.encode("utf-16-le"))
    write("utf16be-bom.txt", b"\xfe\xff" + tsv.encode("utf-16-be"))
    write("utf16le-nobom.txt", tsv.encode("utf-16-le"))
    write("utf16-odd.txt", b"\xff\xfe" + tsv.encode("utf-16-le") + b"A")

    write("utf8-bom.csv", "\ufeffCountry,Text\r\nTürkiye,Garantir l’accès\r\n".encode("utf-8"))

    write("cp1252.csv",
          "Pays;Recommandation;Réponse\r\n"
          "Côte d’Ivoire;Améliorer l’accès à l’éducation;Acceptée\r\n"
          "Sénégal;Renforcer la société civile;Notée\r\n".encode("cp1252"))
    write("cp1251.csv",
          "Страна,Рекомендация,Ответ\r\n"
          "Россия,Ратифицировать конвенцию,Поддержана\r\n"
          "Беларусь,Укрепить независимость судей,Принята к сведению\r\n".encode("cp1251"))

    write("sep-line.csv", b"sep=;\r\nCountry;Text;Session\r\nChad;Ratify, and report;5\r\n")
    write("semicolon.csv",
          "Pays;Recommandation;Session\n"
          "Tchad;Ratifier, signer et appliquer la Convention;5\n"
          "Mali;\"Adopter; puis appliquer\";12\n".encode("utf-8"))
    write("tabs.tsv", b"Country\tText\tSession\nChad\tRatify, sign\t5\nMali\t\"Adopt\"\t12\n")

    write("quoted-newlines.csv",
          b'Country,Text,Response\r\n'
          b'Chad,"First line\r\nsecond line\nthird ""quoted"" line",Supported\r\n'
          b'Mali,Plain,Noted\r\n'
          b'"Peru","Two\r\n\r\nbreaks","x"y\r\n')


# ---------------------------------------------------------------------------------------------
# Workbooks

CONTENT_TYPES_XLSX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS_XLSX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def workbook_xml(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    items = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{rid}"/>'
                    for i, (n, rid) in enumerate(sheets))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">{pr}<sheets>{items}</sheets>'
            f'</workbook>')


def rels_xml(rels):
    items = "".join(f'<Relationship Id="{i}" Type="{REL_BASE}{t}" Target="{target}"/>'
                    for i, t, target in rels)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + items + '</Relationships>')


def sheet_xml(rows):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}"><dimension ref="A1:F6"/><sheetData>{rows}'
            f'</sheetData></worksheet>')


SHARED_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{NS_MAIN}" count="6" uniqueCount="6">
<si><t>Country</t></si>
<si><t>Recommendation</t></si>
<si><t>Date</t></si>
<si><t xml:space="preserve">Côte d’Ivoire </t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Ratify </t></r><r><t>the Convention</t></r><rPh sb="0" eb="1"><t>ラ</t></rPh></si>
<si><t/></si>
</sst>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS_MAIN}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[Red]0.00"/><numFmt numFmtId="166" formatCode="&quot;day&quot; 0"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>
</styleSheet>"""

# Row 3 is skipped (an empty row), column B of row 4 too (an empty cell); row 6 holds only
# styled empty cells (not a row of data); C6's missing r attribute would follow B6.
SHEET1 = sheet_xml(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="inlineStr"><is><t>Response</t></is></c><c r="D1" t="s"><v>2</v></c>'
    '<c r="E1" t="inlineStr"><is><r><t>Sc</t></r><r><t>ore</t></r></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
    '<c r="C2" t="inlineStr"><is><t>Supported</t></is></c><c r="D2" s="1"><v>45292</v></c>'
    '<c r="E2"><v>5</v></c><c r="F2" t="s"><v>5</v></c></row>'
    '<row r="4"><c r="A4" t="str"><f>UPPER("slovenia")</f><v>SLOVENIA</v></c>'
    '<c r="C4" t="b"><v>1</v></c><c r="D4" s="2"><v>60</v></c><c r="E4"><v>12.5</v></c>'
    '<c r="F4"><v>0.30000000000000004</v></c></row>'
    '<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5" s="4"><v>0.25</v></c>'
    '<c r="C5" s="3"><v>3</v></c><c r="D5" s="5"><v>45292.5</v></c><c r="E5" s="1"/>'
    '<c s="6"><v>7</v></c></row>'
    '<row r="6"><c r="A6" s="1"/><c r="B6" s="2"/></row>')

SHEET2 = sheet_xml('<row r="1"><c r="A1" t="d"><v>2024-03-01T00:00:00</v></c>'
                   '<c r="B1"><v>-1.5E-3</v></c><c r="C1"><v>1E+20</v></c></row>')


def xlsx_files():
    # The sheet order is the workbook's, not the relationships' ("Recommendations" is rId3).
    tiny = write_zip("tiny.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES_XLSX),
        ("_rels/.rels", ROOT_RELS_XLSX),
        ("xl/workbook.xml", workbook_xml([("Recommendations", "rId3"), ("Notes", "rId1")])),
        ("xl/_rels/workbook.xml.rels", rels_xml([
            ("rId1", "worksheet", "/xl/worksheets/sheet2.xml"),
            ("rId2", "sharedStrings", "sharedStrings.xml"),
            ("rId3", "worksheet", "worksheets/../worksheets/sheet1.xml"),
            ("rId4", "styles", "styles.xml"),
        ])),
        ("xl/sharedStrings.xml", SHARED_STRINGS),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", SHEET1),
        ("xl/worksheets/sheet2.xml", SHEET2),
    ])
    write("truncated.xlsx", tiny[: len(tiny) * 2 // 3])

    write_zip("date1904.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES_XLSX),
        ("_rels/.rels", ROOT_RELS_XLSX),
        ("xl/workbook.xml", workbook_xml([("Sheet1", "rId1")], date1904=True)),
        ("xl/_rels/workbook.xml.rels", rels_xml([
            ("rId1", "worksheet", "worksheets/sheet1.xml"),
            ("rId2", "styles", "styles.xml"),
        ])),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml",
         sheet_xml('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>1</v></c>'
                   '<c r="C1" s="1"><v>43830</v></c></row>')),
    ])

    # A sheet that is not XML: named by part and line.
    write_zip("bad-xml.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES_XLSX),
        ("xl/workbook.xml", workbook_xml([("Sheet1", "rId1")])),
        ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml",
         f'<?xml version="1.0"?>\n<worksheet xmlns="{NS_MAIN}">\n<sheetData>\n'
         f'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></row>\n</sheetData></worksheet>'),
    ])

    # Entity expansion ("billion laughs") behind a DTD: refused before any is expanded.
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    write_zip("doctype.xlsx", [
        ("xl/workbook.xml",
         f'<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY l0 "ha">{laughs}]>\n'
         f'<workbook xmlns="{NS_MAIN}"><sheets><sheet name="&l9;" sheetId="1" r:id="rId1" '
         f'xmlns:r="{NS_REL}"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet_xml("")),
    ])

    # A workbook with only a chart sheet has no table.
    write_zip("no-sheet.xlsx", [
        ("xl/workbook.xml", workbook_xml([("Chart1", "rId1")])),
        ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "chartsheet", "chartsheets/sheet1.xml")])),
    ])

    write_zip("not-office.zip.csv", [("notes.txt", "Country,Text\nChad,Ratify\n")])
    write_zip("opendocument.ods", [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", "<office:document-content/>"),
    ])


def openpyxl_file():
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "UHRI export"
    sheet.append(["Text", "Countries Concerned", "UPR Session", "Date", "UPR Position"])
    sheet.append(["Ratify the Optional Protocol", "- Slovenia", 48,
                  datetime.date(2025, 1, 20), "- Supported"])
    sheet.append(["Adopt a national action plan", "- Slovenia", 48.0,
                  datetime.datetime(2025, 1, 20, 15, 30), "- Noted"])
    book.properties.created = datetime.datetime(2024, 1, 1)
    book.properties.modified = datetime.datetime(2024, 1, 1)
    path = os.path.join(HERE, "openpyxl.xlsx")
    book.save(path)
    # openpyxl stamps the zip entries with the time of day: restamp them.
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    write_zip("openpyxl.xlsx", parts)


# ---------------------------------------------------------------------------------------------
# Legacy workbooks (BIFF8)

def xls_files():
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Recommendations")
    date_style = xlwt.easyxf(num_format_str="D/M/YYYY")
    header = ["SuR", "Recommendation", "Response", "Session", "Date", "Score"]
    for column, text in enumerate(header):
        sheet.write(0, column, text)
    # Row 2 (index 1): floats as the UPR Info exports store them; column C left empty.
    sheet.write(1, 0, "Côte d’Ivoire")
    sheet.write(1, 1, "Ratify the Convention ")
    sheet.write(1, 3, 5.0)
    sheet.write(1, 4, datetime.date(2015, 8, 14), date_style)
    sheet.write(1, 5, 12.5)
    # Row 3 is empty; row 4 has an integer and a boolean.
    sheet.write(3, 0, "Россия")
    sheet.write(3, 1, "Line one\nline two")
    sheet.write(3, 2, "Noted")
    sheet.write(3, 3, 12)
    sheet.write(3, 5, True)
    notes = book.add_sheet("Notes")
    notes.write(0, 0, "Note")
    path = os.path.join(HERE, "tiny.xls")
    book.save(path)
    with open(path, "rb") as f:
        data = f.read()
    write("truncated.xls", data[: len(data) // 2])
    # An OLE2 file with no workbook stream, as a Word .doc is: the stream renamed.
    name = "Workbook".encode("utf-16-le")
    assert data.count(name) == 1
    write("not-workbook.xls", data.replace(name, "Xorkbook".encode("utf-16-le")))


# ---------------------------------------------------------------------------------------------
# Word documents

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

CONTENT_TYPES_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{NS_W}" xmlns:mc="{NS_MC}"><w:body>{body}</w:body>'
            f'</w:document>')


def p(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def r(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(*paragraphs, span=None):
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else ""
    return "<w:tc>" + pr + "".join(paragraphs) + "</w:tc>"


def tr(*cells, before=None):
    pr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
    return "<w:tr>" + pr + "".join(cells) + "</w:tr>"


def tbl(*rows):
    return "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>" + "".join(rows) + "</w:tbl>"


def docx_files():
    nested = tbl(tr(tc(p(r("n1"))), tc(p(r("n2")))))
    body = (
        p(r("Thematic list of recommendations"))
        + tbl(
            tr(tc(p(r("Recommendation"))), tc(p(r("Position"))), tc(p(r("Themes")))),
            tr(tc(p(r("Theme: Ratification")), span=3)),
            tr(tc(p('<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>',
                    r("140.7 Ratify"), '<w:r><w:tab/><w:t>the</w:t><w:br/><w:t>Convention</w:t>'
                    '<w:noBreakHyphen/><w:t>now</w:t></w:r>',
                    '<w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></w:r>'),
                  p(r("(Austria)"))),
               tc(p(r("Supported"))),
               tc(p(r("- Women")), nested, p(r("- Children")))),
            tr(tc(p(r("x"))), tc(p(r("y"))), before=1),
            tr(tc(p(f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>choice</w:t>'
                    f'</mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback>'
                    f'</mc:AlternateContent></w:r>')), tc(), tc(p(r("last")))),
        )
        + p(r("Between the tables"))
        + tbl(tr(tc(p(r("only")))))
    )
    tiny = write_zip("tiny.docx", [
        ("[Content_Types].xml", CONTENT_TYPES_DOCX),
        ("word/document.xml", document(body)),
    ])
    write("truncated.docx", tiny[: len(tiny) // 2])
    write_zip("no-table.docx", [
        ("[Content_Types].xml", CONTENT_TYPES_DOCX),
        ("word/document.xml", document(p(r("Dear colleagues,")) + p(r("No table here.")))),
    ])


# ---------------------------------------------------------------------------------------------
# Seeds for fuzz-table's XML mode: parts separated by NULs, the length's parity choosing a
# workbook (even) or a document (odd); see tests/fuzz/fuzz-table.c.

def fuzz_seeds():
    os.makedirs(SEEDS, exist_ok=True)

    def seed(name, data, odd):
        if len(data) % 2 != odd:
            data += b"\n"
        with open(os.path.join(SEEDS, name), "wb") as f:
            f.write(data)

    seed("sheet.xml", "\0".join([SHEET1, SHARED_STRINGS, STYLES]).encode("utf-8"), 0)
    seed("sheet2.xml", SHEET2.encode("utf-8"), 0)
    body = p(r("x")) + tbl(tr(tc(p(r("a"), '<w:r><w:tab/><w:br/><w:noBreakHyphen/></w:r>'),
                                 span=2), tc()), tr(tc(p(r("b"))), before=1))
    seed("document.xml", document(body).encode("utf-8"), 1)

    # A document with its relationships and two page headers, the parts in the order
    # fuzz-table packs them: the title of title-in-header.docx (made by make-title-docx.py),
    # one header reached by a relative Target, the other by an absolute one.
    with zipfile.ZipFile(os.path.join(HERE, "title-in-header.docx")) as z:
        parts = [z.read(name) for name in ("word/document.xml", "word/_rels/document.xml.rels",
                                           "word/header1.xml", "word/header2.xml")]
    seed("title-in-header.xml", b"\0".join(parts), 1)
    # Only paragraphs before the table, and relationships naming a header that is missing.
    rels = rels_xml([("rId1", "header", "header1.xml"), ("rId2", "header", "/word/header9.xml"),
                     ("rId3", "hyperlink", "https://example.org/")])
    body = (p(r("UPR of Chad (4th Cycle - 45th Session)"), "<w:r><w:tab/></w:r>", r("Page 1"))
            + p(r("1")) + p() + tbl(tr(tc(p(r("Recommendation"))), tc(p(r("Position"))))))
    seed("title-in-body.xml", document(body).encode("utf-8") + b"\0" + rels.encode("utf-8"), 1)

    # Teams attendance reports, in numbered sections (read by upr-table-text.c). fuzz-table
    # forces an encoding or a separator by the input's length: these are padded with empty
    # lines to a multiple of 5, which leaves the text reader to detect both itself.
    def text_seed(name, data, newline):
        while len(data) % 5 != 0:
            data += newline
        with open(os.path.join(SEEDS, name), "wb") as f:
            f.write(data)

    for language in ("en", "fr"):
        with open(os.path.join(PARTICIPANTS, f"teams-report-{language}.csv"), "rb") as f:
            report = f.read()
        text_seed(f"teams-report-{language}.csv", report, "\n".encode("utf-16-le"))
    # The same in UTF-8, and with semicolons between the values: the separator is chosen
    # section by section, and the English dates hold commas.
    with open(os.path.join(PARTICIPANTS, "teams-report-en.csv"), "rb") as f:
        text = f.read().decode("utf-16").replace("\r\n", "\n")
    text_seed("teams-report-en-utf8.csv", text.encode("utf-8"), b"\n")
    text_seed("teams-report-en-semicolon.csv", text.replace("\t", ";").encode("utf-8"), b"\n")
    # A quoted value holding a line that looks like a title, a padded title row, CR line ends.
    text_seed("sections-quoted.csv",
              b"1. Summary,,\r"
              b"Title,\"Notes\r2. Not a title\"\r"
              b"\r"
              b"2. Participants,,\r"
              b"Name,Email,Role\r"
              b"A B,a@example.org,Attendee\r"
              b"3. Activities\r"
              b"Name,Join\r", b"\r")


def main():
    if sys.argv[1:] == ["seeds"]:
        fuzz_seeds()
        return 0
    text_files()
    xlsx_files()
    openpyxl_file()
    xls_files()
    docx_files()
    fuzz_seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
