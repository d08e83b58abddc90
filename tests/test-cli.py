#!/usr/bin/python3
# test-cli.py: Upright's command line as a user runs it, without a display.
#
# Usage (from tests/meson.build): test-cli.py UPRIGHT VERSION LOCALEDIR
# Prints TAP. Every run gets its own temporary folders; the user's database is never touched
# (XDG_DATA_HOME points into the temporary folder).

import gettext
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback

# meson passes the binary relative to the build folder; the tests run elsewhere.
UPRIGHT = os.path.abspath(sys.argv[1])
VERSION = sys.argv[2]
LOCALEDIR = os.path.abspath(sys.argv[3])

NOT_A_DATABASE = "“%s” is not an Upright database."


class Env:
    """A clean environment: English, no display, memory settings, a private data folder."""

    def __init__(self, tmp):
        self.tmp = tmp
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
        proc = subprocess.run([UPRIGHT, *args], env=env, capture_output=True, text=True,
                              timeout=60)
        return proc.returncode, proc.stdout, proc.stderr

    def run_bytes(self, data, *args):
        """Runs with @data (bytes) on standard input; returns bytes."""
        proc = subprocess.run([UPRIGHT, *args], env=self.base, input=data, capture_output=True,
                              timeout=60)
        return proc.returncode, proc.stdout, proc.stderr


def path_in(tmp, name):
    return os.path.join(tmp, name)


def expect(condition, what, *details):
    if not condition:
        raise AssertionError(what + "".join("\n" + str(d) for d in details))


def expect_status(result, status, what):
    code, out, err = result
    expect(code == status, f"{what}: exit status {code}, expected {status}",
           "stdout: " + out, "stderr: " + err)


# The tests

def test_version(env):
    for option in ("--version", "-v"):
        result = env.run(option)
        expect_status(result, 0, option)
        expect(result[1] == f"Upright {VERSION}\n", f"{option} printed {result[1]!r}")


def test_help(env):
    for args in (["--help"], ["help"], ["-h"]):
        code, out, err = result = env.run(*args)
        expect_status(result, 0, " ".join(args))
        for word in ("check", "demo", "help", "--database", "--version", "Exit status"):
            expect(word in out, f"{' '.join(args)} does not mention {word}", out)
    code, out, err = result = env.run("help", "check")
    expect_status(result, 0, "help check")
    expect("upright [--database FILE] check" in out, "help check shows no usage", out)
    code, out, err = result = env.run("--help", "demo")
    expect_status(result, 0, "--help demo")
    expect("demo" in out and "again adds nothing" in " ".join(out.split()), "--help demo is not demo's help", out)
    result = env.run("help", "nonsense")
    expect_status(result, 2, "help nonsense")


def test_import_option(env):
    """`upright --import FILE` and `--import=FILE` open the window on FILE, not the command
    line: without a display that ends in GTK's "cannot open display", never in the command
    line's "Unknown command" (FILE taken for a command, as it once was)."""
    data = path_in(env.tmp, "list.csv")
    with open(data, "w") as f:
        f.write("Name,Email\nAwa Diop,awa@example.org\n")
    runtime = path_in(env.tmp, "runtime")
    os.mkdir(runtime, 0o700)
    # No session bus, so that no running Upright is asked to open the file; warnings are
    # not fatal, since GTK warns that it has no display.
    window = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=" + path_in(runtime, "no-bus"),
              "XDG_RUNTIME_DIR": runtime, "G_DEBUG": "gc-friendly"}
    for args in (["--import", data], ["--import=" + data],
                 ["--database", path_in(env.tmp, "db"), "--import", data]):
        code, out, err = env.run(*args, **window)
        expect("Unknown command" not in err and "Usage:" not in err,
               f"{' '.join(args)} was taken for a command", err)
        expect(code == 1 and "cannot open display" in err,
               f"{' '.join(args)} did not try to open the window: status {code}", err)
    expect(not os.path.exists(path_in(env.tmp, "db")), "a database was made without a window")

    code, out, err = result = env.run("--import", data, "check")
    expect_status(result, 2, "--import with a command")
    expect(err.startswith("upright: --import") and "upright import FILE" in err,
           "no error for --import with a command", err)
    code, out, err = result = env.run("--help")
    expect("--import=FILE" in out and "import assistant" in out, "--help does not show --import",
           out)


