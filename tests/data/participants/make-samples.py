#!/usr/bin/python3
"""Writes the participant lists that tests/test-participant-import.c and test-gui-import.c
read: registration exports and online meeting attendance reports as people download them,
in English and French, with the traps of real ones (accents, a byte order mark, `;` and tab
separators, UTF-16, a person who joined a call twice, a cancelled registration, a row
without a name). The names, e-mail addresses and organisations are invented.

Run it from anywhere with Debian's interpreter (`/usr/bin/python3`, for python3-openpyxl).
Its outputs are committed; the output is deterministic so a re-run changes nothing.
"""

import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def lines(rows, separator=","):
    def cell(value):
        if any(c in value for c in (separator, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value
    return "".join(separator.join(cell(v) for v in row) + "\r\n" for row in rows)


# A registration system's export (Indico-like), English headers, UTF-8 without BOM.
REGISTRATION_EN = [
    ["Title", "First Name", "Last Name", "Email Address", "Affiliation", "Position",
     "Country", "Gender", "Registration State", "Phone"],
    ["Ms", "Amélie", "Nkurunziza", "amelie.nkurunziza@example.org",
     "Ministry of Justice", "Director of Human Rights", "Burundi", "Female", "Complete",
     "+257 22 00 00 01"],
    ["Mr", "Jean-Baptiste", "Hakizimana", "jb.hakizimana@example.org",
     "Ligue Iteka", "Programme officer", "Burundi", "Male", "Complete", ""],
    ["Dr", "Chloé", "Mbonimpa", "CHLOE.MBONIMPA@EXAMPLE.ORG",
     "National Independent Human Rights Commission", "Commissioner", "Burundi", "F",
     "Complete", ""],
    ["Mx", "Sam", "Irakoze", "sam.irakoze@example.org", "Association des juristes, Gitega",
     "Volunteer", "Burundi", "Non-binary", "Pending", ""],
    ["Ms", "Grace", "Uwimana", "grace.uwimana@example.org", "UNDP", "Human rights adviser",
     "Rwanda", "Woman", "Withdrawn", ""],
    ["", "", "", "no.name@example.org", "Ministry of Justice", "", "", "", "Complete", ""],
    ["Mr", "Éric", "Ndayishimiye", "", "Ministry of Justice", "Legal adviser", "Burundi",
     "M", "Complete", ""],
]

# The same kind of list as a French Excel writes it: "CSV UTF-8" with a BOM, semicolons.
INSCRIPTIONS_FR = [
    ["Civilité", "Prénom", "Nom", "Courriel", "Organisation", "Fonction", "Pays", "Sexe",
     "Statut", "Consentement"],
    ["Mme", "Amélie", "Nkurunziza", "Amelie.Nkurunziza@example.org", "Ministère de la Justice",
     "Directrice des droits de l'homme", "Burundi", "Femme", "Inscrit", "Oui"],
    ["M.", "Évariste", "Ndikumana", "evariste.ndikumana@example.org", "Ligue Iteka",
     "Chargé de programme", "Burundi", "Homme", "Présent", "Non"],
    ["Mme", "Aïcha", "Bizimana", "", "Ligue Iteka", "Juriste", "Burundi", "F", "Absent", ""],
    ["", "Désiré", "Niyonzima", "desire.niyonzima@example.org", "Université du Burundi",
     "Professeur", "Burundi", "H", "Annulé", "Oui"],
]

# Zoom's participant report ("Export with meeting data" off): one row per join, so a person
# who dropped out and came back has two rows; "Recording Consent" is not consent to keep
# personal data.
ZOOM = [
    ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)",
     "Guest", "Recording Consent"],
    ["Amélie Nkurunziza", "amelie.nkurunziza@example.org", "03/10/2024 09:58:12 AM",
     "03/10/2024 10:40:02 AM", "42", "No", "Yes"],
    ["Jean-Baptiste H. (Galaxy A12)", "jb.hakizimana@example.org", "03/10/2024 10:01:40 AM",
     "03/10/2024 12:05:40 PM", "124", "Yes", "Yes"],
    ["Amélie Nkurunziza", "amelie.nkurunziza@example.org", "03/10/2024 10:45:00 AM",
     "03/10/2024 12:05:40 PM", "81", "No", "Yes"],
    ["Mariam Touré", "", "03/10/2024 10:15:00 AM", "03/10/2024 10:15:30 AM", "0", "Yes", "Yes"],
    ["Kofi Mensah", "kofi.mensah@example.org", "03/10/2024 10:20:00 AM",
     "03/10/2024 11:50:00 AM", "90", "Yes", "Yes"],
]

# Microsoft Teams's attendance list: UTF-16 with a byte order mark, tab-separated, one row
# per participant, durations written "1h 23m 10s", French headers.
TEAMS_FR = [
    ["Nom", "Première participation", "Dernier départ", "Durée de la réunion", "E-mail",
     "ID de participant (UPN)", "Rôle"],
    ["Amélie Nkurunziza", "10/03/2024 09:58:12", "10/03/2024 12:05:40", "2h 7m 28s",
     "amelie.nkurunziza@example.org", "amelie.nkurunziza@example.org", "Organisateur"],
    ["Kofi Mensah", "10/03/2024 10:20:00", "10/03/2024 11:50:00", "1h 30m",
     "kofi.mensah@example.org", "kofi.mensah@example.org", "Participant"],
    ["Fatou Diallo", "10/03/2024 10:30:00", "10/03/2024 10:31:10", "1m 10s",
     "fatou.diallo@example.org", "fatou.diallo@example.org", "Participant"],
]

# A list with no column Upright can place.
NO_NAME = [
    ["Identifiant", "Horodatage"],
    ["17", "2024-03-10 09:00"],
]


def xlsx(name, rows):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Registrations"
    for row in rows:
        sheet.append(row)
    notes = book.create_sheet("Notes")
    notes.append(["Exported for the workshop of 10 March 2024"])
    fixed = datetime.datetime(2024, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.save(os.path.join(HERE, name))


write("registration-en.csv", lines(REGISTRATION_EN).encode("utf-8"))
write("inscriptions-fr.csv", b"\xef\xbb\xbf" + lines(INSCRIPTIONS_FR, ";").encode("utf-8"))
write("inscriptions-fr-cp1252.csv", lines(INSCRIPTIONS_FR, ";").encode("cp1252"))
write("zoom-participants.csv", b"\xef\xbb\xbf" + lines(ZOOM).encode("utf-8"))
write("teams-attendance.csv", "\ufeff".encode("utf-16-le") + lines(TEAMS_FR, "\t").encode("utf-16-le"))
write("no-name.csv", lines(NO_NAME).encode("utf-8"))
xlsx("registration-en.xlsx", REGISTRATION_EN)
