#!/usr/bin/python3
"""Writes title-in-header.docx, a thematic list whose State and session are only in its page
headers, as OHCHR's lists have them (upr48-slovenia-thematic-list.docx: "UPR of Slovenia (4th
Cycle - 48th Session)" in word/header1.xml), for tests/test-table.c and
tests/test-cli-import.py. Its traps: the title split over runs, with a superscript ordinal
("47<sup>e</sup>") and a tab before a page number field; a first-page header (reached by an
absolute part name) repeating the title; a footer naming another State, which is not the
title; a long paragraph of text and an empty one before the table, which are not the title
either; a paragraph before the table that the header already said.

Run it from anywhere; the output is committed and a re-run changes nothing (fixed zip times).
"""

import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, superscript=False):
    props = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if superscript else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def paragraph(*runs):
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def cell(text):
    return "<w:tc>" + "".join(paragraph(line) for line in text.split("\n")) + "</w:tc>"


def row(*cells):
    return "<w:tr>" + "".join(cell(c) for c in cells) + "</w:tr>"


TITLE_RUNS = [run("EPU de la "), run("Côte d’Ivoire (4"), run("e", True), run(" cycle – 47"),
              run("e", True), run(" session)")]
PAGE_FIELD = ('<w:r><w:tab/></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
              "</w:fldSimple>")

HEADER = (f'<w:hdr xmlns:w="{W}">' + paragraph(*TITLE_RUNS, PAGE_FIELD) + "</w:hdr>")
FIRST_PAGE_HEADER = (f'<w:hdr xmlns:w="{W}">' + paragraph(*TITLE_RUNS)
                     + paragraph("Liste thématique des recommandations") + "</w:hdr>")
FOOTER = (f'<w:ftr xmlns:w="{W}">'
          + paragraph("See also: UPR of Mali (3rd Cycle - 29th Session)") + "</w:ftr>")

INTRODUCTION = ("This list groups the recommendations by theme. It was prepared from the report "
                "of the Working Group and its addendum; the position of the State under review "
                "is the one given in the addendum, or at the adoption of the outcome by the "
                "Human Rights Council when the addendum did not give one. Recommendations that "
                "cover several themes appear under each of them.")

TABLE = ("<w:tbl>"
         + row("Recommendation", "Position", "Themes")
         + row("147.1 Ratify the Optional Protocol to the Convention against Torture (France);"
               "\nSource of position: A/HRC/56/10/Add.1 - Para. 3", "Supported",
               "- Ratification of & accession to international instruments")
         + row("147.2 Adopt a law on the protection of human rights defenders (Norway);"
               "\nSource of position: A/HRC/56/10/Add.1 - Para. 4", "Noted",
               "- Rule of law & impunity")
         + "</w:tbl>")

DOCUMENT = (f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
            + paragraph(INTRODUCTION) + "<w:p/>"
            + paragraph("Liste thématique des recommandations") + TABLE
            + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/>'
              '<w:headerReference w:type="first" r:id="rId2"/>'
              '<w:footerReference w:type="default" r:id="rId3"/><w:titlePg/></w:sectPr>'
            + "</w:body></w:document>")

RELS = (f'<Relationships xmlns="{REL}">'
        f'<Relationship Id="rId1" Type="{R}/header" Target="header1.xml"/>'
        f'<Relationship Id="rId2" Type="{R}/header" Target="/word/header2.xml"/>'
        f'<Relationship Id="rId3" Type="{R}/footer" Target="footer1.xml"/>'
        f'<Relationship Id="rId4" Type="{R}/hyperlink" Target="https://www.ohchr.org/"'
        ' TargetMode="External"/>'
        "</Relationships>")

CONTENT_TYPES = (f'<Types xmlns="{TYPES}">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Default Extension="rels" '
                 'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 f'<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>'
                 f'<Override PartName="/word/header1.xml" ContentType="{WML}.header+xml"/>'
                 f'<Override PartName="/word/header2.xml" ContentType="{WML}.header+xml"/>'
                 f'<Override PartName="/word/footer1.xml" ContentType="{WML}.footer+xml"/>'
                 "</Types>")

PARTS = [
    ("[Content_Types].xml", CONTENT_TYPES),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", RELS),
    ("word/header1.xml", HEADER),
    ("word/header2.xml", FIRST_PAGE_HEADER),
    ("word/footer1.xml", FOOTER),
]

with zipfile.ZipFile(os.path.join(HERE, "title-in-header.docx"), "w") as z:
    for name, text in PARTS:
        info = zipfile.ZipInfo(name, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
