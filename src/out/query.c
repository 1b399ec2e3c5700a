/* Queries over the knowledge base (see query.h and src/out/schema.sql).
 * SQL is assembled from fixed fragments with named parameters (:country,
 * :person, ...); user text is only ever bound, never pasted. */
#include "query.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/error.h"
#include "../core/utf8.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dm_kb {
    sqlite3 *db;
};

/* ---- opening -------------------------------------------------------------- */

/* dm_fold(text): lower case, accents removed, for case- and accent-insensitive matching. */
static void sql_fold(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(cx);
        return;
    }
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    size_t cap = n * 3 + 4; /* folding can expand a character (e.g. ß to ss) */
    char *out = dm_xmalloc(cap);
    size_t len = dm_fold(s, n, out, cap);
    sqlite3_result_text(cx, out, (int)len, free);
}

static const char *const KB_TABLES[] = {"documents", "documents_fts", "people", "person_titles", "events",
                                        "event_topics", "reports",   "participants", "evidence", "facts"};

dm_kb *dm_kb_open(const char *path, dm_error *err) {
    struct stat st;
    if (stat(path, &st) != 0) {
        dm_error_set(err, DM_ERR_IO, 0,
                     "no knowledge base at %s; run 'dragoman ingest' first (or give its path with --db)", path);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        dm_error_set(err, DM_ERR_IO, 0, "%s is a directory; give the knowledge base file with --db", path);
        return NULL;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        dm_error_set(err, DM_ERR_IO, 0, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000); /* an ingest may be writing */
    sqlite3_stmt *st_version = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st_version, NULL) == SQLITE_OK &&
        sqlite3_step(st_version) == SQLITE_ROW)
        version = sqlite3_column_int(st_version, 0);
    else {
        dm_error_set(err, DM_ERR_IO, 0, "%s is not a knowledge base (%s); run 'dragoman ingest' to make one", path,
                     sqlite3_errmsg(db));
        sqlite3_finalize(st_version);
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_finalize(st_version);
    size_t found = 0, ntables = sizeof KB_TABLES / sizeof KB_TABLES[0];
    sqlite3_stmt *st_table = NULL;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1", -1, &st_table,
                           NULL) == SQLITE_OK)
        for (size_t i = 0; i < ntables; i++) {
            sqlite3_reset(st_table);
            sqlite3_bind_text(st_table, 1, KB_TABLES[i], -1, SQLITE_STATIC);
            if (sqlite3_step(st_table) == SQLITE_ROW) found++;
        }
    sqlite3_finalize(st_table);
    if (found == 0) {
        dm_error_set(err, DM_ERR_IO, 0,
                     "%s is an SQLite database but not a dragoman knowledge base (no dragoman tables); "
                     "run 'dragoman ingest' first",
                     path);
    } else if (version < 1 || version > DM_STORE_SCHEMA_VERSION) {
        /* versions 1 to 3 read as 4 does: the same tables and columns (version 1: evidence a table, not a view;
         * versions 1 to 3: reports.json besides, which no query reads) */
        dm_error_set(err, DM_ERR_IO, 0,
                     "%s has knowledge-base schema version %d, this dragoman reads versions 1 to %d; "
                     "use the dragoman that made it, or re-create it with this one's 'dragoman ingest'",
                     path, version, DM_STORE_SCHEMA_VERSION);
    } else if (found < ntables) {
        dm_error_set(err, DM_ERR_IO, 0, "%s lacks tables of schema version %d; re-create it with 'dragoman ingest'",
                     path, DM_STORE_SCHEMA_VERSION);
    } else if (sqlite3_create_function_v2(db, "dm_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold,
                                          NULL, NULL, NULL) != SQLITE_OK) {
        dm_error_set(err, DM_ERR_IO, 0, "%s: %s", path, sqlite3_errmsg(db));
    } else {
        dm_kb *kb = dm_xmalloc(sizeof *kb);
        kb->db = db;
        return kb;
    }
    sqlite3_close(db);
    return NULL;
}

void dm_kb_close(dm_kb *kb) {
    if (!kb) return;
    sqlite3_close(kb->db);
    free(kb);
}

/* ---- running statements ---------------------------------------------------- */

static dm_status prepare(dm_kb *kb, const char *sql, sqlite3_stmt **st, dm_error *err) {
    if (sqlite3_prepare_v3(kb->db, sql, -1, 0, st, NULL) != SQLITE_OK) {
        dm_status s = dm_error_set(err, DM_ERR_IO, 0, "query failed: %s", sqlite3_errmsg(kb->db));
        sqlite3_finalize(*st);
        *st = NULL;
        return s;
    }
    return DM_OK;
}

