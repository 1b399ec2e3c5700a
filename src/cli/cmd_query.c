/* dragoman events|people|partners|facts|show|search|export: queries over a
 * knowledge base. One option table serves every command; each option names
 * the commands it applies to, and usage text is printed from the table. */
#include "../core/buf.h"
#include "../lex/gazetteer.h"
#include "../out/json.h"
#include "../out/query.h"
#include "../out/rows.h"
#include "cli.h"
#include "pipeline.h"
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    C_EVENTS = 1,
    C_PEOPLE = 2,
    C_PARTNERS = 4,
    C_FACTS = 8,
    C_SHOW = 16,
    C_SEARCH = 32,
    C_EXPORT = 64,
    C_ALL = 127
};

static const struct command {
    const char *name;
    unsigned bit;
    const char *args; /* the positional argument, or "" */
    const char *about;
} COMMANDS[] = {
    {"events", C_EVENTS, "", "events by date: id, date, kind, status, place, participants, topics, sources"},
    {"people", C_PEOPLE, "", "who's who: name, state or organization, latest title and role, first and last seen"},
    {"partners", C_PARTNERS, "COUNTRY",
     "the states COUNTRY dealt with, by number of events, with counts per kind, highest level, top topics"},
    {"facts", C_FACTS, "", "trade and investment figures as reported; --series: per year and party pair"},
    {"show", C_SHOW, "ID", "one event: its fields, participants, sources, evidence sentences, announcement"},
    {"search", C_SEARCH, "TEXT",
     "full-text search of the documents (FTS5: words, \"phrases\", prefix*, AND, OR, NOT), best first"},
    {"export", C_EXPORT, "", "dyadic event data, one row per event and actor pair (jsonl, csv, tsv)"},
};

enum { O_DB, O_FORMAT, O_COUNTRY, O_WITH, O_PERSON, O_NAME, O_KIND, O_STATUS, O_TOPIC, O_ROLE, O_METRIC,
       O_SINCE, O_UNTIL, O_LIMIT, O_SERIES, O_HELP, O_COUNT };

static const struct option {
    const char *name;
    const char *arg; /* NULL for a flag */
    unsigned cmds;
    const char *help;
} OPTIONS[O_COUNT] = {
    [O_DB] = {"--db", "PATH", C_ALL, "the knowledge base (default ./dragoman.db), opened read-only"},
    [O_FORMAT] = {"--format", "FORMAT", C_ALL, "table (default on a terminal and for show, else tsv; export: jsonl), json, jsonl, csv or tsv"},
    [O_COUNTRY] = {"--country", "ISO3", C_EVENTS | C_PEOPLE | C_FACTS | C_EXPORT,
                   "a participant's state or the location (people: their state; facts: either party)"},
    [O_WITH] = {"--with", "ISO3", C_EVENTS | C_PARTNERS | C_FACTS | C_EXPORT,
                "a participant of that state (with --country: between the two; partners: only this one)"},
    [O_PERSON] = {"--person", "NAME", C_EVENTS | C_EXPORT, "a participant's name or surname (case and accents ignored)"},
    [O_NAME] = {"--name", "NAME", C_PEOPLE, "name or surname (case and accents ignored)"},
    [O_KIND] = {"--kind", "KIND", C_EVENTS | C_PARTNERS | C_EXPORT, "meeting, multilateral, visit, call or agreement"},
    [O_STATUS] = {"--status", "STATUS", C_EVENTS | C_PARTNERS | C_EXPORT, "occurred or planned"},
    [O_TOPIC] = {"--topic", "TOPIC", C_EVENTS | C_PARTNERS | C_EXPORT, "a topic of the vocabulary (trade, energy, ...)"},
    [O_ROLE] = {"--role", "ROLE", C_PEOPLE, "the latest role (head_of_state, foreign_minister, ...)"},
    [O_METRIC] = {"--metric", "METRIC", C_FACTS,
                  "trade_turnover, trade_target, investment, export, companies or joint_projects"},
    [O_SINCE] = {"--since", "DATE", C_EVENTS | C_PEOPLE | C_PARTNERS | C_FACTS | C_SEARCH | C_EXPORT,
                 "on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; facts: the figure's year)"},
    [O_UNTIL] = {"--until", "DATE", C_EVENTS | C_PEOPLE | C_PARTNERS | C_FACTS | C_SEARCH | C_EXPORT,
                 "on or before DATE (a partial date includes all of it)"},
    [O_LIMIT] = {"--limit", "N", C_ALL & ~C_SHOW, "at most N rows"},
    [O_SERIES] = {"--series", NULL, C_FACTS, "one row per metric, party pair, year and value, with documents"},
    [O_HELP] = {"--help", NULL, C_ALL, "this text"},
};

