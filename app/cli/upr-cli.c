/* upr-cli.c: the command line. Commands are rows of one table (name, arguments, help, run
 * function), so a later command (import, export, …) is a row and a function, and the help
 * and the dispatch follow. No GTK here: the command line must work without a display. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-action-category.h"
#include "upr-cli.h"
#include "upr-cli-export.h"
#include "upr-cli-import.h"
#include "upr-demo.h"
#include "upr-store.h"

/* The exit statuses, as `upright --help` documents them. */
enum
{
  UPR_CLI_EXIT_OK = 0,
  UPR_CLI_EXIT_FAILED = 1, /* problems found, or the command could not finish */
  UPR_CLI_EXIT_USAGE = 2,  /* wrong usage, or the database cannot be opened */
};

typedef struct
{
  char  *database; /* --database, or NULL for upr_store_default_path() */
  char **args;     /* the words after the command */
} UprCliOptions;

typedef struct
{
  const char *name;
  const char *arguments;   /* N_(): shown after the name in usage lines, or NULL */
  const char *summary;     /* N_(): one line in the list of commands */
  const char *description; /* N_(): the paragraph of `upright help COMMAND` */
  guint       min_args;
  guint       max_args;
  int       (*run) (UprCliOptions *options);
  gboolean    own_options; /* parses the --options after its name itself (args holds them) */
} UprCliCommand;

static int run_categorize (UprCliOptions *options);
static int run_check (UprCliOptions *options);
static int run_demo  (UprCliOptions *options);
static int run_export (UprCliOptions *options);
static int run_import (UprCliOptions *options);
static int run_help  (UprCliOptions *options);

static const UprCliCommand commands[] = {
  {
    "categorize", N_("FILE"),
    N_("Suggest the action category of recommendations"),
    N_("Reads one recommendation per line from FILE (“-” for the standard input), in English "
       "or French, and prints line for line the action category that UPR Info's method "
       "suggests: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action, or 0 "
       "when the opening of the recommendation holds no action verb that Upright knows. An "
       "empty line gives an empty line, so the output stays in step with the input. The "
       "text must be UTF-8 (with or without a byte order mark); lines may end as on Linux, "
       "Windows or older Macs. No database is needed."),
    1, 1, run_categorize,
  },
  {
    "check", NULL,
    N_("Check the database for damage"),
    N_("Runs a full integrity check of the database and lists every problem found. The exit "
       "status is 0 when the database is sound and 1 when problems were found."),
    0, 0, run_check,
  },
  {
    "demo", NULL,
    N_("Load the demo data, for trainings and tests"),
    N_("Adds a side event of the 52nd session of the Human Rights Council, national "
       "workshops with fictitious participants, and the real recommendations of the Republic "
       "of the Congo's review at the 5th session with a fictitious implementation state, "
       "creating the database if needed. Running it again adds nothing."),
    0, 0, run_demo,
  },
  {
    "export", N_("--country ISO --output FILE.xlsx [OPTIONS]"),
    N_("Write the workbook for headquarters"),
    N_("Writes an Excel workbook of the countries given with --country (ISO codes, several "
       "separated by commas, or --all-countries): a summary with charts, the implementation "
       "matrix partners can fill in, the workshops and their programmes. --workshop ID keeps "
       "one workshop (its country is then implied), --cycle N the recommendations of one UPR "
       "cycle, --sheets a list of summary, matrix, workshops, participants. --lang fr writes "
       "it in French. People are "
       "only counted unless --names is given; even then only those who consented to appear "
       "in reports are named, never with contact details. An existing file is replaced only "
       "once the new one is complete."),
    0, G_MAXUINT, run_export, TRUE,
  },
  {
    "import", N_("FILE [--country ISO | --workshop ID] [OPTIONS]"),
    N_("Import recommendations, or a workshop's participants, from a file"),
    N_("Reads the recommendations of FILE into the database: a UPR Info database export (.xls "
       "or .csv), an OHCHR thematic list of recommendations (.docx), an export of the "
       "Universal Human Rights Index (.xlsx), or any table whose header names the columns in "
       "English or French (Recommendation, State under review, Response, Session…). "
       "Everything goes in one transaction: on any error nothing is changed. Importing the "
       "same file again changes nothing. --country gives the State under review when the "
       "file does not name it (with a country column, only that State's rows are imported); "
       "--session gives the session likewise. --dry-run does everything, prints the report, "
       "then changes nothing. --encoding names the encoding of a text file (UTF-8, "
       "WINDOWS-1252, MACINTOSH…) when the accents come out wrong. Prints the report (row, "
       "column, problem) and the summary: new, updated, unchanged, skipped. A matrix "
       "exported by Upright and filled in by a partner is shown as a list of changes; "
       "--from names the partner organisation (name, acronym or id; a new name is created) "
       "and applies the changes as its progress updates. With --workshop (the workshop's id, "
       "or its title if no other workshop has it), FILE is a list of participants instead: a "
       "registration export, an attendance list, or a Zoom or Microsoft Teams attendance "
       "report, with English or French headers (Name, First name, E-mail, Organisation, "
       "Prénom, Courriel…). They are added to the workshop; people Upright knows already "
       "are matched by e-mail address or by name and organisation, and updated rather than "
       "added twice. Consent is never assumed. Importing the same list again changes "
       "nothing."),
    1, G_MAXUINT, run_import, TRUE,
  },
  {
    "help", N_("[COMMAND]"),
    N_("Show the commands, or the help of one command"),
    N_("Without a command, lists the commands and options; with one, explains it."),
    0, 1, run_help,
  },
};