/* Binds value to the named parameter if the statement has it. */
static void bind_text(sqlite3_stmt *st, const char *name, const char *value) {
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0 && value) sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
}

static void bind_int(sqlite3_stmt *st, const char *name, long long value) {
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0) sqlite3_bind_int64(st, i, value);
}

/* Folds user text for matching against dm_fold(name); the caller frees. */
static char *fold_copy(const char *s) {
    size_t n = strlen(s), cap = n * 3 + 4;
    char *out = dm_xmalloc(cap + 1);
    out[dm_fold(s, n, out, cap)] = 0;
    return out;
}

/* Binds every filter the statement names. */
static void bind_filters(sqlite3_stmt *st, const dm_query_filter *f) {
    bind_text(st, ":country", f->country);
    bind_text(st, ":with", f->with);
    bind_text(st, ":kind", f->kind);
    bind_text(st, ":status", f->status);
    bind_text(st, ":topic", f->topic);
    bind_text(st, ":role", f->role);
    bind_text(st, ":metric", f->metric);
    bind_text(st, ":since", f->since);
    bind_text(st, ":until", f->until);
    if (f->since) bind_int(st, ":since_year", atoll(f->since));
    if (f->until) bind_int(st, ":until_year", atoll(f->until));
    bind_int(st, ":limit", f->limit > 0 ? f->limit : -1);
    const char *names[] = {":person", ":name"};
    const char *values[] = {f->person, f->name};
    for (int k = 0; k < 2; k++)
        if (values[k]) {
            char *folded = fold_copy(values[k]);
            bind_text(st, names[k], folded);
            free(folded);
        }
}

/* Copies a statement's current row into a new row of out (columns taken from the statement on first use). */
static void take_row(sqlite3_stmt *st, dm_rows *out) {
    int n = sqlite3_column_count(st);
    if (!out->ncols) {
        const char **names = dm_xmalloc((size_t)(n ? n : 1) * sizeof *names);
        for (int c = 0; c < n; c++) names[c] = sqlite3_column_name(st, c);
        dm_rows_set_columns(out, (size_t)n, names);
        free(names);
    }
    size_t row = dm_rows_add(out);
    for (int c = 0; c < n && (size_t)c < out->ncols; c++) {
        switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER: dm_rows_set_int(out, row, (size_t)c, sqlite3_column_int64(st, c)); break;
        case SQLITE_FLOAT: dm_rows_set_real(out, row, (size_t)c, sqlite3_column_double(st, c)); break;
        case SQLITE_NULL: break;
        default: dm_rows_set_text(out, row, (size_t)c, (const char *)sqlite3_column_text(st, c));
        }
    }
}

/* Steps st to the end, appending every row to out; the columns are set even when no row comes. */
static dm_status run_into(dm_kb *kb, sqlite3_stmt *st, dm_rows *out, dm_error *err) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) take_row(st, out);
    if (!out->ncols) {
        int n = sqlite3_column_count(st);
        const char **names = dm_xmalloc((size_t)(n ? n : 1) * sizeof *names);
        for (int c = 0; c < n; c++) names[c] = sqlite3_column_name(st, c);
        dm_rows_set_columns(out, (size_t)n, names);
        free(names);
    }
    if (rc != SQLITE_DONE) return dm_error_set(err, DM_ERR_IO, 0, "query failed: %s", sqlite3_errmsg(kb->db));
    return DM_OK;
}

/* Prepares sql, binds the filters, runs it into out. */
static dm_status query_rows(dm_kb *kb, const char *sql, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    sqlite3_stmt *st = NULL;
    dm_status s = prepare(kb, sql, &st, err);
    if (s != DM_OK) return s;
    bind_filters(st, f);
    s = run_into(kb, st, out, err);
    sqlite3_finalize(st);
    return s;
}

/* ---- shared SQL fragments ------------------------------------------------------ */

/* A merged event's participants as "Name (KAZ); OSCE; DEU", in order of first report. */
#define SQL_PARTICIPANTS                                                                                    \
    "(SELECT group_concat(label, '; ') FROM (SELECT CASE pa.kind"                                           \
    " WHEN 'person' THEN coalesce(pe.name, pa.name, '?') || ' (' || coalesce(pa.country, pa.org, pe.country," \
    " pe.org, '?') || ')'"                                                                                  \
    " WHEN 'org' THEN coalesce(pa.org, pa.name, '?') ELSE coalesce(pa.country, pa.name, '?') END AS label"   \
    " FROM reports r JOIN participants pa ON pa.report_id = r.id LEFT JOIN people pe ON pe.id = pa.person_id" \
    " WHERE r.event_id = e.id GROUP BY label ORDER BY min(r.id * 100000 + pa.seq)))"