static void usage(const struct command *c, FILE *f) {
    fprintf(f, "usage: dragoman %s [OPTIONS]%s%s\n\n  %s\n\n", c->name, *c->args ? " " : "", c->args, c->about);
    for (int o = 0; o < O_COUNT; o++) {
        if (!(OPTIONS[o].cmds & c->bit)) continue;
        char left[32];
        snprintf(left, sizeof left, "%s%s%s", OPTIONS[o].name, OPTIONS[o].arg ? " " : "",
                 OPTIONS[o].arg ? OPTIONS[o].arg : "");
        fprintf(f, "  %-18s %s\n", left, OPTIONS[o].help);
    }
    fputs("\nExit status: 0 on success, 1 when the query cannot run (no knowledge base, no such\n"
          "event, a malformed search), 2 for bad arguments.\n",
          f);
}

/* Parsed arguments: raw option values by O_*, the positional argument, and copies made upper case. */
typedef struct {
    const char *value[O_COUNT];
    const char *positional;
    dm_buf words; /* search: the positional words joined by spaces */
    char country[16], with[16];
} query_args;

static int in_list(const char *s, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (list[i] && !strcmp(s, list[i])) return 1;
    return 0;
}

/* An ISO alpha-3 code (or an organization code for facts' parties), upper-cased into out. */
static int valid_code(const char *s, char out[16]) {
    size_t n = strlen(s);
    if (n < 2 || n > 10) return 0;
    for (size_t i = 0; i < n; i++) {
        if (!isalnum((unsigned char)s[i])) return 0;
        out[i] = (char)toupper((unsigned char)s[i]);
    }
    out[n] = 0;
    return 1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int valid_date(const char *s) {
    static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
    for (size_t k = 0; k < 3; k++) {
        const char *p = shapes[k];
        size_t i = 0;
        while (p[i] && s[i] && (p[i] == 'd' ? isdigit((unsigned char)s[i]) : s[i] == p[i])) i++;
        if (!p[i] && !s[i]) return 1;
    }
    return 0;
}

/* Checks a value against the option's vocabulary; prints the error and returns 0 if it is not in it. */
static int check_value(const char *cmd, int o, const char *v, query_args *a) {
    const char *const kinds[] = {dm_event_kind_name(1), dm_event_kind_name(2), dm_event_kind_name(3),
                                 dm_event_kind_name(4), dm_event_kind_name(5)};
    const char *const statuses[] = {"occurred", "planned"};
    const char *const metrics[] = {dm_metric_name(1), dm_metric_name(2), dm_metric_name(3),
                                   dm_metric_name(4), dm_metric_name(5), dm_metric_name(6)};
    const char *want = NULL;
    switch (o) {
    case O_COUNTRY:
    case O_WITH:
        if (!valid_code(v, o == O_COUNTRY ? a->country : a->with)) want = "an ISO alpha-3 code such as KAZ";
        break;
    case O_KIND:
        if (!in_list(v, kinds, 5)) want = "meeting, multilateral, visit, call or agreement";
        break;
    case O_STATUS:
        if (!in_list(v, statuses, 2)) want = "occurred or planned";
        break;
    case O_TOPIC:
        if (!in_list(v, DM_TOPIC_NAMES, DM_NTOPICS)) want = "a topic such as trade, energy, security (see spec)";
        break;
    case O_ROLE:
        if (!in_list(v, DM_ROLE_NAMES, R_COUNT)) want = "a role such as head_of_state, foreign_minister, minister";
        break;
    case O_METRIC:
        if (!in_list(v, metrics, 6)) want = "trade_turnover, trade_target, investment, export, companies or joint_projects";
        break;
    case O_SINCE:
    case O_UNTIL:
        if (!valid_date(v)) want = "a date as YYYY, YYYY-MM or YYYY-MM-DD";
        break;
    case O_LIMIT: {
        long n;
        if (!dm_cli_count(v, LONG_MAX, &n)) want = "a whole number of rows, 1 or more";
        break;
    }
    case O_FORMAT: {
        dm_format f;
        if (!dm_format_parse(v, &f)) want = "table, json, jsonl, csv or tsv";
        break;
    }
    default: break;
    }
    if (!want) return 1;
    fprintf(stderr, "dragoman %s: %s takes %s, not '%s'\n", cmd, OPTIONS[o].name, want, v);
    return 0;
}

/* Parses argv for command c. Returns -1 to go on, else the exit status (0 after --help). */
static int parse_args(const struct command *c, int argc, char **argv, query_args *a) {
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h")) arg = "--help";
        if (!strcmp(arg, "--")) { /* the rest is positional (a search may start with '-') */
            for (i++; i < argc; i++) {
                if (a->words.len) dm_buf_putc(&a->words, ' ');
                dm_buf_puts(&a->words, argv[i]);
                if (!a->positional) a->positional = argv[i];
            }
            break;
        }
        if (arg[0] == '-' && arg[1]) {
            int o = 0;
            while (o < O_COUNT && strcmp(arg, OPTIONS[o].name)) o++;
            if (o == O_COUNT) {
                fprintf(stderr, "dragoman %s: unknown option '%s' (see dragoman %s --help)\n", c->name, arg, c->name);
                return 2;
            }
            if (!(OPTIONS[o].cmds & c->bit)) {
                fprintf(stderr, "dragoman %s: %s does not apply to %s (see dragoman %s --help)\n", c->name, arg,
                        c->name, c->name);
                return 2;
            }
            if (o == O_HELP) {
                usage(c, stdout);
                return 0;
            }
            if (!OPTIONS[o].arg) {
                a->value[o] = "1";
                continue;
            }
            if (i + 1 >= argc) {
                fprintf(stderr, "dragoman %s: %s needs %s\n", c->name, arg, OPTIONS[o].arg);
                return 2;
            }
            a->value[o] = argv[++i];
            if (!check_value(c->name, o, a->value[o], a)) return 2;
            continue;
        }
        if (!*c->args || (a->positional && c->bit != C_SEARCH)) {
            fprintf(stderr, "dragoman %s: unexpected argument '%s' (see dragoman %s --help)\n", c->name, arg, c->name);
            return 2;
        }
        if (a->words.len) dm_buf_putc(&a->words, ' ');
        dm_buf_puts(&a->words, arg);
        if (!a->positional) a->positional = arg;
    }
    if (*c->args && !a->positional) {
        fprintf(stderr, "dragoman %s: missing %s (see dragoman %s --help)\n", c->name, c->args, c->name);
        return 2;
    }
    return -1;
}

