#!/usr/bin/python3
# test-cli-import.py: `upright import` as a user runs it, without a display: the real files,
# importing twice, dry runs, refusals with their exit status, Ctrl+C and a killed process
# leaving the database as it was; participant lists into a workshop with --workshop.
#
# Usage (from tests/meson.build): test-cli-import.py UPRIGHT DATADIR LOCALEDIR
# Prints TAP. Every test gets its own temporary folder; the user's database is never touched.

import csv
import gettext
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

UPRIGHT = os.path.abspath(sys.argv[1])
DATA = os.path.abspath(sys.argv[2])
LOCALEDIR = os.path.abspath(sys.argv[3])

XLS = os.path.join(DATA, "1-5.xls")
CSV = os.path.join(DATA, "1-5.csv")
DOCX = os.path.join(DATA, "table", "upr48-slovenia-thematic-list.docx")
TITLED = os.path.join(DATA, "table", "title-in-header.docx")
UNTITLED = os.path.join(DATA, "table", "tiny.docx")
FRENCH = os.path.join(DATA, "import", "francais.csv")
TEAMS = os.path.join(DATA, "participants", "teams-report-en.csv")
TEAMS_FR = os.path.join(DATA, "participants", "teams-report-fr.csv")
NO_NAME = os.path.join(DATA, "participants", "no-name.csv")
REGISTRATION = os.path.join(DATA, "participants", "registration-en.csv")
# A workshop of the demo data (upr-demo.c), by its stable id.
WORKSHOP_ID = "7cfe2745-ffa7-5a0e-a04e-181b71af186b"
WORKSHOP_TITLE = "Pre-review consultation with civil society (4th cycle)"


class Env:
    """English, no display, memory settings, a private data folder and database."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.db = os.path.join(tmp, "upright.db")
        self.base = {k: v for k, v in os.environ.items()
                     if k not in ("UPRIGHT_DATABASE", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                  "DISPLAY", "WAYLAND_DISPLAY")}
        self.base.update({
            "LANG": "C.UTF-8",
            "XDG_DATA_HOME": os.path.join(tmp, "xdg-data"),
            "GSETTINGS_BACKEND": "memory",
            "UPRIGHT_LOCALEDIR": LOCALEDIR,
            "G_DEBUG": "gc-friendly,fatal-warnings",
        })

    def run(self, *args, **extra_env):
        env = dict(self.base)
        env.update(extra_env)
        proc = subprocess.run([UPRIGHT, "--database", self.db, *args], env=env,
                              capture_output=True, text=True, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr

    def start(self, *args):
        return subprocess.Popen([UPRIGHT, "--database", self.db, *args], env=self.base,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def query(self, sql):
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            return db.execute(sql).fetchone()[0]

    def dump(self):
        """Every row of every table, in order: equal dumps, equal databases."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            out = []
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                      " ORDER BY name"):
                out.append(f"## {name}")
                out.extend(sorted(repr(row) for row in db.execute(f'SELECT * FROM "{name}"')))
            return "\n".join(out)


def expect(condition, what, *details):
    if not condition:
        raise AssertionError(what + "".join("\n" + str(d) for d in details))


def expect_status(result, status, what):
    code, out, err = result
    expect(code == status, f"{what}: exit status {code}, expected {status}",
           "stdout: " + out[-3000:], "stderr: " + err[-3000:])