#define SQL_TOPICS "(SELECT group_concat(topic, ' ') FROM (SELECT topic FROM event_topics WHERE event_id = e.id ORDER BY topic))"

#define SQL_PLACE                                                                                        \
    "nullif(coalesce(e.city, '') || CASE WHEN e.city IS NOT NULL AND e.country IS NOT NULL THEN ', ' ELSE" \
    " '' END || coalesce(e.country, ''), '')"

#define SQL_SOURCES "(SELECT count(DISTINCT r.doc_id) FROM reports r WHERE r.event_id = e.id)"

/* The CAMEO code most of the event's reports give (the earliest report breaks ties). */
#define SQL_CAMEO                                                                                          \
    "coalesce((SELECT r.cameo FROM reports r WHERE r.event_id = e.id AND r.cameo IS NOT NULL GROUP BY r.cameo" \
    " ORDER BY count(*) DESC, min(r.id) LIMIT 1), e.cameo)"

#define SQL_FIRST_DOCUMENT                                                                             \
    "(SELECT d.name FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id = e.id"       \
    " ORDER BY d.published IS NULL, d.published, d.id LIMIT 1)"

#define SQL_EVENT_ROW                                                                                      \
    "SELECT e.id AS id, e.date AS date, e.kind AS kind, e.status AS status, " SQL_PLACE " AS place, "      \
    SQL_PARTICIPANTS " AS participants, " SQL_TOPICS " AS topics, " SQL_SOURCES " AS sources FROM events e"

#define SQL_HAS_PARTICIPANT_STATE(param)                                                                  \
    "EXISTS (SELECT 1 FROM reports r JOIN participants pa ON pa.report_id = r.id WHERE r.event_id = e.id" \
    " AND pa.country = " param ")"

/* Dates are compared at the precision both have: an event of '2023' is neither
 * before nor after '2023-05', so both --since and --until keep it. */
static void append_event_filters(dm_buf *sql, const dm_query_filter *f) {
    if (f->country) dm_buf_puts(sql, " AND (e.country = :country OR " SQL_HAS_PARTICIPANT_STATE(":country") ")");
    if (f->with) dm_buf_puts(sql, " AND " SQL_HAS_PARTICIPANT_STATE(":with"));
    if (f->person)
        dm_buf_puts(sql, " AND EXISTS (SELECT 1 FROM reports r JOIN participants pa ON pa.report_id = r.id"
                         " LEFT JOIN people pe ON pe.id = pa.person_id WHERE r.event_id = e.id AND (pe.surname ="
                         " :person OR instr(dm_fold(coalesce(pe.name, pa.name, '')), :person) > 0))");
    if (f->kind) dm_buf_puts(sql, " AND e.kind = :kind");
    if (f->status) dm_buf_puts(sql, " AND e.status = :status");
    if (f->topic)
        dm_buf_puts(sql, " AND EXISTS (SELECT 1 FROM event_topics t WHERE t.event_id = e.id AND t.topic = :topic)");
    if (f->since)
        dm_buf_puts(sql, " AND e.date IS NOT NULL AND substr(e.date, 1, length(:since)) >= substr(:since, 1,"
                         " length(e.date))");
    if (f->until)
        dm_buf_puts(sql, " AND e.date IS NOT NULL AND substr(e.date, 1, length(:until)) <= substr(:until, 1,"
                         " length(e.date))");
}

#define SQL_EVENT_ORDER " ORDER BY e.date IS NULL, e.date, e.id"

dm_status dm_query_events(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, SQL_EVENT_ROW " WHERE 1");
    append_event_filters(&sql, f);
    dm_buf_puts(&sql, SQL_EVENT_ORDER " LIMIT :limit");
    dm_status s = query_rows(kb, sql.data, f, out, err);
    dm_buf_free(&sql);
    return s;
}

/* ---- people ---------------------------------------------------------------------- */

/* The latest title held; "his Kazakh counterpart" tells a relation, not an office,
 * so such a description is shown only when nothing else was said. */
