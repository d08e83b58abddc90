#!/usr/bin/python3
# make-thematic-cycle3.py: writes upr31-senegal-matrix.docx, a thematic list of
# recommendations as OHCHR laid them out in the third UPR cycle ("Matrix of recommendations"):
# other columns than today's (Recommendation, Position, Full list of themes, Assessment/
# comments on level of implementation), older theme codes before the labels ("A12 Acceptance
# of international norms"), "Affected persons:" lists, "Theme:" rows merged across the table,
# non-breaking hyphens, the position's source on its own line. The texts follow Senegal's
# review at the 31st session (A/HRC/40/5); the document is a minimal Word file written here,
# so that tests/test-import.c can check every value. Only the standard library is needed.
#
# Usage: /usr/bin/python3 make-thematic-cycle3.py [OUTPUT]

import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

HEADER = ["Recommendation", "Position", "Full list of themes",
          "Assessment/comments on level of implementation"]

SOURCE = "Source of position: A/HRC/40/5/Add.1 - Para. 3"

# (theme of the section, [(recommendation, position, themes)])
SECTIONS = [
    ("A12 Acceptance of international norms", [
        ("142.1 Ratify the Optional Protocol to the Convention on the Rights of Persons with "
         "Disabilities (Ecuador) (Spain);",
         "Supported",
         ["A12 Acceptance of international norms", "F4 Persons with disabilities",
          "Affected persons:", "- persons with disabilities"]),
        ("142.2 Consider ratifying the International Convention for the Protection of All "
         "Persons from Enforced Disappearance (C\u00f4te d\u2019Ivoire);",
         "Noted",
         ["A12 Acceptance of international norms", "D32 Enforced disappearances",
          "Affected persons:", "- general"]),
    ]),
    ("D25 Prohibition of torture and cruel, inhuman or degrading treatment", [
        ("142.30 Ensure that all allegations of torture and ill\u2011treatment by law\u2011"
         "enforcement officers are investigated promptly (Denmark);",
         "Supported",
         ["D25 Prohibition of torture and cruel, inhuman or degrading treatment",
          "D26 Conditions of detention", "Affected persons:",
          "- persons deprived of their liberty"]),
        ("142.31 Take measures to reduce overcrowding in prisons (Holy See) (Italy);",
         "Supported",
         ["D26 Conditions of detention"]),
    ]),
    ("F12 Discrimination against women", [
        ("142.50 Amend the Family Code to guarantee the equal rights of women and men in "
         "marriage (Belgium);",
         "Noted",
         ["F12 Discrimination against women", "D6 Rights related to marriage & family",
          "Affected persons:", "- women", "- girls"]),
    ]),
]


def run(text):
    """A run, with U+2011 written as Word writes it: <w:noBreakHyphen/>."""
    parts = text.split("\u2011")
    out = []
    for i, part in enumerate(parts):
        if i > 0:
            out.append("<w:noBreakHyphen/>")
        if part:
            out.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return "<w:r>" + "".join(out) + "</w:r>"


def paragraph(text):
    return f"<w:p>{run(text)}</w:p>" if text else "<w:p/>"


def cell(lines, span=1):
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return "<w:tc>" + props + "".join(paragraph(line) for line in (lines or [""])) + "</w:tc>"


def row(cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def document():
    rows = [row([cell([h]) for h in HEADER])]
    for theme, recommendations in SECTIONS:
        rows.append(row([cell([f"Theme: {theme}"], span=4)]))
        for text, position, themes in recommendations:
            rows.append(row([cell([text, SOURCE]), cell([position]), cell(themes), cell([])]))
    grid = "<w:tblGrid>" + '<w:gridCol w:w="2400"/>' * 4 + "</w:tblGrid>"
    title = paragraph("UPR of Senegal (3rd Cycle \u2013 31st session)")
    subtitle = paragraph("Thematic list of recommendations")
    table = "<w:tbl>" + grid + "".join(rows) + "</w:tbl>"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{title}{subtitle}{table}'
            '<w:sectPr/></w:body></w:document>')


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')

RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "upr31-senegal-matrix.docx")
    # Fixed dates, so that running the script again writes the same file.
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document())):
            info = zipfile.ZipInfo(name, date_time=(2019, 3, 14, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            docx.writestr(info, data.encode("utf-8"))


if __name__ == "__main__":
    main()