def big_csv(env, copies):
    """UPR Info's export of sessions 1-5 repeated @copies times as later sessions: a file
    that takes a while to import."""
    with open(CSV, newline="", encoding="mac_roman") as f:
        rows = list(csv.reader(io.StringIO(f.read().replace("\r", "\n"))))
    path = os.path.join(env.tmp, "big.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(rows[0])
        for copy in range(copies):
            for row in rows[1:]:
                out.writerow(row[:10] + [str(int(row[10]) + 5 * copy)])
    return path


def wait_for_run(proc):
    """Reads the import's output up to its last column, printed as the run begins."""
    for line in proc.stdout:
        if "→ Session" in line:
            return
    raise AssertionError("the import did not start")


# The tests

def test_xls_then_csv(env):
    code, out, err = result = env.run("import", XLS)
    expect_status(result, 0, "import 1-5.xls")
    expect("UPR Info database export" in out, "layout not shown", out[:2000])
    for line in ("6094 recommendations read", "6094 new", "0 skipped", "9 warnings"):
        expect(line in out, f"“{line}” missing from the summary", out[-2000:])
    expect("Row 2497, column “RS”" in out and "(“(Unknown)”)" in out,
           "the unnamed State is not reported with its row and column", out[-3000:])
    expect(env.query("SELECT count(*) FROM recommendation") == 6094, "not 6,094 in the database")
    changes = env.query("SELECT count(*) FROM change_log")

    # The CSV of the same export, in its Mac encoding: the same records, nothing changes.
    code, out, err = result = env.run("import", "--encoding", "MACINTOSH", CSV)
    expect_status(result, 0, "import 1-5.csv")
    expect("6094 unchanged" in out and "0 new" in out, "the CSV did not match the XLS", out[-800:])
    expect(env.query("SELECT count(*) FROM change_log") == changes, "the second import logged")
    expect(env.query("SELECT count(*) FROM recommendation") == 6094, "copies were made")


def test_docx_twice(env):
    code, out, err = result = env.run("import", DOCX)
    expect_status(result, 0, "import the thematic list")
    expect("State under review: SI" in out and "Session: 48" in out,
           "country and session from the file name not shown", out[:2000])
    expect("254 new" in out, "not 254 new", out[-800:])
    changes = env.query("SELECT count(*) FROM change_log")
    code, out, err = result = env.run("import", DOCX)
    expect_status(result, 0, "import the thematic list again")
    expect("254 unchanged" in out, "the second import changed something", out[-800:])
    expect(env.query("SELECT count(*) FROM change_log") == changes, "the second import logged")


def test_dry_run(env):
    code, out, err = result = env.run("import", FRENCH)
    expect_status(result, 0, "import the French matrix")
    before = env.dump()
    code, out, err = result = env.run("import", "--dry-run", DOCX)
    expect_status(result, 0, "dry run")
    expect("Dry run: nothing was changed" in out and "254 new" in out,
           "the dry run does not report what it would do", out[-800:])
    expect(env.dump() == before, "the dry run changed the database")


def test_title_in_page_header(env):
    """OHCHR's lists name their State and session in the page header only: a copy named
    list.docx is still Slovenia's 48th session, and make-title-docx.py's list, in French,
    Côte d'Ivoire's 47th."""
    nameless = os.path.join(env.tmp, "list.docx")
    shutil.copy(DOCX, nameless)
    code, out, err = result = env.run("import", nameless)
    expect_status(result, 0, "a list named by its page header only")
    expect("State under review: SI" in out and "Session: 48" in out,
           "country and session from the page header not shown", out[:2000])
    expect("254 new" in out, "not 254 new", out[-800:])
    shutil.copy(TITLED, nameless)
    code, out, err = result = env.run("import", nameless)
    expect_status(result, 0, "a French list named by its page header only")
    expect("State under review: CI" in out and "Session: 47" in out and "2 new" in out,
           "country and session from the French page header not found", out)
    expect(env.query("SELECT count(*) FROM review WHERE country_code = 'CI' AND session = 47")
           == 1, "not imported as Côte d'Ivoire's 47th session")


def test_needs_country(env):
    # A list whose title names neither State nor session.
    nameless = os.path.join(env.tmp, "list.docx")
    shutil.copy(UNTITLED, nameless)
    code, out, err = result = env.run("import", nameless)
    expect_status(result, 2, "a list that does not name its country")
    expect(err.startswith("upright: ") and "--country" in err, "no hint to give the country", err)
    code, out, err = result = env.run("import", "--country", "SI", nameless)
    expect_status(result, 2, "a list that does not name its session")
    expect("--session" in err, "no hint to give the session", err)
    code, out, err = result = env.run("import", "--country", "Narnia", "--session", "48",
                                      nameless)
    expect_status(result, 2, "an unknown country")
    expect("“Narnia”" in err, "the unknown country is not named", err)
    code, out, err = result = env.run("import", "--country", "svn", "--session", "48", nameless)
    expect_status(result, 0, "with --country and --session")
    expect("2 new" in out, "not 2 new", out[-800:])
    expect(env.query("SELECT count(*) FROM review WHERE country_code = 'SI' AND session = 48")
           == 1, "not imported as Slovenia's 48th session")


def test_country_filter(env):
    code, out, err = result = env.run("import", "--country", "SN", XLS)
    expect_status(result, 0, "import Senegal's recommendations only")
    expect("5996 of other States, left out" in out, "the others are not counted", out[-800:])
    expect(env.query("SELECT count(*) FROM recommendation") == 98, "not Senegal's 98")


def test_refusals(env):
    unknown = os.path.join(env.tmp, "contacts.csv")
    with open(unknown, "w") as f:
        f.write("Name,Email,Phone\nA,a@example.org,123\n")
    code, out, err = result = env.run("import", unknown)
    expect_status(result, 1, "a file without recommendations")
    expect("“Name”" in err and "“Email”" in err and "“Phone”" in err,
           "the refusal does not name the columns", err)

    for name, data in (("empty.csv", b""), ("binary.csv", bytes(range(256)) * 4),
                       ("zip.csv", b"PK\x03\x04" + b"\0" * 60)):
        path = os.path.join(env.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        code, out, err = result = env.run("import", path)
        expect_status(result, 1, f"import {name}")
        expect(err.startswith("upright: ") and len(err.splitlines()) >= 1,
               f"no message for {name}", err)
    expect(not os.path.exists(env.db)
           or env.query("SELECT count(*) FROM recommendation") == 0, "something was imported")

    missing = os.path.join(env.tmp, "missing.xls")
    code, out, err = result = env.run("import", missing)
    expect_status(result, 1, "a missing file")


def test_usage(env):
    for args, what in ((["import"], "no file"), (["import", XLS, DOCX], "two files"),
                       (["import", "--bogus", XLS], "an unknown option"),
                       (["import", "--session", "1000", XLS], "a session out of range")):
        code, out, err = result = env.run(*args)
        expect_status(result, 2, what)
        expect(err.startswith("upright: ") and "Usage:" in err, f"no usage for {what}", err)
    code, out, err = result = env.run("help", "import")
    expect_status(result, 0, "help import")
    expect("--dry-run" in out and "--country" in out, "help import says nothing of options", out)


def test_interrupted(env):
    path = big_csv(env, 5)
    code, out, err = result = env.run("import", FRENCH)
    expect_status(result, 0, "import the French matrix")
    before = env.dump()

    # Ctrl+C: cancelled between two steps, the database as it was.
    proc = env.start("import", path)
    wait_for_run(proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        raise AssertionError("the import finished before Ctrl+C: make the file bigger")
    expect(proc.returncode == 1 and "cancelled" in err, "Ctrl+C was not a cancellation",
           proc.returncode, err)
    expect(env.dump() == before, "a cancelled import changed the database")

    # Killed outright: the transaction never commits.
    proc = env.start("import", path)
    wait_for_run(proc)
    time.sleep(0.2)
    proc.kill()
    proc.communicate(timeout=60)
    expect(proc.returncode == -signal.SIGKILL, "the import was not killed", proc.returncode)
    expect(env.dump() == before, "a killed import changed the database")


def test_french(env):
    translation = gettext.translation("upright", LOCALEDIR, languages=["fr"], fallback=True)
    if translation.gettext("Summary:") == "Summary:":
        raise SkipTest("po/fr.po does not translate the import's messages yet")
    code, out, err = result = env.run("import", FRENCH, LANGUAGE="fr")
    expect_status(result, 0, "import in French")
    expect(translation.gettext("Summary:") in out, "the report is not in French", out)


def test_matrix_return(env):
    """A matrix exported, filled in by a partner (edit-matrix.py, openpyxl), imported back."""
    matrix = os.path.join(env.tmp, "matrix.xlsx")
    filled = os.path.join(env.tmp, "filled.xlsx")
    no_key = os.path.join(env.tmp, "no-key.xlsx")
    expect_status(env.run("demo"), 0, "demo")
    expect_status(env.run("export", "--country", "CG", "--output", matrix), 0, "export")
    code, out, err = result = env.run("import", matrix)
    expect_status(result, 0, "untouched matrix")
    expect("Nothing to apply" in out, "an untouched matrix has changes", out)
    edit = os.path.join(DATA, "return", "edit-matrix.py")
    subprocess.run(["/usr/bin/python3", edit, matrix, filled, "2:status=Implemented",
                    "3:latest-progress=Law passed."], check=True)
    subprocess.run(["/usr/bin/python3", edit, matrix, no_key, "delete-key"], check=True)
    before = env.dump()
    code, out, err = result = env.run("import", filled)
    expect_status(result, 2, "a filled matrix without --from")
    expect("Status: In progress → Implemented" in out, "the status is not in the diff", out)
    expect("Latest progress: " in out and "→ Law passed." in out, "no progress in the diff", out)
    expect("--from" in err, "does not say --from is needed", err)
    expect_status(env.run("import", filled, "--dry-run", "--from", "CFD"), 0, "dry run")
    expect_status(env.run("import", no_key, "--from", "CFD"), 1, "a matrix without its key")
    expect(env.dump() == before, "the database changed before the matrix was applied")
    expect_status(env.run("import", filled, "--from", "CFD"), 0, "apply")
    expect(env.query("SELECT count(*) FROM progress_update WHERE text = 'Law passed.'") == 1,
           "the progress was not recorded")
    code, out, err = result = env.run("import", filled, "--from", "CFD")
    expect_status(result, 0, "applied twice")
    expect("Nothing to apply" in out, "a matrix applied twice has changes", out)


def attendances(env):
    return env.query(f"SELECT count(*) FROM attendance WHERE workshop_id = '{WORKSHOP_ID}'")


def test_participants(env):
    """Teams's report in sections into a demo workshop: dry run, import, import again."""
    expect_status(env.run("demo"), 0, "demo")
    expect(env.query(f"SELECT title FROM workshop WHERE id = '{WORKSHOP_ID}'") == WORKSHOP_TITLE,
           "the demo workshop is not there: update WORKSHOP_ID")
    before = env.dump()
    n_before = attendances(env)

    code, out, err = result = env.run("import", TEAMS, "--workshop", WORKSHOP_ID, "--dry-run")
    expect_status(result, 0, "dry run of the Teams report")
    for line in ("Format: delimited text, UTF-16LE", "Layout: online meeting attendance report",
                 f"Workshop: {WORKSHOP_TITLE}", "“Name” → Full name",
                 "“In-Meeting Duration” → Time online", "Dry run: nothing was changed",
                 "6 rows read", "5 new", "1 skipped",
                 "skipped: Row 16, column “Name”: Not a name"):
        expect(line in out, f"“{line}” missing from the dry run", out)
    expect(env.dump() == before, "the dry run changed the database")

    code, out, err = result = env.run("import", TEAMS, "--workshop", WORKSHOP_ID)
    expect_status(result, 0, "import the Teams report")
    expect("Summary:" in out and "5 new" in out, "not 5 new", out)
    expect(attendances(env) == n_before + 5, "not 5 more participants in the workshop")
    expect(env.query("SELECT count(*) FROM person WHERE name = 'Samuel Okoro'"
                     " AND email = 'samuel.okoro@example.net'") == 1,
           "Teams's “(Guest)” was kept in the name")
    expect(env.query("SELECT count(*) FROM person WHERE name LIKE '+41%'") == 0,
           "the phone number was imported as a person")
    changes = env.query("SELECT count(*) FROM change_log")

    # By its title, in other case: the same people, nothing changes.
    code, out, err = result = env.run("import", TEAMS, "--workshop", WORKSHOP_TITLE.upper())
    expect_status(result, 0, "import again, the workshop given by its title")
    expect("5 unchanged" in out and "0 new" in out, "the second import changed something", out)
    expect(env.query("SELECT count(*) FROM change_log") == changes, "the second import logged")

    # The French report: Claire Moreau is known by her e-mail address.
    code, out, err = result = env.run("import", TEAMS_FR, "--workshop", WORKSHOP_ID)
    expect_status(result, 0, "import the French Teams report")
    expect("1 unchanged" in out and "2 new" in out, "Claire Moreau was not matched", out)


def test_participants_refused(env):
    expect_status(env.run("demo"), 0, "demo")
    before = env.dump()

    code, out, err = result = env.run("import", TEAMS, "--workshop", "Narnia workshop")
    expect_status(result, 2, "an unknown workshop")
    expect("“Narnia workshop”" in err, "the unknown workshop is not named", err)

    # Two workshops of one title: the title is not enough, the ids are listed.
    with sqlite3.connect(env.db) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info (workshop)")]
        values = ", ".join("'copy-of-the-workshop'" if c == "id" else c for c in columns)
        db.execute(f"INSERT INTO workshop SELECT {values} FROM workshop WHERE id = ?",
                   (WORKSHOP_ID,))
    before = env.dump()
    code, out, err = result = env.run("import", TEAMS, "--workshop", WORKSHOP_TITLE)
    expect_status(result, 2, "a title two workshops share")
    expect("Several workshops" in err and WORKSHOP_ID in err and "copy-of-the-workshop" in err,
           "the workshops of that title are not listed", err)

    code, out, err = result = env.run("import", NO_NAME, "--workshop", WORKSHOP_ID)
    expect_status(result, 1, "a list without names")
    expect("No column holds the participants’ names" in err and "“Identifiant”" in err,
           "the refusal does not name the columns", err)

    code, out, err = result = env.run("import", TEAMS, "--workshop", WORKSHOP_ID,
                                      "--country", "SI")
    expect_status(result, 2, "--workshop with --country")
    expect("Usage:" in err, "no usage for --workshop with --country", err)

    # Without --workshop, a participant list is no list of recommendations: say what to do.
    code, out, err = result = env.run("import", REGISTRATION)
    expect_status(result, 1, "a participant list without --workshop")
    expect("--workshop" in err, "no hint to give the workshop", err)
    expect(env.dump() == before, "a refused import changed the database")

    code, out, err = result = env.run("help", "import")
    expect("--workshop" in out and "participants" in out, "help import says nothing of "
           "--workshop", out)


class SkipTest(Exception):
    pass


TESTS = [
    test_xls_then_csv,
    test_docx_twice,
    test_title_in_page_header,
    test_dry_run,
    test_needs_country,
    test_country_filter,
    test_refusals,
    test_usage,
    test_interrupted,
    test_french,
    test_matrix_return,
    test_participants,
    test_participants_refused,
]


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, test in enumerate(TESTS, 1):
        name = test.__name__[len("test_"):]
        with tempfile.TemporaryDirectory(prefix="upright-cli-import-") as tmp:
            try:
                test(Env(tmp))
                print(f"ok {number} - /upright/cli/import/{name}")
            except SkipTest as e:
                print(f"ok {number} - /upright/cli/import/{name} # SKIP {e}")
            except Exception as e:  # report every failure, then go on with the next test
                failed += 1
                print(f"not ok {number} - /upright/cli/import/{name}")
                text = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
                for line in text.splitlines():
                    print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