def test_unknown_command(env):
    code, out, err = result = env.run("frobnicate")
    expect_status(result, 2, "frobnicate")
    expect(err.startswith("upright: ") and "“frobnicate”" in err, "no error message", err)
    expect("Usage:" in err and "check" in err, "no usage after the error", err)
    expect(out == "", "unknown command wrote to stdout", out)


def test_bad_arguments(env):
    db = path_in(env.tmp, "args.db")
    open(db, "wb").close()
    code, out, err = result = env.run("--database", db, "check", "--bogus")
    expect_status(result, 2, "check --bogus")
    expect(err.startswith("upright: ") and "--bogus" in err, "no error for --bogus", err)
    code, out, err = result = env.run("--database", db, "check", "extra")
    expect_status(result, 2, "check extra")
    expect(err.startswith("upright: "), "no error for an extra argument", err)


def test_check_fresh(env):
    db = path_in(env.tmp, "fresh.db")
    open(db, "wb").close()  # an empty file is a new database
    code, out, err = result = env.run("--database", db, "check")
    expect_status(result, 0, "check of a fresh database")
    expect(db in out and "no problem found" in out, "check did not report", out)
    expect(err == "", "check of a sound database wrote errors", err)


def test_check_missing(env):
    db = path_in(env.tmp, "typo.db")
    code, out, err = result = env.run("--database", db, "check")
    expect_status(result, 2, "check of a missing file")
    expect(err.startswith("upright: ") and db in err, "no message for a missing file", err)
    expect(not os.path.exists(db), "check created the database it was asked to check")


def make_text_file(env):
    path = path_in(env.tmp, "notes.txt")
    with open(path, "w") as f:
        f.write("These are not the data you are looking for.\n" * 20)
    return path


def test_check_not_a_database(env):
    path = make_text_file(env)
    before = open(path, "rb").read()
    code, out, err = result = env.run("--database", path, "check")
    expect_status(result, 2, "check of a text file")
    expect(err == "upright: " + NOT_A_DATABASE % path + "\n", "wrong message", repr(err))
    expect(open(path, "rb").read() == before, "the text file was changed")
    expect(not os.path.exists(path + "-wal"), "a -wal file was created")


def test_check_not_a_database_french(env):
    # Fails until po/fr.po translates the message (the translation pass).
    path = make_text_file(env)
    mo = os.path.join(LOCALEDIR, "fr", "LC_MESSAGES", "upright.mo")
    expect(os.path.exists(mo), f"{mo} was not built")
    with open(mo, "rb") as f:
        french = gettext.GNUTranslations(f).gettext(NOT_A_DATABASE)
    expect(french != NOT_A_DATABASE, "po/fr.po does not translate " + repr(NOT_A_DATABASE))
    code, out, err = result = env.run("--database", path, "check", LANGUAGE="fr")
    expect_status(result, 2, "check of a text file, in French")
    expect(err == "upright: " + french % path + "\n", "not the French message", repr(err))


COUNT = re.compile(r"^  (\d+) (workshops?|programme items?|participants?|organisations?|recommendations?)$")


def parse_counts(lines):
    """{"workshops": n, …} from the indented lines that follow a header."""
    counts = {}
    for line in lines:
        match = COUNT.match(line)
        if not match:
            break
        noun = match.group(2)
        counts[noun if noun.endswith("s") else noun + "s"] = int(match.group(1))
    return counts


def parse_demo(out):
    lines = out.splitlines()
    added = parse_counts(lines[1:]) if lines and lines[0].startswith("Added the demo data") else {}
    holds = lines.index("The database now holds:") if "The database now holds:" in lines else None
    expect(holds is not None, "demo did not report what the database holds", out)
    return added, parse_counts(lines[holds + 1:])