#define SQL_LATEST_TITLE(col)                                                                           \
    "(SELECT t." col " FROM person_titles t WHERE t.person_id = p.id ORDER BY t.last_seen IS NULL,"      \
    " t.title LIKE '%counterpart%', t.last_seen DESC, t.first_seen DESC, t.reports DESC, t.title LIMIT 1)"

dm_status dm_query_people(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql,
                "SELECT * FROM (SELECT p.id AS id, p.name AS name, p.country AS country, p.org AS org, "
                SQL_LATEST_TITLE("title") " AS title, " SQL_LATEST_TITLE("role") " AS role,"
                " p.first_seen AS first_seen, p.last_seen AS last_seen,"
                " (SELECT count(DISTINCT r.event_id) FROM participants pa JOIN reports r ON r.id = pa.report_id"
                " WHERE pa.person_id = p.id) AS events,"
                " (SELECT json_group_array(json_object('title', title, 'role', role, 'first_seen', first_seen,"
                " 'last_seen', last_seen, 'reports', reports)) FROM (SELECT * FROM person_titles t"
                " WHERE t.person_id = p.id ORDER BY t.first_seen IS NULL, t.first_seen, t.title)) AS titles"
                " FROM people p WHERE 1");
    if (f->country) dm_buf_puts(&sql, " AND p.country = :country");
    if (f->name) dm_buf_puts(&sql, " AND (p.surname = :name OR instr(dm_fold(p.name), :name) > 0)");
    if (f->person) dm_buf_puts(&sql, " AND (p.surname = :person OR instr(dm_fold(p.name), :person) > 0)");
    dm_buf_puts(&sql, ") AS q WHERE 1");
    if (f->role) dm_buf_puts(&sql, " AND q.role = :role");
    if (f->since) dm_buf_puts(&sql, " AND substr(q.last_seen, 1, length(:since)) >= substr(:since, 1, length(q.last_seen))");
    if (f->until) dm_buf_puts(&sql, " AND substr(q.first_seen, 1, length(:until)) <= substr(:until, 1, length(q.first_seen))");
    dm_buf_puts(&sql, " ORDER BY q.events DESC, q.name, q.id LIMIT :limit");
    dm_status s = query_rows(kb, sql.data, f, out, err);
    if (s == DM_OK) dm_rows_mark_json(out, "titles");
    dm_buf_free(&sql);
    return s;
}

/* ---- partners -------------------------------------------------------------------- */

/* Role ranks for "highest level"; the four roles of equal rank keep distinct
 * values only so that the level can be named back. */
#define SQL_ROLE_RANK(r)                                                                                  \
    "CASE " r " WHEN 'head_of_state' THEN 80 WHEN 'head_of_government' THEN 70 WHEN 'foreign_minister'"   \
    " THEN 60 WHEN 'minister' THEN 50 WHEN 'deputy_minister' THEN 40 WHEN 'ambassador' THEN 34"            \
    " WHEN 'legislator' THEN 33 WHEN 'envoy' THEN 32 WHEN 'org_official' THEN 31 ELSE 20 END"

#define SQL_RANK_NAME(x)                                                                                  \
    "CASE " x " WHEN 80 THEN 'head_of_state' WHEN 70 THEN 'head_of_government' WHEN 60 THEN"              \
    " 'foreign_minister' WHEN 50 THEN 'minister' WHEN 40 THEN 'deputy_minister' WHEN 34 THEN 'ambassador'" \
    " WHEN 33 THEN 'legislator' WHEN 32 THEN 'envoy' WHEN 31 THEN 'org_official' WHEN 20 THEN 'official'"  \
    " ELSE NULL END"

/* A counterpart is the state of another participant or the event's location.
 * An event's level between COUNTRY and a partner is the lower of the two
 * sides' highest-ranked people (one side's when only one side has people). */