/* Table cells are cut at this many display columns. */
#define TABLE_CELL_WIDTH 48

static void write_section(const char *title, const dm_rows *r, dm_buf *out) {
    dm_buf_printf(out, "\n%s\n", title);
    dm_rows_write(r, DM_FMT_TABLE, TABLE_CELL_WIDTH, out);
}

/* show: a record and sub-tables on a terminal; one nested object in JSON;
 * the event's flat row in CSV and TSV. */
static void write_show(const dm_event_detail *d, dm_format f, dm_buf *out) {
    if (f == DM_FMT_CSV || f == DM_FMT_TSV) {
        dm_rows_write(&d->event, f, 0, out);
        return;
    }
    if (f == DM_FMT_TABLE) {
        dm_rows_write_record(&d->event, 0, out);
        write_section("participants", &d->participants, out);
        write_section("sources", &d->sources, out);
        dm_buf_puts(out, "\nevidence\n");
        for (size_t i = 0; i < d->evidence.nrows; i++) {
            const char *text = dm_rows_get(&d->evidence, i, "text");
            dm_buf_printf(out, "  [report %s, %s, bytes %s-%s]\n    ", dm_rows_get(&d->evidence, i, "report"),
                          dm_rows_get(&d->evidence, i, "document"), dm_rows_get(&d->evidence, i, "start"),
                          dm_rows_get(&d->evidence, i, "end"));
            dm_buf_puts(out, text ? text : "(span outside the document)");
            dm_buf_putc(out, '\n');
        }
        if (!d->evidence.nrows) dm_buf_puts(out, "(no rows)\n");
        if (d->planned.nrows) write_section("announced as", &d->planned, out);
        if (d->followed_by.nrows) write_section("fulfilled by", &d->followed_by, out);
        return;
    }
    if (f == DM_FMT_JSON) dm_buf_puts(out, "[");
    dm_rows_write_object(&d->event, 0, out);
    out->len--; /* reopen the object for the nested parts */
    const struct {
        const char *key;
        const dm_rows *rows;
    } nested[] = {{"participants", &d->participants}, {"sources", &d->sources},
                  {"evidence", &d->evidence},             {"followed_by", &d->followed_by}};
    for (size_t k = 0; k < sizeof nested / sizeof nested[0]; k++) {
        dm_buf_printf(out, ",\"%s\":", nested[k].key);
        dm_rows_write_array(nested[k].rows, out);
    }
    dm_buf_puts(out, ",\"planned\":");
    if (d->planned.nrows) dm_rows_write_object(&d->planned, 0, out);
    else dm_buf_puts(out, "null");
    dm_buf_puts(out, f == DM_FMT_JSON ? "}]\n" : "}\n");
}