def test_demo(env):
    db = path_in(env.tmp, "demo.db")
    code, out, err = result = env.run("--database", db, "demo")
    expect_status(result, 0, "first demo")
    expect(out.startswith(f"Added the demo data to “{db}”:"), "first demo added nothing", out)
    added, total = parse_demo(out)
    expect(set(total) == {"workshops", "programme items", "participants", "organisations",
                          "recommendations"},
           "demo did not count everything", out)
    expect(added == total, "a new database held something before the demo", out)
    expect(total["workshops"] >= 2, "the demo has a side event and national workshops", out)
    expect(total["programme items"] >= 6, "the side event's programme is missing", out)
    expect(total["participants"] >= 20, "the national workshop has about 30 participants", out)
    expect(total["organisations"] >= 5, "the demo organisations are missing", out)
    expect(total["recommendations"] >= 30, "the demo recommendations are missing", out)

    code, out, err = result = env.run("--database", db, "demo")
    expect_status(result, 0, "second demo")
    expect(out.startswith(f"The demo data is already in “{db}”: nothing was added."),
           "second demo added something", out)
    added_again, total_again = parse_demo(out)
    expect(added_again == {} and total_again == total, "second demo changed the counts", out)

    result = env.run("--database", db, "check")
    expect_status(result, 0, "check after the demo")


def test_database_sources(env):
    env_db = path_in(env.tmp, "from-env.db")
    option_db = path_in(env.tmp, "from-option.db")
    default_db = os.path.join(env.base["XDG_DATA_HOME"], "upright", "upright.db")

    result = env.run("demo", UPRIGHT_DATABASE=env_db)
    expect_status(result, 0, "demo with UPRIGHT_DATABASE")
    expect(os.path.exists(env_db), "UPRIGHT_DATABASE was not used")
    expect(not os.path.exists(default_db), "the default database was created")

    # --database wins over UPRIGHT_DATABASE.
    code, out, err = result = env.run("--database", option_db, "check", UPRIGHT_DATABASE=env_db)
    expect_status(result, 2, "check of a missing --database")
    expect(option_db in err, "--database was not used", err)
    code, out, err = result = env.run("check", "--database=" + env_db)
    expect_status(result, 0, "--database=FILE after the command")
    expect(env_db in out, "--database=FILE was not used", out)

    result = env.run("demo")
    expect_status(result, 0, "demo in the default place")
    expect(os.path.exists(default_db), "no database in $XDG_DATA_HOME/upright/")


def test_check_damage(env):
    db = path_in(env.tmp, "damaged.db")
    expect_status(env.run("--database", db, "demo"), 0, "demo data into a new database")
    expect_status(env.run("--database", db, "check"), 0, "check of a sound database")
    # A row pointing to a country that does not exist, written behind Upright's back.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO organisation (id, created_at, updated_at, name, country_code)"
                 " VALUES ('00000000-0000-4000-8000-000000000000', '2026-01-01T00:00:00Z',"
                 " '2026-01-01T00:00:00Z', 'Ghost', 'ZZ')")
    conn.commit()
    conn.close()
    code, out, err = result = env.run("--database", db, "check")
    expect_status(result, 1, "check of a damaged database")
    expect("“organisation”" in out and "“country”" in out, "the problem is not reported", out)
    expect("1 problem found" in out, "no summary of the problems", out)


def test_categorize_help(env):
    code, out, err = result = env.run("--help")
    expect_status(result, 0, "--help")
    expect("categorize FILE" in out, "--help does not list categorize", out)
    code, out, err = result = env.run("help", "categorize")
    expect_status(result, 0, "help categorize")
    expect("upright [--database FILE] categorize FILE" in out, "no usage line", out)
    for words in ("standard input", "0 when", "empty line", "UTF-8"):
        expect(words in out, f"help categorize does not explain {words!r}", out)
    for args in (["categorize"], ["categorize", "a", "b"]):
        code, out, err = result = env.run(*args)
        expect_status(result, 2, " ".join(args))
        expect(err.startswith("upright: "), "no error message", err)


# One recommendation per line; the categories UPR Info's method gives them.
RECOMMENDATIONS = [
    ("Continue and strengthen its efforts to combat poverty.", "4"),
    ("Consider ratifying the Optional Protocol to the Convention against Torture.", "3"),
    ("Ratify the Convention on the Rights of Persons with Disabilities.", "5"),
    ("Seek technical assistance from OHCHR.", "1"),
    ("Poursuivre ses efforts pour lutter contre la pauvreté.", "2"),
    ("Envisager de ratifier la Convention sur les travailleurs migrants.", "3"),
    ("Mettre en œuvre les recommandations de la Commission vérité et réconciliation.", "5"),
    ("The weather is fine.", "0"),
]


