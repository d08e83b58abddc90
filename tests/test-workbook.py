#!/usr/bin/python3
# test-workbook.py: the workbook for headquarters read back by an independent reader
# (python3-openpyxl from Debian, and the zip's XML itself), as written by the real binary.
#
# Usage (from tests/meson.build): test-workbook.py UPRIGHT TEST-WORKBOOK LOCALEDIR FR_PO
# TEST-WORKBOOK --fixture builds the database (demo data and recommendations of the DRC and
# Georgia, with text that looks like formulas, a text over Excel's limit, invalid bytes).
# Prints TAP. Every run works in its own temporary folder.

import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import zipfile

import openpyxl

UPRIGHT = os.path.abspath(sys.argv[1])
FIXTURE = os.path.abspath(sys.argv[2])
LOCALEDIR = os.path.abspath(sys.argv[3])
FR_PO = os.path.abspath(sys.argv[4])

OFFICER = "Test Officer"
SHEETS_EN = ["Summary", "Matrix", "Workshops", "Programme"]
MATRIX_KEYS = ["key", "country", "reference", "session", "cycle", "text", "states", "response",
               "action-category", "themes", "groups", "sdgs", "lead-institution",
               "supporting-institutions", "planned-actions", "indicators", "status",
               "status-date", "latest-progress", "assessment", "notes"]
MATRIX_TITLES_EN = ["Key", "State under review", "Reference", "Session", "Cycle",
                    "Recommendation", "Recommending States", "Response", "Action category",
                    "Themes", "Groups of persons", "Sustainable Development Goals",
                    "Lead institution", "Supporting institutions", "Planned actions",
                    "Indicators", "Status", "Status date", "Latest progress", "Assessment",
                    "Notes"]
STATUSES = ["Not started", "In progress", "Partially implemented", "Implemented",
            "Not applicable"]
LEVELS = ["Not implemented", "Partially implemented", "Fully implemented"]


def expect(condition, what, *details):
    if not condition:
        raise AssertionError(what + "".join("\n" + str(d) for d in details))


# The French catalogue as translators keep it: what the workbook must say in French.

def read_po(path):
    """(context, msgid) → msgstr for translated, non-fuzzy entries of @path."""
    entries = {}
    entry, key, fuzzy = {}, None, False

    def unquote(text):
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), text[1:-1])

    def flush():
        if "msgid" in entry and entry.get("msgstr") and not fuzzy:
            entries[(entry.get("msgctxt"), entry["msgid"])] = entry["msgstr"]

    with open(path, encoding="utf-8") as po:
        for line in po:
            line = line.strip()
            if not line:
                flush()
                entry, key, fuzzy = {}, None, False
            elif line.startswith("#,"):
                fuzzy = "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and key is not None:
                entry[key] += unquote(line)
            else:
                word, _, rest = line.partition(" ")
                key = {"msgstr[0]": "msgstr"}.get(word, word)
                entry[key] = unquote(rest) if rest.startswith('"') else ""
    flush()
    return entries


FRENCH = read_po(FR_PO)


def fr(msgid, context="workbook"):
    """What the French workbook shows for @msgid: its translation, else the English."""
    return FRENCH.get((context, msgid), msgid)


def fr_sheet(msgid):
    """Sheet names lose what Excel refuses ([]:*?/\\) and stop at 31 characters."""
    name = re.sub(r"[\[\]:*?/\\]", " ", fr(msgid))[:31]
    return name.strip(" '") or "Sheet"


# Running

