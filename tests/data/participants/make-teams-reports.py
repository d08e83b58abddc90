#!/usr/bin/python3
"""Writes Microsoft Teams's full attendance reports, as the organiser downloads them from the
meeting's Attendance tab, for tests/test-participant-import.c and tests/test-cli-import.py:
UTF-16 little-endian with a byte order mark, tab-separated, in three numbered sections,
each with its own header:

  1. Summary                 key and value rows (title, times, counts)
  2. Participants            one row per person: the list to import
  3. In-Meeting Activities   one row per join: the same people again, not to import

in English (en-US dates, which hold a comma: "3/14/24, 9:55:03 AM") and in French ("1. Résumé",
"2. Participants", "3. Activités de la réunion"). The traps of real reports are there: a guest
and an unverified caller whose names Teams marks "(Guest)", "(Unverified)" / "(Invité)",
"(Non vérifié)", a dial-in participant known only by a masked phone number, people without
an e-mail address. The names, addresses and meeting are invented.

Run it from anywhere; its outputs are committed and a re-run changes nothing.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

ENGLISH = [
    ["1. Summary"],
    ["Meeting title", "UPR follow-up: national consultation on the 4th cycle"],
    ["Attended participants", "6"],
    ["Start time", "3/14/24, 9:55:03 AM"],
    ["End time", "3/14/24, 12:31:47 PM"],
    ["Meeting duration", "2h 36m 44s"],
    ["Average attendance time", "1h 41m 12s"],
    [],
    ["2. Participants"],
    ["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email",
     "Participant ID (UPN)", "Role"],
    ["Claire Moreau", "3/14/24, 9:55:03 AM", "3/14/24, 12:31:47 PM", "2h 36m 44s",
     "claire.moreau@example.org", "claire.moreau@example.org", "Organizer"],
    ["Thabo Nkosi", "3/14/24, 10:00:12 AM", "3/14/24, 12:30:02 PM", "2h 2m 10s",
     "thabo.nkosi@example.org", "thabo.nkosi@example.org", "Presenter"],
    ["Ana Lúcia Ferreira", "3/14/24, 10:02:40 AM", "3/14/24, 11:47:05 AM", "1h 44m 25s",
     "ana.ferreira@example.org", "ana.ferreira@example.org", "Attendee"],
    ["Samuel Okoro (Guest)", "3/14/24, 10:15:00 AM", "3/14/24, 12:00:30 PM", "1h 45m 30s",
     "samuel.okoro@example.net", "samuel.okoro_example.net#EXT#@example.onmicrosoft.com",
     "Attendee"],
    ["Mariam Kaboré (Unverified)", "3/14/24, 10:20:00 AM", "3/14/24, 10:50:45 AM", "30m 45s",
     "", "", "Attendee"],
    ["+4122*****12", "3/14/24, 11:00:00 AM", "3/14/24, 11:40:00 AM", "40m", "", "",
     "Attendee"],
    [],
    ["3. In-Meeting Activities"],
    ["Name", "Join Time", "Leave Time", "Duration", "Email", "Role"],
    ["Claire Moreau", "3/14/24, 9:55:03 AM", "3/14/24, 12:31:47 PM", "2h 36m 44s",
     "claire.moreau@example.org", "Organizer"],
    ["Thabo Nkosi", "3/14/24, 10:00:12 AM", "3/14/24, 11:05:00 AM", "1h 4m 48s",
     "thabo.nkosi@example.org", "Presenter"],
    ["Thabo Nkosi", "3/14/24, 11:32:40 AM", "3/14/24, 12:30:02 PM", "57m 22s",
     "thabo.nkosi@example.org", "Presenter"],
    ["Ana Lúcia Ferreira", "3/14/24, 10:02:40 AM", "3/14/24, 11:47:05 AM", "1h 44m 25s",
     "ana.ferreira@example.org", "Attendee"],
    ["Samuel Okoro (Guest)", "3/14/24, 10:15:00 AM", "3/14/24, 12:00:30 PM", "1h 45m 30s",
     "samuel.okoro@example.net", "Attendee"],
    ["Mariam Kaboré (Unverified)", "3/14/24, 10:20:00 AM", "3/14/24, 10:50:45 AM", "30m 45s",
     "", "Attendee"],
    ["+4122*****12", "3/14/24, 11:00:00 AM", "3/14/24, 11:40:00 AM", "40m", "", "Attendee"],
]

FRENCH = [
    ["1. Résumé"],
    ["Titre de la réunion", "Suivi de l'EPU : atelier des organisations de la société civile"],
    ["Participants présents", "3"],
    ["Heure de début", "14/03/2024 09:55:03"],
    ["Heure de fin", "14/03/2024 12:31:47"],
    ["Durée de la réunion", "2 h 36 min 44 s"],
    ["Temps de présence moyen", "1 h 50 min 3 s"],
    [],
    ["2. Participants"],
    ["Nom", "Première arrivée", "Dernier départ", "Durée de la réunion", "E-mail",
     "ID de participant (UPN)", "Rôle"],
    ["Claire Moreau", "14/03/2024 09:55:03", "14/03/2024 12:31:47", "2 h 36 min 44 s",
     "claire.moreau@example.org", "claire.moreau@example.org", "Organisateur"],
    ["Évariste Nzeyimana (Invité)", "14/03/2024 10:05:00", "14/03/2024 11:50:10",
     "1 h 45 min 10 s", "evariste.nzeyimana@example.net",
     "evariste.nzeyimana_example.net#EXT#@example.onmicrosoft.com", "Participant"],
    ["Aïssata Camara (Non vérifié)", "14/03/2024 10:30:00", "14/03/2024 11:38:15",
     "1 h 8 min 15 s", "", "", "Participant"],
    [],
    ["3. Activités de la réunion"],
    ["Nom", "Heure d'arrivée", "Heure de départ", "Durée", "E-mail", "Rôle"],
    ["Claire Moreau", "14/03/2024 09:55:03", "14/03/2024 12:31:47", "2 h 36 min 44 s",
     "claire.moreau@example.org", "Organisateur"],
    ["Évariste Nzeyimana (Invité)", "14/03/2024 10:05:00", "14/03/2024 11:50:10",
     "1 h 45 min 10 s", "evariste.nzeyimana@example.net", "Participant"],
    ["Aïssata Camara (Non vérifié)", "14/03/2024 10:30:00", "14/03/2024 11:38:15",
     "1 h 8 min 15 s", "", "Participant"],
]


def report(rows, line_end):
    """Teams writes no quotes: its values hold neither tabs nor line breaks."""
    text = "".join("\t".join(row) + line_end for row in rows)
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


write("teams-report-en.csv", report(ENGLISH, "\r\n"))
write("teams-report-fr.csv", report(FRENCH, "\n"))