dm_status dm_query_partners(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    if (!f->country) return dm_error_set(err, DM_ERR_USAGE, 0, "partners needs a country (ISO alpha-3 code)");
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "WITH ev AS (SELECT e.id AS id, e.kind AS kind, e.country AS loc FROM events e WHERE 1");
    dm_query_filter ev_filter = *f;
    ev_filter.with = NULL; /* --with picks a partner below, not events */
    append_event_filters(&sql, &ev_filter);
    dm_buf_puts(&sql,
                "), side AS (SELECT r.event_id AS event_id, pa.country AS state, CASE WHEN pa.kind = 'person' THEN "
                SQL_ROLE_RANK("pa.role") " ELSE 0 END AS rank"
                " FROM reports r JOIN participants pa ON pa.report_id = r.id"
                " WHERE r.event_id IN (SELECT id FROM ev) AND pa.country IS NOT NULL"
                " UNION ALL SELECT id, loc, 0 FROM ev WHERE loc IS NOT NULL),"
                " sides AS (SELECT event_id, state, max(rank) AS rank FROM side GROUP BY event_id, state),"
                " pair AS (SELECT c.event_id AS event_id, c.state AS partner,"
                " CASE WHEN coalesce(x.rank, 0) = 0 THEN c.rank WHEN c.rank = 0 THEN x.rank"
                " ELSE min(x.rank, c.rank) END AS level"
                " FROM sides c LEFT JOIN sides x ON x.event_id = c.event_id AND x.state = :country"
                " WHERE c.state <> :country)"
                " SELECT p.partner AS partner, count(*) AS events,"
                " sum(ev.kind = 'meeting') AS meeting, sum(ev.kind = 'multilateral') AS multilateral,"
                " sum(ev.kind = 'visit') AS visit, sum(ev.kind = 'call') AS call,"
                " sum(ev.kind = 'agreement') AS agreement, " SQL_RANK_NAME("max(p.level)") " AS level,"
                " (SELECT group_concat(topic, ' ') FROM (SELECT t.topic AS topic FROM pair p2"
                " JOIN event_topics t ON t.event_id = p2.event_id WHERE p2.partner = p.partner"
                " GROUP BY t.topic ORDER BY count(*) DESC, t.topic LIMIT 3)) AS topics"
                " FROM pair p JOIN ev ON ev.id = p.event_id");
    if (f->with) dm_buf_puts(&sql, " WHERE p.partner = :with");
    dm_buf_puts(&sql, " GROUP BY p.partner ORDER BY events DESC, max(p.level) DESC, p.partner LIMIT :limit");
    dm_status s = query_rows(kb, sql.data, f, out, err);
    dm_buf_free(&sql);
    return s;
}

/* ---- facts ------------------------------------------------------------------------ */

/* Two-way metrics are the same figure whichever party a document names first. */
#define SQL_SYMMETRIC "f.metric IN ('trade_turnover', 'trade_target', 'joint_projects')"

static void append_fact_filters(dm_buf *sql, const dm_query_filter *f) {
    if (f->metric) dm_buf_puts(sql, " AND f.metric = :metric");
    if (f->country) dm_buf_puts(sql, " AND (f.party1 = :country OR f.party2 = :country)");
    if (f->with) dm_buf_puts(sql, " AND (f.party1 = :with OR f.party2 = :with)");
    if (f->since) dm_buf_puts(sql, " AND f.year >= :since_year");
    if (f->until) dm_buf_puts(sql, " AND f.year <= :until_year");
}

dm_status dm_query_facts(dm_kb *kb, const dm_query_filter *f, int series, dm_rows *out, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    if (!series) {
        dm_buf_puts(&sql, "SELECT f.id AS id, f.metric AS metric, f.party1 AS party1, f.party2 AS party2,"
                          " f.value AS value, f.unit AS unit, f.qualifier AS qualifier, f.year AS year,"
                          " f.part AS part, f.since AS since, f.change_pct AS change_pct, f.date AS date,"
                          " d.name AS document FROM facts f JOIN documents d ON d.id = f.doc_id WHERE 1");
        append_fact_filters(&sql, f);
        dm_buf_puts(&sql, " ORDER BY f.metric, f.party1, f.party2, f.year IS NULL, f.year, f.id LIMIT :limit");
    } else {
        dm_buf_puts(&sql, "SELECT metric, a AS party1, b AS party2, year, part, value, unit, qualifier,"
                          " count(DISTINCT doc_id) AS documents, min(date) AS first_reported,"
                          " max(date) AS last_reported FROM (SELECT f.*,"
                          " CASE WHEN " SQL_SYMMETRIC " AND f.party2 < f.party1 THEN f.party2 ELSE f.party1 END AS a,"
                          " CASE WHEN " SQL_SYMMETRIC " AND f.party2 < f.party1 THEN f.party1 ELSE f.party2 END AS b"
                          " FROM facts f WHERE 1");
        append_fact_filters(&sql, f);
        dm_buf_puts(&sql, ") GROUP BY metric, a, b, year, part, value, unit, qualifier"
                          " ORDER BY metric, a, b, year IS NULL, year, part, value LIMIT :limit");
    }
    dm_status s = query_rows(kb, sql.data, f, out, err);
    dm_buf_free(&sql);
    return s;
}