def test_categorize_file(env):
    # A byte order mark, every kind of line end, empty and blank lines, no final line end.
    texts = [t for t, _ in RECOMMENDATIONS]
    data = ("\ufeff" + texts[0] + "\r\n" + texts[1] + "\r" + texts[2] + "\n\n"
            + texts[3] + "\r\n   \r\n" + texts[4] + "\n" + texts[5] + "\r\r"
            + texts[6] + "\n" + texts[7]).encode("utf-8")
    expected = ["4", "3", "5", "", "1", "", "2", "3", "", "5", "0"]
    path = path_in(env.tmp, "recommendations.txt")
    with open(path, "wb") as f:
        f.write(data)
    db = os.path.join(env.base["XDG_DATA_HOME"], "upright", "upright.db")
    code, out, err = result = env.run("categorize", path)
    expect_status(result, 0, "categorize FILE")
    expect(out == "\n".join(expected) + "\n", "wrong categories", repr(out))
    expect(err == "", "categorize wrote errors", err)
    expect(not os.path.exists(db), "categorize created a database")

    code, out, err = env.run_bytes(data, "categorize", "-")
    expect(code == 0, f"categorize - exited with {code}", err)
    expect(out == ("\n".join(expected) + "\n").encode(), "stdin gave other categories", out)


def test_categorize_edges(env):
    code, out, err = env.run_bytes(b"", "categorize", "-")
    expect(code == 0 and out == b"", "empty input must give empty output", out, err)
    code, out, err = env.run_bytes(b"\n\n", "categorize", "-")
    expect(code == 0 and out == b"\n\n", "two empty lines must give two", out, err)
    code, out, err = env.run_bytes(b"Abolish the death penalty.\n", "categorize", "-")
    expect(code == 0 and out == b"5\n", "a final line end adds no line", out, err)
    many = "".join(t + "\n" for t, _ in RECOMMENDATIONS * 500).encode("utf-8")
    code, out, err = env.run_bytes(many, "categorize", "-")
    expect(code == 0, "4,000 lines failed", err)
    expect(out.decode().split("\n")[:-1] == [c for _, c in RECOMMENDATIONS] * 500,
           "4,000 lines gave other categories")


def test_categorize_invalid(env):
    data = b"Ratify the Convention.\nConsider it.\nAdopt a law \xe9tablissant\nEnsure.\n"
    path = path_in(env.tmp, "latin1.txt")
    with open(path, "wb") as f:
        f.write(data)
    code, out, err = result = env.run("categorize", path)
    expect_status(result, 1, "categorize of a Latin-1 file")
    expect(err == f"upright: Line 3 of “{path}” is not UTF-8 text.\n", "wrong message",
           repr(err))
    expect(out == "", "categories were printed before the error", out)
    code, out, err = env.run_bytes(data, "categorize", "-")
    expect(code == 1, f"categorize - of Latin-1 exited with {code}")
    expect(err == "upright: Line 3 of the standard input is not UTF-8 text.\n".encode(),
           "wrong message for the standard input", err)
    code, out, err = env.run_bytes(b"Ratify\x00 it.\n", "categorize", "-")
    expect(code == 1 and b"Line 1" in err, "a NUL byte is not text", err)

    missing = path_in(env.tmp, "missing.txt")
    code, out, err = result = env.run("categorize", missing)
    expect_status(result, 1, "categorize of a missing file")
    expect(err.startswith("upright: ") and missing in err, "no message for a missing file",
           err)


TESTS = [
    test_version,
    test_help,
    test_import_option,
    test_unknown_command,
    test_bad_arguments,
    test_check_fresh,
    test_check_missing,
    test_check_not_a_database,
    test_check_not_a_database_french,
    test_demo,
    test_database_sources,
    test_check_damage,
    test_categorize_help,
    test_categorize_file,
    test_categorize_edges,
    test_categorize_invalid,
]


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, test in enumerate(TESTS, 1):
        name = test.__name__[len("test_"):]
        with tempfile.TemporaryDirectory(prefix="upright-cli-") as tmp:
            try:
                test(Env(tmp))
                print(f"ok {number} - /upright/cli/{name}")
            except Exception as e:  # report every failure, then go on with the next test
                failed += 1
                print(f"not ok {number} - /upright/cli/{name}")
                text = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
                for line in text.splitlines():
                    print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