static int run(const struct command *c, query_args *a) {
    /* a table for a person at a terminal; tab-separated lines with a header for a pipe (cut, sort, awk) */
    dm_format format = c->bit == C_EXPORT                 ? DM_FMT_JSONL
                       : c->bit == C_SHOW || isatty(1) ? DM_FMT_TABLE /* show: sections for a reader */
                                                         : DM_FMT_TSV;
    if (a->value[O_FORMAT]) dm_format_parse(a->value[O_FORMAT], &format);
    dm_query_filter f = {0};
    f.country = a->value[O_COUNTRY] ? a->country : NULL;
    f.with = a->value[O_WITH] ? a->with : NULL;
    f.person = a->value[O_PERSON];
    f.name = a->value[O_NAME];
    f.kind = a->value[O_KIND];
    f.status = a->value[O_STATUS];
    f.topic = a->value[O_TOPIC];
    f.role = a->value[O_ROLE];
    f.metric = a->value[O_METRIC];
    f.since = a->value[O_SINCE];
    f.until = a->value[O_UNTIL];
    f.limit = a->value[O_LIMIT] ? strtol(a->value[O_LIMIT], NULL, 10) : 0;
    long long show_id = 0;
    if (c->bit == C_PARTNERS) {
        if (!valid_code(a->positional, a->country)) {
            fprintf(stderr, "dragoman partners: COUNTRY is an ISO alpha-3 code such as KAZ, not '%s'\n",
                    a->positional);
            return 2;
        }
        f.country = a->country;
    } else if (c->bit == C_SHOW) {
        char *end = NULL;
        show_id = strtoll(a->positional, &end, 10);
        if (end == a->positional || *end || show_id < 1) {
            fprintf(stderr, "dragoman show: ID is an event's number (see dragoman events), not '%s'\n",
                    a->positional);
            return 2;
        }
    }
    const char *path = a->value[O_DB] ? a->value[O_DB] : "dragoman.db";
    dm_error err = {0};
    dm_kb *kb = dm_kb_open(path, &err);
    if (!kb) {
        fprintf(stderr, "dragoman %s: %s\n", c->name, err.msg);
        return 1;
    }
    dm_rows rows;
    dm_rows_init(&rows);
    dm_event_detail detail;
    dm_buf out;
    dm_buf_init(&out);
    dm_status s = DM_OK;
    switch (c->bit) {
    case C_EVENTS: s = dm_query_events(kb, &f, &rows, &err); break;
    case C_PEOPLE: s = dm_query_people(kb, &f, &rows, &err); break;
    case C_PARTNERS: s = dm_query_partners(kb, &f, &rows, &err); break;
    case C_FACTS: s = dm_query_facts(kb, &f, a->value[O_SERIES] != NULL, &rows, &err); break;
    case C_SEARCH: s = dm_query_search(kb, a->words.data, &f, &rows, &err); break;
    case C_EXPORT: s = dm_query_export(kb, &f, &rows, &err); break;
    case C_SHOW:
        s = dm_query_show(kb, show_id, &detail, &err);
        if (s == DM_OK) write_show(&detail, format, &out);
        dm_event_detail_free(&detail);
        break;
    }
    if (s == DM_OK && c->bit != C_SHOW) dm_rows_write(&rows, format, TABLE_CELL_WIDTH, &out);
    int status = 0;
    if (s != DM_OK) {
        fprintf(stderr, "dragoman %s: %s\n", c->name, err.msg);
        status = 1;
    } else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        fprintf(stderr, "dragoman %s: cannot write the output\n", c->name);
        status = 1;
    }
    dm_buf_free(&out);
    dm_rows_free(&rows);
    dm_kb_close(kb);
    return status;
}

int dm_cmd_query(int argc, char **argv) {
    const struct command *c = NULL;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(argv[0], COMMANDS[i].name)) c = &COMMANDS[i];
    if (!c) return 2;
    query_args a;
    memset(&a, 0, sizeof a);
    dm_buf_init(&a.words);
    int status = parse_args(c, argc, argv, &a);
    if (status < 0) status = run(c, &a);
    dm_buf_free(&a.words);
    return status;
}

int dm_is_query_command(const char *name) {
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(name, COMMANDS[i].name)) return 1;
    return 0;
}