/* Parsing */

static gboolean
is_option_with_value (const char *arg)
{
  /* Options whose value is the next word: that word is not a command. --import is the
   * window's (upr-application.c), listed here so that `upright --import FILE` opens the
   * window rather than taking FILE for a command. */
  return g_strcmp0 (arg, "--database") == 0 || g_strcmp0 (arg, "--import") == 0;
}

static gboolean
is_cli_option (const char *arg)
{
  return g_strcmp0 (arg, "--version") == 0 || g_strcmp0 (arg, "-v") == 0
         || g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0;
}

/* The index of the first word that is neither an option nor an option's value, or 0. */
static int
find_command_index (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        return i + 1 < argc ? i + 1 : 0;
      if (is_option_with_value (argv[i]))
        i++;
      else if (argv[i][0] != '-')
        return i;
    }
  return 0;
}

static const UprCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_error (const char *message)
{
  g_printerr ("upright: %s\n", message);
}

/* Help */

/* Terminals are 80 columns unless told otherwise; help text is wrapped to fit, by
 * characters rather than bytes since French labels are not ASCII. */
#define HELP_WIDTH 78

static char *
wrap (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);
  glong column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);

      if (column > 0)
        {
          gboolean full = column + 1 + length > HELP_WIDTH;

          g_string_append_c (out, full ? '\n' : ' ');
          column = full ? 0 : column + 1;
        }
      g_string_append (out, words[i]);
      column += length;
    }
  return g_string_free (out, FALSE);
}

static char *
commands_summary (void)
{
  GString *out = g_string_new (_("Without a command, Upright opens its window."));

  g_string_append_printf (out, "\n\n%s", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = NULL;

      name = commands[i].arguments != NULL
               ? g_strdup_printf ("%s %s", commands[i].name, _(commands[i].arguments))
               : g_strdup (commands[i].name);
      /* A long usage (a command with options) gets its summary on a line of its own. */
      if (g_utf8_strlen (name, -1) > 18)
        g_string_append_printf (out, "\n  %s\n  %-18s %s", name, "", _(commands[i].summary));
      else
        g_string_append_printf (out, "\n  %-18s %s", name, _(commands[i].summary));
    }
  return g_string_free (out, FALSE);
}