/* ---- show ------------------------------------------------------------------------- */

/* A merged event's participants: one per person (or per unlinked name, state or
 * organization), with the title and role of the latest report naming them. */
#define SQL_MERGED_PARTICIPANTS                                                                            \
    "SELECT pa.person_id AS person_id, pa.kind AS kind,"                                                   \
    " CASE WHEN pa.kind = 'person' THEN coalesce(pe.name, pa.name) ELSE pa.name END AS name,"             \
    " pa.title AS title, pa.role AS role, coalesce(pa.country, pe.country) AS country,"                    \
    " coalesce(pa.org, pe.org) AS org, max(pa.signatory) AS signatory, count(DISTINCT r.id) AS reports"   \
    " FROM reports r JOIN participants pa ON pa.report_id = r.id LEFT JOIN people pe ON pe.id = pa.person_id" \
    " WHERE r.event_id = :id GROUP BY CASE WHEN pa.person_id IS NOT NULL THEN 'p' || pa.person_id"         \
    " WHEN pa.kind = 'person' THEN 'n' || coalesce(pa.name, '') || '|' || coalesce(pa.country, '')"        \
    " ELSE pa.kind || '|' || coalesce(pa.country, '') || '|' || coalesce(pa.org, '') END"                  \
    " ORDER BY min(r.id * 100000 + pa.seq)"

static dm_status show_part(dm_kb *kb, const char *sql, long long id, dm_rows *out, dm_error *err) {
    sqlite3_stmt *st = NULL;
    dm_status s = prepare(kb, sql, &st, err);
    if (s != DM_OK) return s;
    bind_int(st, ":id", id);
    s = run_into(kb, st, out, err);
    sqlite3_finalize(st);
    return s;
}

dm_status dm_query_show(dm_kb *kb, long long id, dm_event_detail *d, dm_error *err) {
    memset(d, 0, sizeof *d);
    static const char *const parts[] = {
        "SELECT e.id AS id, e.kind AS kind, e.status AS status, e.date AS date, e.date_end AS date_end,"
        " e.city AS city, e.country AS country, e.org AS org, e.title AS title, " SQL_CAMEO " AS cameo, "
        SQL_TOPICS " AS topics, e.planned_id AS planned_id FROM events e WHERE e.id = :id",
        SQL_MERGED_PARTICIPANTS,
        "SELECT r.id AS report, d.id AS document_id, d.name AS document, d.published AS published,"
        " d.url AS url, d.title AS title, r.date AS reported_date, r.cameo AS cameo"
        " FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id = :id"
        " ORDER BY d.published IS NULL, d.published, r.id",
        /* evidence spans are byte offsets: cut the text as a blob */
        "SELECT ev.report_id AS report, d.name AS document, ev.start AS start, ev.end AS end,"
        " CASE WHEN ev.start >= 0 AND ev.end >= ev.start AND ev.end <= length(CAST(d.text AS BLOB))"
        " THEN CAST(substr(CAST(d.text AS BLOB), ev.start + 1, ev.end - ev.start) AS TEXT) END AS text"
        " FROM evidence ev JOIN reports r ON r.id = ev.report_id JOIN documents d ON d.id = r.doc_id"
        " WHERE r.event_id = :id ORDER BY r.id, ev.start, ev.end",
        SQL_EVENT_ROW " WHERE e.id = (SELECT planned_id FROM events WHERE id = :id)",
        SQL_EVENT_ROW " WHERE e.planned_id = :id" SQL_EVENT_ORDER,
    };
    dm_rows *outs[] = {&d->event, &d->participants, &d->sources, &d->evidence, &d->planned, &d->followed_by};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        dm_status s = show_part(kb, parts[i], id, outs[i], err);
        if (s != DM_OK) return s;
        if (i == 0 && d->event.nrows == 0)
            return dm_error_set(err, DM_ERR_USAGE, 0, "no event with id %lld (list them with 'dragoman events')", id);
    }
    return DM_OK;
}

void dm_event_detail_free(dm_event_detail *d) {
    dm_rows_free(&d->event);
    dm_rows_free(&d->participants);
    dm_rows_free(&d->sources);
    dm_rows_free(&d->evidence);
    dm_rows_free(&d->planned);
    dm_rows_free(&d->followed_by);
}

/* ---- search ----------------------------------------------------------------------- */

