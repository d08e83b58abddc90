#!/usr/bin/python3
"""Fills in a matrix exported by Upright as a partner would, for tests/test-matrix-return.c.

edit-matrix.py IN.xlsx OUT.xlsx [EDIT...]
  ROW:KEY=VALUE   sets the cell of spreadsheet row ROW (2: the first recommendation) in the
                  column whose stable key is KEY (the hidden sheet's "matrix-columns");
                  VALUE "date:YYYY-MM-DD" writes a real date cell, anything else text.
  delete-key      deletes the hidden key column (a partner's mistake).
  foreign         removes the hidden sheet: a workbook Upright did not write.
Columns are found through the hidden sheet, as Upright itself finds them."""
import datetime
import sys

import openpyxl


def main(args):
    source, target, edits = args[0], args[1], args[2:]
    book = openpyxl.load_workbook(source)
    meta = {row[0]: row[1] for row in book["Upright"].iter_rows(values_only=True) if row[0]}
    sheet = book[meta["matrix-sheet"]]
    keys = meta["matrix-columns"].split(",")
    for edit in edits:
        if edit == "foreign":
            del book["Upright"]
            continue
        if edit == "delete-key":
            sheet.delete_cols(1)
            continue
        where, value = edit.split("=", 1)
        row, key = where.split(":", 1)
        cell = sheet.cell(row=int(row), column=keys.index(key) + 1)
        if value.startswith("date:"):
            cell.value = datetime.date.fromisoformat(value[5:])
            cell.number_format = "yyyy-mm-dd"
        else:
            cell.value = value if value else None
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1:])