static char *
exit_status_description (void)
{
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "upright",
                                                    "upright.db", NULL);
  /* Translators: %s is the path of the usual database file. */
  g_autofree char *where = g_strdup_printf (_("The database is “%s” unless --database or the "
                                              "environment variable UPRIGHT_DATABASE names "
                                              "another file."),
                                            default_path);
  g_autofree char *wrapped = wrap (where);

  return g_strdup_printf ("%s\n\n%s\n  0  %s\n  1  %s\n  2  %s", wrapped, _("Exit status:"),
                          _("success"), _("problems were found, or the command could not finish"),
                          _("wrong usage, or the database cannot be opened"));
}

/* The window's --import (upr-application.c) is listed so that --help shows it; with a
 * command it is refused. */
static GOptionContext *
new_option_context (char    **database,
                    char    **import,
                    gboolean *version,
                    gboolean *help)
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, database,
      N_("Use the database FILE instead of the usual one"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, import,
      N_("Open the window with the import assistant on FILE"), N_("FILE") },
    { "version", 'v', 0, G_OPTION_ARG_NONE, version, N_("Show the version of Upright"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show the commands and options"), NULL },
    { NULL }
  };
  g_autofree char *summary = commands_summary ();
  g_autofree char *description = exit_status_description ();
  GOptionContext *context = g_option_context_new (_("[COMMAND]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Our own --help, so that it lists the commands and returns instead of exiting. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  return context;
}

static char *
full_help (void)
{
  g_autofree char *database = NULL;
  g_autofree char *import = NULL;
  gboolean version = FALSE, help = FALSE;
  g_autoptr(GOptionContext) context = new_option_context (&database, &import, &version, &help);

  return g_option_context_get_help (context, TRUE, NULL);
}

static char *
command_help (const UprCliCommand *command)
{
  g_autofree char *description = wrap (_(command->description));

  return g_strdup_printf ("%s\n  upright [--database %s] %s%s%s\n\n%s.\n\n%s\n", _("Usage:"),
                          _("FILE"), command->name, command->arguments != NULL ? " " : "",
                          command->arguments != NULL ? _(command->arguments) : "",
                          _(command->summary), description);
}

static int
usage_error (const char *message)
{
  g_autofree char *help = full_help ();

  print_error (message);
  g_printerr ("\n%s", help);
  return UPR_CLI_EXIT_USAGE;
}

/* The store */

/* The officer name of the preferences, so changes made from the command line are logged
 * under the same name as in the window. NULL when the schema is not installed. */
static char *
officer_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *officer = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "officer-name"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  officer = g_settings_get_string (settings, "officer-name");
  return officer[0] != '\0' ? g_steal_pointer (&officer) : NULL;
}

static char *
database_path (UprCliOptions *options)
{
  return options->database != NULL ? g_strdup (options->database) : upr_store_default_path ();
}

static UprStore *
open_store (const char *path,
            gboolean    for_check,
            GError    **error)
{
  g_autoptr(UprStore) store = for_check ? upr_store_open_for_check (path, error)
                                        : upr_store_open (path, error);
  g_autofree char *officer = NULL;

  if (store == NULL)
    return NULL;
  officer = officer_from_settings ();
  upr_store_set_officer (store, officer);
  return g_steal_pointer (&store);
}

/* check */

static int
run_check (UprCliOptions *options)
{
  g_autofree char *path = database_path (options);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean sound;

  /* Checking a mistyped path must not leave a new, empty database behind. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file path. */
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), path);

      print_error (message);
      return UPR_CLI_EXIT_USAGE;
    }

  store = open_store (path, TRUE, &error);
  if (store == NULL)
    {
      print_error (error->message);
      /* Damage found while opening is a finding of the check, not a usage error. */
      return g_error_matches (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CORRUPT)
               ? UPR_CLI_EXIT_FAILED : UPR_CLI_EXIT_USAGE;
    }

  sound = upr_store_check (store, report, &error);
  g_print ("%s", report->str);
  if (sound)
    return UPR_CLI_EXIT_OK;
  if (g_error_matches (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CORRUPT))
    g_print ("%s\n", error->message);
  else
    print_error (error->message);
  return UPR_CLI_EXIT_FAILED;
}