dm_status dm_query_search(dm_kb *kb, const char *text, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    if (!text || !*text) return dm_error_set(err, DM_ERR_USAGE, 0, "search needs words to look for");
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "SELECT d.id AS id, d.name AS name, d.published AS published,"
                      " snippet(documents_fts, -1, '[', ']', '\xE2\x80\xA6', 12) AS snippet,"
                      " (SELECT count(DISTINCT r.event_id) FROM reports r WHERE r.doc_id = d.id) AS events"
                      " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                      " WHERE documents_fts MATCH :query");
    if (f->since)
        dm_buf_puts(&sql, " AND substr(d.published, 1, length(:since)) >= substr(:since, 1, length(d.published))");
    if (f->until)
        dm_buf_puts(&sql, " AND substr(d.published, 1, length(:until)) <= substr(:until, 1, length(d.published))");
    dm_buf_puts(&sql, " ORDER BY bm25(documents_fts), d.id LIMIT :limit");
    sqlite3_stmt *st = NULL;
    dm_status s = prepare(kb, sql.data, &st, err);
    dm_buf_free(&sql);
    if (s != DM_OK) return s;
    bind_filters(st, f);
    bind_text(st, ":query", text);
    s = run_into(kb, st, out, err);
    if (s != DM_OK && sqlite3_errcode(kb->db) == SQLITE_ERROR)
        s = dm_error_set(err, DM_ERR_USAGE, 0,
                         "'%s' is not a valid search (%s); use words, \"quoted phrases\", prefix*, AND, OR, NOT",
                         text, sqlite3_errmsg(kb->db));
    sqlite3_finalize(st);
    return s;
}

/* ---- export ----------------------------------------------------------------------- */

typedef struct {
    char *kind, *name, *country, *org, *role;
    int represented; /* a party whose own people are listed */
} actor;

static void actor_free(actor *x) {
    free(x->kind);
    free(x->name);
    free(x->country);
    free(x->org);
    free(x->role);
}

static char *col_copy(sqlite3_stmt *st, int c) {
    const unsigned char *s = sqlite3_column_text(st, c);
    if (!s) return NULL;
    size_t n = strlen((const char *)s);
    char *d = dm_xmalloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

static int same_str(const char *a, const char *b) { return a && b && !strcmp(a, b); }

/* Two actors on the same side: the same state, or no state and the same organization. */
static int same_side(const actor *a, const actor *b) {
    if (a->country || b->country) return same_str(a->country, b->country);
    return same_str(a->org, b->org);
}

static const char *const EXPORT_COLUMNS[] = {
    "event_id", "date",          "source_name",    "source_country", "source_org", "source_role",
    "target_name", "target_country", "target_org", "target_role", "cameo",      "kind",
    "status",   "city",          "country",        "topics",         "sources",    "first_document"};
enum { X_EVENT, X_DATE, X_SRC, X_TGT = X_SRC + 4, X_CAMEO = X_TGT + 4, X_KIND, X_STATUS, X_CITY, X_COUNTRY,
       X_TOPICS, X_SOURCES, X_FIRST_DOC, X_NCOLS };

/* Appends one dyad; the event's own columns are copied from the event statement. */
static void export_row(dm_rows *out, sqlite3_stmt *ev, const actor *src, const actor *tgt) {
    size_t row = dm_rows_add(out);
    static const int from_event[][2] = {{X_EVENT, 0}, {X_DATE, 1},    {X_CAMEO, 2},   {X_KIND, 3},
                                        {X_STATUS, 4}, {X_CITY, 5},   {X_COUNTRY, 6}, {X_TOPICS, 7},
                                        {X_SOURCES, 8}, {X_FIRST_DOC, 9}};
    for (size_t k = 0; k < sizeof from_event / sizeof from_event[0]; k++) {
        int c = from_event[k][1];
        if (sqlite3_column_type(ev, c) == SQLITE_INTEGER)
            dm_rows_set_int(out, row, (size_t)from_event[k][0], sqlite3_column_int64(ev, c));
        else
            dm_rows_set_text(out, row, (size_t)from_event[k][0], (const char *)sqlite3_column_text(ev, c));
    }
    const actor *side[2] = {src, tgt};
    for (int s = 0; s < 2; s++) {
        if (!side[s]) continue;
        size_t base = s ? X_TGT : X_SRC;
        dm_rows_set_text(out, row, base, side[s]->name);
        dm_rows_set_text(out, row, base + 1, side[s]->country);
        dm_rows_set_text(out, row, base + 2, side[s]->org);
        dm_rows_set_text(out, row, base + 3, side[s]->role);
    }
}

/* The dyads of one event (README, "export"): a visit pairs each visitor with
 * the host's people, or with the host state when none is named; other events
 * pair each two actors of different sides once, the one from the location's
 * state as target, else in order of mention. An event with one side only
 * gives one row per actor with no target. */
static void export_event(dm_rows *out, sqlite3_stmt *ev, actor *a, size_t n) {
    const char *kind = (const char *)sqlite3_column_text(ev, 3);
    const char *loc = (const char *)sqlite3_column_text(ev, 6);
    size_t before = out->nrows;
    if (same_str(kind, "visit") && loc) {
        actor host_state = {"country", NULL, (char *)loc, NULL, NULL, 0};
        int hosts = 0;
        for (size_t j = 0; j < n; j++) hosts += same_str(a[j].country, loc);
        for (size_t i = 0; i < n; i++) {
            if (same_str(a[i].country, loc)) continue;
            if (!hosts) export_row(out, ev, &a[i], &host_state);
            for (size_t j = 0; j < n; j++)
                if (same_str(a[j].country, loc)) export_row(out, ev, &a[i], &a[j]);
        }
    } else {
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++) {
                if (same_side(&a[i], &a[j])) continue;
                int i_hosts = same_str(a[i].country, loc) && !same_str(a[j].country, loc);
                export_row(out, ev, i_hosts ? &a[j] : &a[i], i_hosts ? &a[i] : &a[j]);
            }
    }
    if (out->nrows == before) {
        for (size_t i = 0; i < n; i++) export_row(out, ev, &a[i], NULL);
        if (!n) export_row(out, ev, NULL, NULL);
    }
}

