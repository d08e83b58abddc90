#!/usr/bin/python3
# make-uhri-sample.py: writes uhri-sample.xlsx, a small export of OHCHR's Universal Human
# Rights Index (uhri.ohchr.org) as its "Export to Excel" lays it out: one row per annotated
# recommendation, the columns below (with OHCHR's own spelling, "Reccomending"), several
# values in one cell on lines starting with "- ", recommendations of treaty bodies mixed with
# those of the UPR. The texts are those of real UPR recommendations to Senegal (UPR 45,
# A/HRC/55/15); ids and dates are made up. tests/test-import.c checks the import of each row.
#
# Usage: /usr/bin/python3 make-uhri-sample.py [OUTPUT]   (Debian's python3-openpyxl)

import datetime
import os
import sys

import openpyxl

HEADER = ["OHCHR Annotation Id", "Document Symbol", "Document Publication Date",
          "Reccomending Body", "Type", "Countries Concerned", "Regions Concerned", "Themes",
          "Affected Persons", "SDGs", "Text", "UPR Session", "UPR Reccomending States",
          "UPR Position"]

UPR = "- Universal Periodic Review"
SYMBOL = "A/HRC/55/15"
DATE = datetime.datetime(2024, 1, 11)

ROWS = [
    ["a1f0c2d4-0001", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- Ratification of & accession to international instruments\n- Right to life",
     "- General", "- 16 - Peace, justice and strong institutions",
     "Ratify the Second Optional Protocol to the International Covenant on Civil and "
     "Political Rights, aiming at the abolition of the death penalty",
     "45", "- Australia\n- Montenegro\n- Portugal", "- Supported"],
    ["a1f0c2d4-0002", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- Violence against women\n- Sexual & gender-based violence",
     "- Women & girls\n- Children",
     "- 5.2 - Eliminate all forms of violence against all women and girls in the public and "
     "private spheres\n- 16.1 - Significantly reduce all forms of violence",
     "Strengthen measures to combat gender-based violence, including by criminalizing "
     "marital rape and ensuring that perpetrators are brought to justice",
     "45th session", "- France", "- Supported"],
    ["a1f0c2d4-0003", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- Rights related to marriage & family\n- Discrimination against women",
     "- Women & girls", "- 5 - Gender equality",
     "Raise the minimum age of marriage for girls to 18 years, in line with international "
     "standards", "45", "- Iceland\n- Mexico", "- Noted"],
    ["a1f0c2d4-0004", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- Equality & non-discrimination", "- Lesbian, gay, bisexual and transgender and "
     "intersex persons (LGBTI)", "- 10 - Reduced inequalities",
     "Decriminalize consensual sexual relations between adults of the same sex",
     "45", "- Canada\n- Atlantis", "- Noted"],
    ["a1f0c2d4-0005", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- Right to education\n- Children: protection against exploitation",
     "- Children\n- Children in vulnerable situations (abused, living on the street, "
     "institutionalized, indigenous, migrant children etc.)",
     "- 4 - Quality education\n- 8.7 - End child labour",
     "Adopt the draft children\u2019s code and strengthen the regulation of Qur\u2019anic "
     "schools (daaras) to end the forced begging of talib\u00e9 children",
     "45", "- United States of America", "- Supported"],
    ["a1f0c2d4-0006", SYMBOL, DATE, UPR, "- Recommendation", "- Senegal", "- Africa",
     "- National Human Rights Institution (NHRI)", "- General",
     "- 16 - Peace, justice and strong institutions",
     "Bring the Senegalese Human Rights Committee into full compliance with the Paris "
     "Principles", "45", "- T\u00fcrkiye\n- C\u00f4te d\u2019Ivoire", "- Supported"],
    # A treaty body's recommendation: not the UPR's, to be skipped.
    ["b2e1d3c5-0007", "CRC/C/SEN/CO/3-6", datetime.datetime(2016, 3, 7),
     "- Committee on the Rights of the Child", "- Recommendation", "- Senegal", "- Africa",
     "- Children: juvenile justice", "- Children", "- 16 - Peace, justice and strong "
     "institutions", "Raise the minimum age of criminal responsibility", "", "", ""],
    # The same recommendation as the first, given to Slovenia at UPR 48: another review.
    ["c3f2e4d6-0008", "A/HRC/59/15", datetime.datetime(2025, 1, 30), UPR, "- Recommendation",
     "- Slovenia", "- Eastern Europe", "- Refugees & asylum seekers", "- Stateless persons",
     "- 10 - Reduced inequalities", "Accede to the 1961 Convention on the Reduction of "
     "Statelessness", "48", "- North Macedonia", "- Supported"],
]


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "uhri-sample.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Export"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        row[0].number_format = "yyyy-mm-dd"
    # Fixed, so that running the script again writes the same workbook.
    workbook.properties.created = datetime.datetime(2024, 1, 11)
    workbook.properties.modified = datetime.datetime(2024, 1, 11)
    workbook.properties.creator = "UHRI"
    workbook.save(output)


if __name__ == "__main__":
    main()