/* categorize */

static gboolean
read_all (const char *path,
          char      **contents,
          gsize      *length,
          GError    **error)
{
  g_autoptr(GIOChannel) channel = NULL;

  if (strcmp (path, "-") != 0)
    return g_file_get_contents (path, contents, length, error);
  /* Raw bytes: the text is checked line by line, so an error can name the line. */
  channel = g_io_channel_unix_new (0);
  return g_io_channel_set_encoding (channel, NULL, error)
         && g_io_channel_read_to_end (channel, contents, length, error) == G_IO_STATUS_NORMAL;
}

static char *
invalid_line_message (const char *path,
                      guint       line)
{
  if (strcmp (path, "-") == 0)
    /* Translators: %u is a line number. */
    return g_strdup_printf (_("Line %u of the standard input is not UTF-8 text."), line);
  /* Translators: %u is a line number, %s a file name. */
  return g_strdup_printf (_("Line %u of “%s” is not UTF-8 text."), line, path);
}

/* One category per line of @contents, in @out; a line ends at LF, CR LF or CR. FALSE, with
 * the message in @error_message, at the first line that is not UTF-8. */
static gboolean
categorize_lines (const char *path,
                  const char *contents,
                  gsize       length,
                  GString    *out,
                  char      **error_message)
{
  const char *p = contents, *end = contents + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  for (guint line = 1; p < end; line++)
    {
      const char *eol = p;
      g_autofree char *text = NULL;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      if (!g_utf8_validate (p, eol - p, NULL))
        {
          *error_message = invalid_line_message (path, line);
          return FALSE;
        }
      text = g_strstrip (g_strndup (p, eol - p));
      if (text[0] != '\0')
        g_string_append_printf (out, "%d", upr_action_category_suggest (text, NULL));
      g_string_append_c (out, '\n');
      if (eol == end)
        break;
      p = eol + (*eol == '\r' && eol + 1 < end && eol[1] == '\n' ? 2 : 1);
    }
  return TRUE;
}

static int
run_categorize (UprCliOptions *options)
{
  const char *path = options->args[0];
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;

  if (!read_all (path, &contents, &length, &error))
    {
      print_error (error->message);
      return UPR_CLI_EXIT_FAILED;
    }
  if (!categorize_lines (path, contents, length, out, &message))
    {
      print_error (message);
      return UPR_CLI_EXIT_FAILED;
    }
  g_print ("%s", out->str);
  return UPR_CLI_EXIT_OK;
}

/* demo */

typedef struct
{
  guint workshops;
  guint agenda_items;
  guint participants;
  guint organisations;
  guint recommendations;
} UprCliCounts;

static void
count_participant_cb (UprAttendance   *attendance,
                      UprPerson       *person,
                      UprOrganisation *organisation,
                      gpointer         user_data)
{
  guint *n_participants = user_data;

  (*n_participants)++;
}

static gboolean
count_workshop (UprStore     *store,
                UprRecord    *workshop,
                UprCliCounts *counts,
                GError      **error)
{
  const char *id = upr_record_get_id (workshop);
  g_autoptr(GListModel) agenda = upr_store_list_agenda (store, id, error);

  if (agenda == NULL)
    return FALSE;
  counts->agenda_items += g_list_model_get_n_items (agenda);
  return upr_store_foreach_participant (store, id, count_participant_cb, &counts->participants,
                                        error);
}