class Env:
    def __init__(self, tmp):
        self.tmp = tmp
        self.db = os.path.join(tmp, "upright.db")
        self.exported = {}
        config = os.path.join(tmp, "config", "glib-2.0", "settings")
        os.makedirs(config)
        # The officer's name comes from the preferences, like in the window.
        with open(os.path.join(config, "keyfile"), "w", encoding="utf-8") as keyfile:
            keyfile.write(f"[org/upr_info/Upright]\nofficer-name='{OFFICER}'\n")
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("UPRIGHT_DATABASE", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                 "DISPLAY", "WAYLAND_DISPLAY")}
        self.env.update({
            "LANG": "C.UTF-8",
            "LANGUAGE": "en",
            "XDG_DATA_HOME": os.path.join(tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "GSETTINGS_BACKEND": "keyfile",
            "UPRIGHT_LOCALEDIR": LOCALEDIR,
            "G_DEBUG": "gc-friendly,fatal-warnings",
        })
        subprocess.run([FIXTURE, "--fixture", self.db], env=self.env, check=True, timeout=60)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def export(self, name, *args, status=0):
        """Exports once for each set of @args; tests that read the same workbook share it."""
        if status == 0 and args in self.exported:
            return self.exported[args]
        output = self.path(name if status != 0 else f"{len(self.exported)}-{name}")
        proc = subprocess.run([UPRIGHT, "--database", self.db, "export", "--output", output,
                               *args], env=self.env, capture_output=True, text=True, timeout=120)
        expect(proc.returncode == status,
               f"export {' '.join(args)}: exit status {proc.returncode}, expected {status}",
               "stdout: " + proc.stdout, "stderr: " + proc.stderr)
        if status == 0:
            self.exported[args] = (output, proc)
        return output, proc

    def query(self, sql, *params):
        with sqlite3.connect(self.db) as db:
            return db.execute(sql, params).fetchall()


LOADED = {}


def load(path):
    """The workbook at @path, read once (tests only read it)."""
    if path not in LOADED:
        LOADED[path] = openpyxl.load_workbook(path)
    return LOADED[path]


def xml_parts(path):
    """Every XML part of the workbook, as text."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.endswith(".xml") or name.endswith(".rels")}


def rows_of(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column_of(sheet, title):
    for cell in sheet[1]:
        if cell.value == title:
            return cell.column
    raise AssertionError(f"no column {title!r} on {sheet.title}")


def matrix_rows(sheet):
    """Reference → row of cells (openpyxl Cell objects)."""
    reference = column_of(sheet, "Reference")
    return {row[reference - 1].value: row for row in sheet.iter_rows(min_row=2)}


def hidden_values(book):
    sheet = book["Upright"]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}


def drop_down_values(book, validation):
    """The values a list validation offers: written in it, or on the hidden sheet."""
    formula = validation.formula1
    if formula.startswith('"'):
        return formula[1:-1].split(",")
    match = re.fullmatch(r"Upright!\$([A-Z])\$(\d+):\$\1\$(\d+)", formula)
    expect(match is not None, "list formula", formula)
    letter, first, last = match.group(1), int(match.group(2)), int(match.group(3))
    return [book["Upright"][f"{letter}{row}"].value for row in range(first, last + 1)]


def people(env):
    """Names, e-mail addresses and phone numbers of everyone in the database."""
    found = []
    for name, email, phone in env.query("SELECT name, email, phone FROM person"):
        found += [value for value in (name, email, phone) if value]
    return found


def consenting_attendees(env, country):
    return {name for (name,) in env.query(
        "SELECT DISTINCT p.name FROM person p JOIN attendance a ON a.person_id = p.id"
        " JOIN workshop w ON w.id = a.workshop_id WHERE w.country_code = ?"
        " AND a.registration = 'attended' AND p.consent_scope IN ('reports', 'public')",
        country)}


# Recommendations of the DRC and Georgia (the demo data has others) counted by a column.
IN_SCOPE = ("SELECT {0}, count(*) FROM recommendation r JOIN review v ON v.id = r.review_id"
            " WHERE v.country_code IN ('CD', 'GE') GROUP BY {0}")


def summary_table(sheet, heading):
    """The label → count lines of the table under @heading on the Summary sheet."""
    rows = rows_of(sheet)
    start = next(i for i, row in enumerate(rows) if row[0] == heading)
    table = {}
    for row in rows[start + 2:]:
        if row[0] is None:
            break
        table[row[0]] = row[1]
    return table


# The tests

def test_sheets_and_properties(env):
    path, proc = env.export("en.xlsx", "--country", "CD,GE")
    expect("Wrote" in proc.stdout and "14 recommendations" in proc.stdout, "report", proc.stdout)
    book = load(path)
    expect(book.sheetnames == SHEETS_EN + ["Upright"], "sheets", book.sheetnames)
    expect(book["Upright"].sheet_state == "hidden", "the description sheet is not hidden")
    expect(book.properties.creator == OFFICER, "author", book.properties.creator)
    expect(book.properties.title.startswith("UPR implementation – "), "title",
           book.properties.title)
    expect(book.properties.created is not None, "no creation date")
    custom = xml_parts(path)["docProps/custom.xml"]
    expect("Upright format" in custom and "upright-workbook 1" in custom, "custom property",
           custom)
    for name in SHEETS_EN:
        sheet = book[name]
        expect(sheet.page_setup.orientation == "landscape", f"{name}: not landscape")
        expect(sheet.sheet_properties.pageSetUpPr.fitToPage, f"{name}: not fit to page")
        expect(sheet.page_setup.fitToWidth in (1, None) and sheet.page_setup.fitToHeight == 0,
               f"{name}: not fit to width", sheet.page_setup.fitToWidth,
               sheet.page_setup.fitToHeight)
        expect("Congo" in sheet.oddHeader.left.text, f"{name}: header",
               sheet.oddHeader.left.text)
        expect("&P" in sheet.oddFooter.right.text, f"{name}: footer", sheet.oddFooter.right.text)
    for name in ("Matrix", "Workshops", "Programme"):
        expect(book[name].print_title_rows in ("1:1", "$1:$1"), f"{name}: header not repeated",
               book[name].print_title_rows)
    expect(book["Matrix"].page_setup.paperSize in (8, "8"), "matrix not on A3",
           book["Matrix"].page_setup.paperSize)


def test_matrix_layout(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    sheet = load(path)["Matrix"]
    header = [cell.value for cell in sheet[1]]
    expect(header == MATRIX_TITLES_EN, "header", header)
    expect(all(cell.font.b for cell in sheet[1]), "header not bold")
    expect(sheet["B1"].fill.fgColor.rgb.endswith("1F4E79"), "header fill",
           sheet["B1"].fill.fgColor.rgb)
    expect(sheet.column_dimensions["A"].hidden, "the key column is not hidden")
    expect(sheet.freeze_panes == "D2", "frozen panes", sheet.freeze_panes)
    expect(sheet.auto_filter.ref == "A1:U15", "autofilter", sheet.auto_filter.ref)
    expect(sheet.column_dimensions["F"].width > 50, "text column width",
           sheet.column_dimensions["F"].width)
    expect(sheet.cell(2, 6).alignment.wrap_text, "text not wrapped")

    ids = {row[0] for row in env.query(
        "SELECT r.id FROM recommendation r JOIN review v ON v.id = r.review_id"
        " WHERE v.country_code IN ('CD', 'GE')")}
    # The key: the id, then the round trip's baseline (upr-matrix-return.h).
    keys = [sheet.cell(row, 1).value.split("|") for row in range(2, sheet.max_row + 1)]
    expect(all(len(key) == 6 for key in keys), "key fields", keys)
    expect({key[0] for key in keys} == ids and len(keys) == len(ids), "key column", keys, ids)
    references = [sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)]
    expect(references[:12] == [f"140.{i}" for i in range(1, 13)], "order", references)

    rows = matrix_rows(sheet)
    row = rows["140.12"]
    status_date = row[column_of(sheet, "Status date") - 1]
    expect(isinstance(status_date.value, datetime.datetime)
           and status_date.value.date() == datetime.date(2023, 12, 1), "status date",
           status_date.value)
    expect(status_date.number_format == "yyyy-mm-dd", "date format", status_date.number_format)
    session = row[column_of(sheet, "Session") - 1]
    expect(session.value == 47 and session.data_type == "n", "session", session.value)
    expect(row[column_of(sheet, "Status") - 1].value == "Implemented", "status")
    progress = rows["140.1"][column_of(sheet, "Latest progress") - 1].value
    expect(progress.startswith("2024-11-20 · Ministère de la Justice\n@Newest"), "progress",
           progress)
    expect(rows["140.1"][column_of(sheet, "Recommending States") - 1].value == "Belgium, France",
           "recommending States")
    expect(sheet.row_dimensions[2].height and sheet.row_dimensions[2].height > 15,
           "a row with wrapped text keeps the default height", sheet.row_dimensions[2].height)


def test_drop_downs_and_colours(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    book = load(path)
    sheet = book["Matrix"]
    status = openpyxl.utils.get_column_letter(column_of(sheet, "Status"))
    assessment = openpyxl.utils.get_column_letter(column_of(sheet, "Assessment"))
    validations = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    expect(set(validations) == {f"{status}2:{status}15", f"{assessment}2:{assessment}15"},
           "validated ranges", list(validations))
    for column, expected in ((status, STATUSES), (assessment, LEVELS)):
        dv = validations[f"{column}2:{column}15"]
        expect(dv.type == "list" and dv.showDropDown in (None, False), "not a drop-down", dv)
        expect(dv.errorStyle in (None, "stop") and dv.showErrorMessage, "not enforced", dv)
        expect(drop_down_values(book, dv) == expected, "drop-down values", dv.formula1)
    rules = {str(cf.sqref): cf.rules for cf in sheet.conditional_formatting}
    expect(len(rules[f"{status}2:{status}15"]) == 5, "status colours", rules)
    expect(len(rules[f"{assessment}2:{assessment}15"]) == 3, "assessment colours", rules)
    implemented = [rule for rule in rules[f"{status}2:{status}15"]
                   if rule.formula == ['"Implemented"']]
    expect(len(implemented) == 1 and implemented[0].dxf.fill is not None, "implemented colour",
           rules[f"{status}2:{status}15"])


def test_no_formulas(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    book = load(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                expect(cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}",
                       cell.value)
    for name, xml in xml_parts(path).items():
        if name.startswith("xl/worksheets/"):
            expect(re.search(r"<f[ >]", xml) is None, f"formula element in {name}")
    sheet = book["Matrix"]
    rows = matrix_rows(sheet)
    text, notes = column_of(sheet, "Recommendation"), column_of(sheet, "Notes")
    for reference, start, note in (("140.2", "=1+1 is how", "=1+1"),
                                   ("140.10", "+cmd /c calc", "+cmd"),
                                   ("140.3", "@SUM(A1)", "@SUM(A1)")):
        expect(rows[reference][text - 1].value.startswith(start)
               and rows[reference][text - 1].data_type == "s", f"text of {reference}",
               rows[reference][text - 1].value)
        expect(rows[reference][notes - 1].value == note, f"notes of {reference}",
               rows[reference][notes - 1].value)
    actions = rows["140.1"][column_of(sheet, "Planned actions") - 1].value
    expect('=HYPERLINK("http://x")' in actions, "resources as text", actions)
    # Excel would read "_x0041_" as "A": it is written escaped, so it shows as typed.
    expect("_x005F_x0041_" in xml_parts(path)["xl/worksheets/sheet2.xml"], "escape look-alike")


def test_safe_text(env):
    path, proc = env.export("en.xlsx", "--country", "GE")
    expect("32,767" in proc.stderr and "cut" in proc.stderr, "no warning for the long text",
           proc.stderr)
    sheet = load(path)["Matrix"]
    rows = matrix_rows(sheet)
    long_text = rows["117.1"][column_of(sheet, "Recommendation") - 1].value
    utf16 = len(long_text.encode("utf-16-le")) // 2
    expect(utf16 <= 32767 and utf16 > 32000, "length of the cut text", utf16)
    expect(long_text.endswith(" […]"), "no marker", long_text[-20:])
    notes = rows["117.2"][column_of(sheet, "Notes") - 1].value
    expect(notes == "Bad \ufffd\ufffd bytes and a bell here\nnext line", "repaired text",
           repr(notes))


def test_summary(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    book = load(path)
    sheet = book["Summary"]
    expect(sheet["A1"].value == "UPR implementation – Democratic Republic of the Congo, Georgia",
           "title", sheet["A1"].value)
    expect(sheet["A1"].font.b and sheet["A1"].font.sz == 16, "title font")
    responses = summary_table(sheet, "Recommendations by response")
    counts = dict(env.query(IN_SCOPE.format("r.response")))
    expect(responses == {"Supported": counts.get("supported", 0),
                         "Supported in part": counts.get("supported-in-part", 0),
                         "Noted": counts.get("noted", 0), "Pending": counts.get("pending", 0),
                         "Total": 14}, "by response", responses)
    statuses = summary_table(sheet, "Recommendations by status")
    counts = dict(env.query(IN_SCOPE.format("r.status")))
    expect(statuses["Implemented"] == counts["implemented"] and statuses["Total"] == 14,
           "by status", statuses)
    goals = summary_table(sheet, "Recommendations by SDG")
    expect(len([label for label in goals if re.match(r"\d+ – ", label)]) == 17, "17 goals",
           goals)
    expect(goals["16 – Peace, justice and strong institutions"] == 6, "goal 16", goals)
    share = next(row for row in sheet.iter_rows(min_row=1) if row[0].value == "Supported")[2]
    expect(share.number_format == "0%", "share format", share.number_format)
    with zipfile.ZipFile(path) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
    expect(len(charts) == 5, "charts", charts)


def test_people_counts(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    sheet = load(path)["Summary"]
    rows = rows_of(sheet)
    start = next(i for i, row in enumerate(rows)
                 if row[0] == "People who took part, by stakeholder type and gender")
    header = rows[start + 2]
    expect(header[:3] == ["Stakeholder type", "Woman", "Man"], "people header", header)
    table = rows[start + 3:start + 3 + 14]
    expect(table[-1][0] == "Total", "total row", table[-1])
    attended = env.query("SELECT count(DISTINCT a.person_id) FROM attendance a"
                         " JOIN workshop w ON w.id = a.workshop_id"
                         " WHERE a.registration = 'attended' AND w.country_code IN ('CD', 'GE')")
    expect(table[-1][7] == attended[0][0], "grand total", table[-1], attended)
    values = [value for row in table[:-1] for value in row[1:8]]
    expect("<5" in values, "no small cell suppressed", values)
    expect(all(value in ("<5", "x") or value == 0 or (isinstance(value, int) and value >= 5)
               for value in values), "a count from 1 to 4 shown", values)
    # No hidden count alone in a row or a column that adds up to a total: it would come back
    # by subtraction. The grand total is exact.
    grid = [row[1:8] for row in table]
    for line in grid + [list(column) for column in zip(*grid)]:
        cells = [value for value in line if value is not None]
        hidden = [value for value in cells[:-1] if value in ("<5", "x")]
        if cells[-1] in ("<5", "x") or hidden:
            expect(len(hidden) + (cells[-1] in ("<5", "x")) >= 2, "a hidden count alone", line)
    workshops = load(path)["Workshops"]
    counts = [row[11:15] for row in rows_of(workshops)[1:]]
    expect(all(value in ("<5", "x") or value == 0 or value >= 5
               for row in counts for value in row),
           "small counts on the Workshops sheet", counts)
    for row in counts:
        hidden = [value for value in row if value in ("<5", "x")]
        expect(len(hidden) != 1, "a hidden count alone on the Workshops sheet", row)


def test_aggregate_has_no_personal_data(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    parts = xml_parts(path)
    secrets = people(env)
    expect(len(secrets) > 60, "too few people to look for", len(secrets))
    for name, xml in parts.items():
        for secret in secrets:
            expect(secret not in xml and secret.replace("'", "&apos;") not in xml,
                   f"{secret!r} found in {name}")
    expect("Participants" not in load(path).sheetnames, "participants sheet")


def test_names_mode(env):
    path, proc = env.export("names.xlsx", "--country", "CD", "--names")
    book = load(path)
    expect(book.sheetnames == SHEETS_EN + ["Participants", "Upright"], "sheets",
           book.sheetnames)
    sheet = book["Participants"]
    names = {row[3] for row in rows_of(sheet)[1:]}
    expected = consenting_attendees(env, "CD")
    expect(names == expected, "named participants", sorted(names ^ expected))
    expect(f"{len(expected)} participants named" in proc.stdout, "report", proc.stdout)
    parts = xml_parts(path)
    everyone = {name for (name,) in env.query("SELECT name FROM person")}
    contacts = [value for row in env.query("SELECT email, phone FROM person")
                for value in row if value]
    for part, xml in parts.items():
        for secret in contacts + sorted(everyone - expected):
            expect(secret not in xml, f"{secret!r} found in {part}")
    speakers = [row[6] for row in rows_of(book["Programme"])[1:] if row[4] == "Témoignage"]
    expect(speakers.count("Mme Béatrice Mbuyi Kalala") == 1 and speakers.count(None) == 1,
           "speakers", speakers)


def test_french(env):
    path, proc = env.export("fr.xlsx", "--country", "CD", "--lang", "fr", "--names")
    expect(proc.stdout.startswith("Wrote"), "the command line is still in English", proc.stdout)
    book = load(path)
    names = [fr_sheet(name) for name in SHEETS_EN + ["Participants"]] + ["Upright"]
    expect(book.sheetnames == names, "sheet names", book.sheetnames, names)
    summary, matrix = book.worksheets[0], book.worksheets[1]
    title = fr("UPR implementation") + " – République démocratique du Congo"
    expect(summary["A1"].value == title, "title", summary["A1"].value)
    titles = [title for key, title in zip(MATRIX_KEYS, MATRIX_TITLES_EN) if key != "country"]
    header = [cell.value for cell in matrix[1]]
    expect(header == [fr(title) for title in titles], "matrix header", header)
    status = header.index(fr("Status")) + 1
    response = header.index(fr("Response")) + 1
    goals = header.index(fr("Sustainable Development Goals")) + 1
    reference = header.index(fr("Reference")) + 1
    rows = {row[reference - 1].value: row for row in matrix.iter_rows(min_row=2)}
    expect(rows["140.5"][status - 1].value == fr("Not started", None) == "Non commencée",
           "status label", rows["140.5"][status - 1].value)
    expect(rows["140.1"][response - 1].value == fr("Noted", None), "response label")
    title_fr = env.query("SELECT title_fr FROM sdg_goal WHERE number = 4")[0][0]
    expect(rows["140.5"][goals - 1].value == "4 – " + title_fr, "SDG in French",
           rows["140.5"][goals - 1].value)
    states = header.index(fr("Recommending States")) + 1
    expect(rows["140.1"][states - 1].value == "Belgique, France", "States in French",
           rows["140.1"][states - 1].value)
    hidden = hidden_values(book)
    expect(hidden["language"] == "fr" and hidden["people"] == "names", "description", hidden)
    labels = [book["Upright"][f"E{row}"].value for row in range(2, 7)]
    expect(labels == [fr(status_label, None) for status_label in STATUSES], "listed labels",
           labels)
    status_column = openpyxl.utils.get_column_letter(status)
    offered = [drop_down_values(book, dv) for dv in matrix.data_validations.dataValidation
               if str(dv.sqref).startswith(status_column)]
    expect(offered == [labels], "drop-down labels", offered)
    expect("Upright language" in xml_parts(path)["docProps/custom.xml"], "custom language")


def test_description_sheet(env):
    path, _ = env.export("en.xlsx", "--country", "CD,GE")
    book = load(path)
    hidden = hidden_values(book)
    expect(hidden["format"] == "upright-workbook" and hidden["version"] == "1", "format", hidden)
    expect(hidden["matrix-sheet"] == "Matrix" and hidden["matrix-header-row"] == "1", "matrix",
           hidden)
    expect(hidden["matrix-columns"].split(",") == MATRIX_KEYS, "columns",
           hidden["matrix-columns"])
    expect(hidden["language"] == "en" and hidden["people"] == "aggregate", "mode", hidden)
    ids = [book["Upright"][f"D{row}"].value for row in range(2, 7)]
    expect(ids == ["not-started", "in-progress", "partially-implemented", "implemented",
                   "not-applicable"], "status ids", ids)


def test_scopes(env):
    workshop = env.query("SELECT id, title FROM workshop WHERE country_code = 'CD'")[0]
    path, _ = env.export("one.xlsx", "--workshop", workshop[0])
    book = load(path)
    expect(workshop[1] in book["Summary"]["A1"].value, "workshop in the title",
           book["Summary"]["A1"].value)
    expect(book["Workshops"].max_row == 2, "one workshop", book["Workshops"].max_row)
    expect(book["Matrix"].max_row == 13, "the country's matrix", book["Matrix"].max_row)
    expect(book["Matrix"]["B1"].value == "Reference", "no country column for one country")

    path, _ = env.export("matrix.xlsx", "--country", "GE", "--sheets", "matrix")
    expect(load(path).sheetnames == ["Matrix", "Upright"], "matrix only")
    path, proc = env.export("all.xlsx", "--all-countries", "--cycle", "4", "--sheets",
                            "summary,matrix")
    expect("14 recommendations" in proc.stdout, "all countries", proc.stdout)
    path, proc = env.export("cycle3.xlsx", "--country", "CD", "--cycle", "3")
    expect("0 recommendations" in proc.stdout, "cycle 3", proc.stdout)


def test_usage_and_failures(env):
    old = env.path("old.xlsx")
    with open(old, "w", encoding="utf-8") as f:
        f.write("OLD")
    for args in (["--country", "XX"], ["--workshop", "nope"], ["--country", "CD", "--lang", "de"],
                 ["--country", "CD", "--sheets", "charts"], [],
                 ["--country", "CD", "--all-countries"]):
        _, proc = env.export("old.xlsx", *args, status=2)
        expect(proc.stderr.startswith("upright: "), f"no message for {args}", proc.stderr)
        with open(old, encoding="utf-8") as f:
            expect(f.read() == "OLD", f"{args} touched the previous file")
    proc = subprocess.run([UPRIGHT, "--database", env.path("missing.db"), "export", "--country",
                           "CD", "--output", old], env=env.env, capture_output=True, text=True)
    expect(proc.returncode == 2 and not os.path.exists(env.path("missing.db")),
           "a missing database", proc.stderr)
    _, proc = env.export(os.path.join("no", "such", "folder.xlsx"), "--country", "CD", status=1)
    expect("cannot be written" in proc.stderr, "unwritable folder", proc.stderr)
    leftovers = [name for name in os.listdir(env.tmp) if name.startswith(".upright-export-")]
    expect(not leftovers, "temporary files left", leftovers)


TESTS = [
    test_sheets_and_properties,
    test_matrix_layout,
    test_drop_downs_and_colours,
    test_no_formulas,
    test_safe_text,
    test_summary,
    test_people_counts,
    test_aggregate_has_no_personal_data,
    test_names_mode,
    test_french,
    test_description_sheet,
    test_scopes,
    test_usage_and_failures,
]


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="upright-workbook-") as tmp:
        env = Env(tmp)
        for number, test in enumerate(TESTS, 1):
            name = test.__name__[len("test_"):]
            try:
                test(env)
                print(f"ok {number} - /upright/io/workbook-read-back/{name}")
            except Exception as e:  # report every failure, then go on with the next test
                failed += 1
                print(f"not ok {number} - /upright/io/workbook-read-back/{name}")
                text = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
                for line in text.splitlines():
                    print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
