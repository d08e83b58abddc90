#!/usr/bin/python3
# check-po.py: the translations are complete and cover every source file.
#
# Usage (from tests/meson.build): check-po.py SOURCE_ROOT
# Prints TAP, one test point per rule, each failure listing the files or messages at fault:
#   1. every file under app/ ui/ data/ resources/ with translatable strings is in POTFILES.in;
#   2. every file POTFILES.in lists exists, and the list is sorted without duplicates;
#   3. each po/LL.po compiles (msgfmt --check) with no untranslated or fuzzy message;
#   4. each po/LL.po has every message of the sources (xgettext as `meson compile
#      upright-pot` runs it, then msgmerge: nothing new, nothing left untranslated).
# The fix for 3 and 4 is `meson compile -C BUILD upright-update-po`, then translating.

import os
import re
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.path.abspath(sys.argv[1])
PO_DIR = os.path.join(SOURCE_ROOT, "po")
SEARCHED_DIRS = ("app", "ui", "data", "resources")

# xgettext arguments of meson's i18n.gettext(preset: 'glib'), which po/meson.build uses.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

# What marks a file as having strings for translators.
C_MARKER = re.compile(r"(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|g_dcgettext|"
                      r"ngettext|dngettext)\s*\(")
XML_MARKER = re.compile(r'translatable="(yes|true|1)"|gettext-domain=')
ALWAYS_TRANSLATED = (".desktop.in", ".metainfo.xml.in", ".appdata.xml.in")


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def source_files():
    """Files under SEARCHED_DIRS: git's tracked and new (not ignored) ones, else a walk."""
    proc = run("git", "-C", SOURCE_ROOT, "ls-files", "--cached", "--others", "--exclude-standard",
               "--", *SEARCHED_DIRS)
    if proc.returncode == 0:
        files = proc.stdout.splitlines()
    else:
        files = []
        for top in SEARCHED_DIRS:
            for folder, dirs, names in os.walk(os.path.join(SOURCE_ROOT, top)):
                files += [os.path.relpath(os.path.join(folder, n), SOURCE_ROOT) for n in names]
    return sorted(f for f in set(files) if os.path.isfile(os.path.join(SOURCE_ROOT, f)))


def has_translatable_strings(relpath):
    if relpath.endswith(ALWAYS_TRANSLATED):
        return True
    if relpath.endswith((".c", ".h")):
        marker = C_MARKER
    elif relpath.endswith((".ui", ".xml", ".xml.in")):
        marker = XML_MARKER
    else:
        return False
    with open(os.path.join(SOURCE_ROOT, relpath), encoding="utf-8", errors="replace") as f:
        return marker.search(f.read()) is not None


def potfiles():
    with open(os.path.join(PO_DIR, "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def languages():
    with open(os.path.join(PO_DIR, "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f if not line.startswith("#") for w in line.split()]


# The rules: each returns a list of problems (empty when the rule holds).

def rule_potfiles_complete():
    listed = set(potfiles())
    return [f"{f} has translatable strings but is not in po/POTFILES.in"
            for f in source_files() if f not in listed and has_translatable_strings(f)]


def rule_potfiles_valid():
    entries = potfiles()
    problems = [f"po/POTFILES.in lists {f}, which does not exist"
                for f in entries if not os.path.isfile(os.path.join(SOURCE_ROOT, f))]
    problems += [f"po/POTFILES.in lists {f} twice" for f in sorted(set(entries))
                 if entries.count(f) > 1]
    if entries != sorted(entries):
        problems.append("po/POTFILES.in is not sorted; expected:\n  "
                        + "\n  ".join(sorted(set(entries))))
    return problems


STATISTICS = re.compile(r"(\d+) (translated|fuzzy|untranslated)")


def rule_po_complete():
    problems = []
    for lang in languages():
        po = os.path.join(PO_DIR, lang + ".po")
        proc = run("msgfmt", "--check", "--statistics", "-o", os.devnull, po)
        if proc.returncode != 0:
            problems.append(f"msgfmt --check fails on po/{lang}.po:\n{proc.stderr.strip()}")
            continue
        counts = {kind: int(n) for n, kind in STATISTICS.findall(proc.stderr)}
        for kind in ("untranslated", "fuzzy"):
            if counts.get(kind, 0):
                problems.append(f"po/{lang}.po has {counts[kind]} {kind} messages "
                                f"({proc.stderr.strip()})")
                problems += [f"  {kind}: {m}" for m in list_messages(po, "--only-" + kind
                                                                     if kind == "fuzzy"
                                                                     else "--untranslated")]
    return problems


def list_messages(po, selector):
    """The msgids (with their source references) that msgattrib selects."""
    proc = run("msgattrib", selector, "--no-obsolete", "--no-wrap", po)
    messages, where = [], ""
    for line in proc.stdout.splitlines():
        if line.startswith("#: "):
            where = line[3:].split()[0]
        elif line.startswith('msgid "') and line != 'msgid ""':
            messages.append(f"{line[6:]}  ({where})")
    return messages


def rule_po_current():
    with tempfile.TemporaryDirectory(prefix="upright-po-") as tmp:
        pot = os.path.join(tmp, "upright.pot")
        proc = run("xgettext", "--package-name=upright", "-f", os.path.join(PO_DIR, "POTFILES.in"),
                   "-D", SOURCE_ROOT, "-k_", "-o", pot, *XGETTEXT_ARGS)
        if proc.returncode != 0:
            return [f"xgettext failed:\n{proc.stderr.strip()}"]
        problems = []
        for lang in languages():
            merged = os.path.join(tmp, lang + ".po")
            proc = run("msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                       os.path.join(PO_DIR, lang + ".po"), pot)
            if proc.returncode != 0:
                problems.append(f"msgmerge failed on po/{lang}.po:\n{proc.stderr.strip()}")
                continue
            missing = list_messages(merged, "--untranslated")
            if missing:
                problems.append(f"po/{lang}.po lacks {len(missing)} messages of the sources "
                                "(run `meson compile -C BUILD upright-update-po`, then translate):")
                problems += ["  " + m for m in missing]
        return problems


RULES = [
    ("POTFILES.in lists every file with translatable strings", rule_potfiles_complete),
    ("POTFILES.in entries exist, sorted, once each", rule_potfiles_valid),
    ("translations have no untranslated or fuzzy message", rule_po_complete),
    ("translations have every message of the sources", rule_po_current),
]


def main():
    print(f"1..{len(RULES)}")
    failed = 0
    for number, (name, rule) in enumerate(RULES, 1):
        problems = rule()
        print(f"{'not ok' if problems else 'ok'} {number} - {name}")
        for problem in problems:
            for line in problem.splitlines():
                print("# " + line)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