static gboolean
count_contents (UprStore     *store,
                UprCliCounts *counts,
                GError      **error)
{
  g_autoptr(GListModel) workshops = upr_store_list_workshops (store, NULL, error);
  g_autoptr(GListModel) organisations = NULL;

  memset (counts, 0, sizeof *counts);
  if (workshops == NULL)
    return FALSE;
  counts->workshops = g_list_model_get_n_items (workshops);
  for (guint i = 0; i < counts->workshops; i++)
    {
      g_autoptr(UprRecord) workshop = g_list_model_get_item (workshops, i);

      if (!count_workshop (store, workshop, counts, error))
        return FALSE;
    }
  organisations = upr_store_list_organisations (store, NULL, error);
  if (organisations == NULL)
    return FALSE;
  counts->organisations = g_list_model_get_n_items (organisations);
  {
    g_autoptr(GArray) by_response = upr_store_count_recommendations (store, NULL, 0,
                                                                     UPR_COUNT_BY_RESPONSE, NULL,
                                                                     &counts->recommendations,
                                                                     error);
    if (by_response == NULL)
      return FALSE;
  }
  return TRUE;
}

static void
print_counts (const UprCliCounts *counts)
{
  g_print ("  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u workshop", "%u workshops", counts->workshops),
           counts->workshops);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u programme item", "%u programme items",
                        counts->agenda_items),
           counts->agenda_items);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants",
                        counts->participants),
           counts->participants);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u organisation", "%u organisations",
                        counts->organisations),
           counts->organisations);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u recommendation", "%u recommendations",
                        counts->recommendations),
           counts->recommendations);
  g_print ("\n");
}

static gboolean
counts_equal (const UprCliCounts *a,
              const UprCliCounts *b)
{
  return a->workshops == b->workshops && a->agenda_items == b->agenda_items
         && a->participants == b->participants && a->organisations == b->organisations
         && a->recommendations == b->recommendations;
}

static guint
added (guint before,
       guint after)
{
  return after > before ? after - before : 0;
}

static void
report_demo (const char         *path,
             const UprCliCounts *before,
             const UprCliCounts *after)
{
  UprCliCounts new_rows = {
    added (before->workshops, after->workshops),
    added (before->agenda_items, after->agenda_items),
    added (before->participants, after->participants),
    added (before->organisations, after->organisations),
    added (before->recommendations, after->recommendations),
  };

  if (counts_equal (before, after))
    {
      /* Translators: %s is the path of the database file. */
      g_print (_("The demo data is already in “%s”: nothing was added."), path);
      g_print ("\n");
    }
  else
    {
      /* Translators: %s is the path of the database file. */
      g_print (_("Added the demo data to “%s”:"), path);
      g_print ("\n");
      print_counts (&new_rows);
    }
  g_print ("%s\n", _("The database now holds:"));
  print_counts (after);
}

static int
run_demo (UprCliOptions *options)
{
  g_autofree char *path = database_path (options);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = open_store (path, FALSE, &error);
  UprCliCounts before, after;

  if (store == NULL)
    {
      print_error (error->message);
      return UPR_CLI_EXIT_USAGE;
    }
  if (!count_contents (store, &before, &error) || !upr_demo_load (store, &error)
      || !count_contents (store, &after, &error))
    {
      print_error (error->message);
      return UPR_CLI_EXIT_FAILED;
    }
  report_demo (path, &before, &after);
  return UPR_CLI_EXIT_OK;
}

/* export */

static int
run_export (UprCliOptions *options)
{
  const UprCliCommand *command = lookup_command ("export");
  g_autofree char *path = database_path (options);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprCliExport) export = upr_cli_export_parse (options->args, &error);
  g_autoptr(UprStore) store = NULL;

  if (export == NULL)
    {
      g_autofree char *help = command_help (command);

      print_error (error->message);
      g_printerr ("\n%s", help);
      return UPR_CLI_EXIT_USAGE;
    }
  /* Exporting from a mistyped path must not leave a new, empty database behind. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file path. */
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), path);

      print_error (message);
      return UPR_CLI_EXIT_USAGE;
    }
  store = open_store (path, FALSE, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return UPR_CLI_EXIT_USAGE;
    }
  return upr_cli_export_run (export, store);
}