dm_status dm_query_export(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "SELECT e.id, e.date, " SQL_CAMEO ", e.kind, e.status, e.city, e.country, " SQL_TOPICS ", "
                      SQL_SOURCES ", " SQL_FIRST_DOCUMENT " FROM events e WHERE 1");
    append_event_filters(&sql, f);
    dm_buf_puts(&sql, SQL_EVENT_ORDER " LIMIT :limit");
    sqlite3_stmt *ev = NULL, *parts = NULL;
    dm_status s = prepare(kb, sql.data, &ev, err);
    dm_buf_free(&sql);
    if (s == DM_OK) s = prepare(kb, SQL_MERGED_PARTICIPANTS, &parts, err);
    if (s != DM_OK) {
        sqlite3_finalize(ev);
        return s;
    }
    bind_filters(ev, f);
    dm_rows_set_columns(out, X_NCOLS, EXPORT_COLUMNS);
    size_t cap = 16;
    actor *a = dm_xmalloc(cap * sizeof *a);
    int rc = SQLITE_DONE;
    while (s == DM_OK && (rc = sqlite3_step(ev)) == SQLITE_ROW) {
        sqlite3_reset(parts);
        bind_int(parts, ":id", sqlite3_column_int64(ev, 0));
        size_t n = 0;
        int prc;
        while ((prc = sqlite3_step(parts)) == SQLITE_ROW) {
            if (n == cap) a = dm_xrealloc(a, (cap *= 2) * sizeof *a);
            /* columns: person_id kind name title role country org ... */
            a[n++] = (actor){col_copy(parts, 1), col_copy(parts, 2), col_copy(parts, 5), col_copy(parts, 6),
                             col_copy(parts, 4), 0};
        }
        if (prc != SQLITE_DONE) s = dm_error_set(err, DM_ERR_IO, 0, "query failed: %s", sqlite3_errmsg(kb->db));
        /* a state or organization named as a party is dropped when its own people are listed */
        for (size_t i = 0; i < n; i++) {
            a[i].represented = 0;
            for (size_t j = 0; j < n && !same_str(a[i].kind, "person"); j++)
                a[i].represented |= j != i && same_str(a[j].kind, "person") && same_side(&a[i], &a[j]);
        }
        size_t kept = 0;
        for (size_t i = 0; i < n; i++) {
            if (a[i].represented) actor_free(&a[i]);
            else a[kept++] = a[i];
        }
        if (s == DM_OK) export_event(out, ev, a, kept);
        for (size_t i = 0; i < kept; i++) actor_free(&a[i]);
    }
    if (s == DM_OK && rc != SQLITE_DONE) s = dm_error_set(err, DM_ERR_IO, 0, "query failed: %s", sqlite3_errmsg(kb->db));
    free(a);
    sqlite3_finalize(ev);
    sqlite3_finalize(parts);
    return s;
}