/* import */

static int
run_import (UprCliOptions *options)
{
  const UprCliCommand *command = lookup_command ("import");
  g_autofree char *path = database_path (options);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprCliImport) import = upr_cli_import_parse (options->args, &error);
  g_autoptr(UprStore) store = NULL;

  if (import == NULL)
    {
      g_autofree char *help = command_help (command);

      print_error (error->message);
      g_printerr ("\n%s", help);
      return UPR_CLI_EXIT_USAGE;
    }
  store = open_store (path, FALSE, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return UPR_CLI_EXIT_USAGE;
    }
  return upr_cli_import_run (import, store);
}

/* help */

static int
run_help (UprCliOptions *options)
{
  const UprCliCommand *command = NULL;
  g_autofree char *help = NULL;

  if (options->args[0] != NULL)
    {
      command = lookup_command (options->args[0]);
      if (command == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."),
                                                      options->args[0]);

          return usage_error (message);
        }
    }
  help = command != NULL ? command_help (command) : full_help ();
  g_print ("%s", help);
  return UPR_CLI_EXIT_OK;
}

/* Public API */

gboolean
upr_cli_handles (int    argc,
                 char **argv)
{
  g_return_val_if_fail (argc == 0 || argv != NULL, FALSE);

  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    {
      if (is_option_with_value (argv[i]))
        i++;
      else if (is_cli_option (argv[i]))
        return TRUE;
    }
  return find_command_index (argc, argv) > 0;
}

static int
run_command (const UprCliCommand *command,
             UprCliOptions       *options)
{
  guint n_args = g_strv_length (options->args);

  if (n_args < command->min_args || n_args > command->max_args)
    {
      g_autofree char *help = command_help (command);
      g_autofree char *message = NULL;

      if (n_args < command->min_args)
        /* Translators: %s is a command name, such as “check”. */
        message = g_strdup_printf (_("“%s” needs more arguments."), command->name);
      else
        /* Translators: %s is a command name, such as “check”. */
        message = g_strdup_printf (_("Too many arguments for “%s”."), command->name);
      print_error (message);
      g_printerr ("\n%s", help);
      return UPR_CLI_EXIT_USAGE;
    }
  return command->run (options);
}

int
upr_cli_run (int    argc,
             char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *import = NULL;
  gboolean version = FALSE, help = FALSE;
  const UprCliCommand *command;
  UprCliOptions options = { NULL };

  g_return_val_if_fail (argc > 0 && argv != NULL, UPR_CLI_EXIT_USAGE);

  /* The usage line says "upright" even when run through a wrapper or a renamed link. */
  if (g_get_prgname () == NULL)
    g_set_prgname ("upright");
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = new_option_context (&database, &import, &version, &help);
  command = lookup_command (argv[find_command_index (argc, argv)]);
  /* Its options are left in args for the command to parse. */
  if (command != NULL && command->own_options)
    g_option_context_set_ignore_unknown_options (context, TRUE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message);

  if (version)
    {
      g_print ("Upright %s\n", PACKAGE_VERSION);
      return UPR_CLI_EXIT_OK;
    }

  /* args is now { program, command, arguments… }; --help works as `help COMMAND`. */
  options.database = database;
  if (help || args[1] == NULL)
    {
      options.args = args[1] != NULL ? &args[1] : &args[0] + g_strv_length (args);
      return run_help (&options);
    }
  if (import != NULL)
    return usage_error (_("--import opens the window: it does not go with a command (to "
                          "import from the command line, use “upright import FILE”)."));
  command = lookup_command (args[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), args[1]);

      return usage_error (message);
    }
  options.args = &args[2];
  return run_command (command, &options);
}
