/* The knowledge base (store.h): opening and checking the database, the
 * statement cache, transactions, and documents with their stories and facts.
 * Merging events and people across documents is in store_merge.c. */
#include "store_int.h"
#include "checkpoint.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/error.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

extern const char dm_data_schema[]; /* src/out/schema.sql, embedded by the build */

/* How a report's people are dated: the event's date when it happened, else
 * when the story (or document) told it; a planned date is not a sighting. */
#define SEEN_SQL                                                                                                    \
    "CASE WHEN r.status = 'occurred' AND r.date IS NOT NULL THEN r.date ELSE COALESCE(s.date, d.published) END"
#define REPORTED_SQL "COALESCE(s.date, d.published)"
#define REPORT_JOINS                                                                                                \
    " JOIN documents d ON d.id = r.doc_id LEFT JOIN stories s ON s.doc_id = r.doc_id AND s.seq = r.story"

static const char *const SQL[S_COUNT] = {
    [S_DOC_FIND] = "SELECT id, hash FROM documents WHERE name = ?1",
    [S_DOC_INSERT] = "INSERT INTO documents(name, hash, published, title, url, source, text, bytes, ingested) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    /* a document's rows, children first (S_DOC_DELETE_FIRST .. S_DOC_DELETE in order): the store
     * deletes what foreign keys would cascade, because checking them on every insert costs
     * ingest a tenth of its time (the connection runs with foreign_keys off) */
    [S_DOC_DELETE_PARTICIPANTS] = "DELETE FROM participants WHERE report_id IN "
                                  "(SELECT id FROM reports WHERE doc_id = ?1)",
    [S_DOC_DELETE_REPORTS] = "DELETE FROM reports WHERE doc_id = ?1",
    [S_DOC_DELETE_STORIES] = "DELETE FROM stories WHERE doc_id = ?1",
    [S_DOC_DELETE_FACTS] = "DELETE FROM facts WHERE doc_id = ?1",
    [S_DOC_DELETE] = "DELETE FROM documents WHERE id = ?1",
    [S_DOC_EVENTS] = "SELECT DISTINCT event_id FROM reports WHERE doc_id = ?1",
    [S_DOC_PEOPLE] = "SELECT DISTINCT p.person_id FROM participants p JOIN reports r ON r.id = p.report_id "
                     "WHERE r.doc_id = ?1 AND p.person_id IS NOT NULL",
    [S_PLANNED_BY] = "SELECT id FROM events WHERE planned_id = ?1",
    [S_STORY_INSERT] = "INSERT INTO stories(doc_id, seq, start, end, date) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_FACT_INSERT] = "INSERT INTO facts(doc_id, seq, metric, party1, party2, value, unit, qualifier, year, part, "
                      "since, change_pct, start, end, date) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    /* people of a surname whose state is ?2 or unknown (any state when ?2 is NULL), by index */
    [S_PERSON_FIND] = "SELECT id, name, country, org, first_seen, last_seen FROM people "
                      "WHERE surname = ?1 AND country = ?2 "
                      "UNION ALL SELECT id, name, country, org, first_seen, last_seen FROM people "
                      "WHERE surname = ?1 AND country IS NULL "
                      "UNION ALL SELECT id, name, country, org, first_seen, last_seen FROM people "
                      "WHERE ?2 IS NULL AND surname = ?1 AND country IS NOT NULL",
    [S_PERSON_INSERT] = "INSERT INTO people(name, surname, country, org, first_seen, last_seen) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    [S_PERSON_UPDATE] = "UPDATE people SET name = ?2, country = COALESCE(country, ?3), org = COALESCE(org, ?4), "
                        "first_seen = CASE WHEN ?5 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?5 < first_seen "
                        "THEN ?5 ELSE first_seen END, "
                        "last_seen = CASE WHEN ?5 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?5 > last_seen "
                        "THEN ?5 ELSE last_seen END WHERE id = ?1",
    [S_PERSON_SEEN] = "UPDATE people SET "
                       "first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END, "
                       "last_seen = CASE WHEN last_seen IS NULL OR ?2 > last_seen THEN ?2 ELSE last_seen END "
                       "WHERE id = ?1",
    [S_PERSON_SET] = "UPDATE people SET name = ?2, surname = ?3, country = ?4, org = ?5, first_seen = ?6, "
                     "last_seen = ?7 WHERE id = ?1",
    [S_PERSON_PARTS] = "SELECT p.name, p.country, p.org, " SEEN_SQL " FROM participants p "
                       "JOIN reports r ON r.id = p.report_id" REPORT_JOINS " WHERE p.person_id = ?1 ORDER BY p.report_id, p.seq",
    [S_PERSON_DELETE_ORPHAN] = "DELETE FROM people WHERE id = ?1 "
                               "AND NOT EXISTS (SELECT 1 FROM participants WHERE person_id = ?1)",
    [S_TITLE_UPSERT] = "INSERT INTO person_titles(person_id, title, role, first_seen, last_seen, reports) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(person_id, title) DO UPDATE SET "
                       "reports = reports + excluded.reports, "
                       "first_seen = CASE WHEN excluded.first_seen IS NULL THEN first_seen "
                       "WHEN first_seen IS NULL OR excluded.first_seen < first_seen THEN excluded.first_seen "
                       "ELSE first_seen END, "
                       "last_seen = CASE WHEN excluded.last_seen IS NULL THEN last_seen "
                       "WHEN last_seen IS NULL OR excluded.last_seen > last_seen THEN excluded.last_seen "
                       "ELSE last_seen END",
    [S_TITLES_CLEAR] = "DELETE FROM person_titles WHERE person_id = ?1",
    [S_TITLES_REBUILD] = "INSERT INTO person_titles(person_id, title, role, first_seen, last_seen, reports) "
                         "SELECT ?1, p.title, MIN(p.role), MIN(" SEEN_SQL "), MAX(" SEEN_SQL "), COUNT(*) "
                         "FROM participants p JOIN reports r ON r.id = p.report_id" REPORT_JOINS
                         " WHERE p.person_id = ?1 AND p.title IS NOT NULL GROUP BY p.title",
    [S_EVENT_INSERT] = "INSERT INTO events(kind, status, date, date_end, city, country, org, title, cameo, "
                       "reported) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [S_EVENT_INFO] = "SELECT kind, status, date, date_end, city, country, org, title, planned_id, reported "
                     "FROM events WHERE id = ?1",
    [S_EVENT_UPDATE] = "UPDATE events SET date = ?2, date_end = ?3, city = ?4, country = ?5, org = ?6, title = ?7, "
                       "reported = ?8 WHERE id = ?1",
    [S_EVENT_KEYS] = "SELECT p.kind, p.person_id, p.org, p.country FROM reports r "
                     "JOIN participants p ON p.report_id = r.id WHERE r.event_id = ?1 AND p.signatory = 0",
    [S_EVENT_REPORTED] = "SELECT MIN(" REPORTED_SQL ") FROM reports r" REPORT_JOINS " WHERE r.event_id = ?1",
    [S_EVENT_REPORTS] = "SELECT date, date_end, city, country, org, title, topics FROM reports WHERE event_id = ?1 "
                        "ORDER BY id",
    [S_EVENT_DELETE_ORPHAN] = "DELETE FROM events WHERE id = ?1 "
                              "AND NOT EXISTS (SELECT 1 FROM reports WHERE event_id = ?1)",
    /* after S_EVENT_DELETE_ORPHAN removed the event (what the schema's ON DELETE clauses say) */
    [S_EVENT_DELETED_TOPICS] = "DELETE FROM event_topics WHERE event_id = ?1",
    [S_EVENT_DELETED_LINKS] = "UPDATE events SET planned_id = NULL WHERE planned_id = ?1",
    [S_EVENT_SET_PLANNED] = "UPDATE events SET planned_id = ?2 WHERE id = ?1",
    [S_TOPIC_INSERT] = "INSERT OR IGNORE INTO event_topics(event_id, topic) VALUES (?1, ?2)",
    [S_TOPICS_CLEAR] = "DELETE FROM event_topics WHERE event_id = ?1",
    [S_REPORT_INSERT] = "INSERT INTO reports(event_id, doc_id, seq, story, kind, status, date, date_end, city, "
                        "country, org, title, cameo, topics, evidence) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [S_PART_INSERT] = "INSERT INTO participants(report_id, seq, kind, person_id, name, title, role, country, org, "
                      "signatory) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    /* events of a month or year report: the more precise dates it contains ("2023-09-" <= date < "2023-09.") */
    [S_CAND_WITHIN] = "SELECT id FROM events WHERE kind = ?1 AND status = ?2 AND date >= ?3 AND date < ?4",
    /* the buckets of store_index.c */
    [S_BUCKET_DATE] = "SELECT id FROM events WHERE kind = ?1 AND status = ?2 AND date = ?3",
    [S_BUCKET_UNDATED] = "SELECT id FROM events WHERE kind = ?1 AND status = ?2 AND date IS NULL AND reported = ?3",
    [S_BUCKET_REPORTED] = "SELECT id FROM events WHERE kind = ?1 AND status = ?2 AND reported = ?3",
    [S_BUCKET_MONTH] = "SELECT id FROM events WHERE kind = ?1 AND status = ?2 AND reported >= ?3 || '-' "
                       "AND reported < ?3 || '.'",
    [S_EVENTS_NONE] = "SELECT NOT EXISTS (SELECT 1 FROM events)",
    [S_FTS_ADD] = "INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents "
                  "WHERE id IN (SELECT value FROM json_each(?1))",
    [S_FTS_DELETE] = "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                     "SELECT 'delete', id, title, text FROM documents WHERE id = ?1",
};

void dm_ids_push(dm_ids *ids, int64_t id) {
    if (ids->n == ids->cap) {
        ids->cap = ids->cap ? ids->cap * 2 : 16;
        ids->v = dm_xrealloc(ids->v, ids->cap * sizeof *ids->v);
    }
    ids->v[ids->n++] = id;
}

int dm_ids_has(const dm_ids *ids, int64_t id) {
    for (size_t i = 0; i < ids->n; i++)
        if (ids->v[i] == id) return 1;
    return 0;
}

void dm_idset_add(dm_ids *set, int64_t id) {
    if (2 * (set->n + 1) > set->cap) {
        /* grow and rehash: the table stays at most half full */
        dm_ids bigger = {NULL, 0, set->cap ? set->cap * 2 : 64};
        bigger.v = calloc(bigger.cap, sizeof *bigger.v);
        if (!bigger.v) dm_die_oom();
        for (size_t i = 0; i < set->cap; i++)
            if (set->v[i]) dm_idset_add(&bigger, set->v[i]);
        free(set->v);
        *set = bigger;
    }
    size_t i = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15u >> 7) & (set->cap - 1);
    while (set->v[i] && set->v[i] != id) i = (i + 1) & (set->cap - 1);
    if (!set->v[i]) set->v[i] = id, set->n++;
}

int dm_idset_has(const dm_ids *set, int64_t id) {
    if (!set->cap) return 0;
    size_t i = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15u >> 7) & (set->cap - 1);
    while (set->v[i]) {
        if (set->v[i] == id) return 1;
        i = (i + 1) & (set->cap - 1);
    }
    return 0;
}

void dm_ids_free(dm_ids *ids) {
    free(ids->v);
    memset(ids, 0, sizeof *ids);
}

sqlite3_stmt *dm_store_stmt(dm_store *s, int id) {
    sqlite3_stmt *st = s->st[id];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

int dm_store_step(dm_store *s, sqlite3_stmt *st, const char *what, dm_error *err) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return rc;
    dm_error_set(err, DM_ERR_DB, 0, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    sqlite3_reset(st);
    return -1;
}

void dm_bind_text(sqlite3_stmt *st, int i, const char *v) {
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

const char *dm_col_text(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* ---- opening ------------------------------------------------------------ */

static dm_status db_error(sqlite3 *db, const char *path, const char *what, dm_error *err) {
    return dm_error_set(err, DM_ERR_DB, 0, "%s: %s: %s", path, what, db ? sqlite3_errmsg(db) : "out of memory");
}

/* Runs one statement that returns at most one integer; *out keeps its value if none. */
static int query_int(sqlite3 *db, const char *sql, long long *out) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The first statement of schema.sql at or after from that begins with lead, or
 * NULL; *len is its length up to and with the ';' that ends its line. */
static const char *schema_find(const char *from, const char *lead, size_t *len) {
    const char *p = strstr(from, lead), *end = p ? strstr(p, ";\n") : NULL;
    if (!end) return NULL;
    *len = (size_t)(end - p) + 1;
    return p;
}

/* Runs the schema's "CREATE INDEX IF NOT EXISTS" statements, so a version-1
 * database made before an index was added gets it (one source: schema.sql). */
static int ensure_indexes(sqlite3 *db) {
    size_t n;
    for (const char *p = schema_find(dm_data_schema, "CREATE INDEX IF NOT EXISTS", &n); p;
         p = schema_find(p + n, "CREATE INDEX IF NOT EXISTS", &n)) {
        char sql[512];
        if (n >= sizeof sql) continue;
        memcpy(sql, p, n);
        sql[n] = 0;
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

/* The statement of schema.sql that begins with lead, appended to sql with a newline. */
static int schema_statement(dm_buf *sql, const char *lead) {
    size_t n;
    const char *p = schema_find(dm_data_schema, lead, &n);
    if (!p) return -1;
    dm_buf_put(sql, p, n);
    dm_buf_putc(sql, '\n');
    return 0;
}

/* Runs a migration's statements (begun with BEGIN IMMEDIATE) from version `from`
 * to the next, ending them with the new user_version and COMMIT; on failure rolls
 * back, so the database is left as it was. Frees sql. bad: schema.sql lacked a
 * statement the migration needs. */
static dm_status run_migration(sqlite3 *db, const char *path, dm_buf *sql, int bad, int from, dm_error *err) {
    dm_buf_printf(sql, "PRAGMA user_version = %d;\nCOMMIT;\n", from + 1);
    char *msg = NULL;
    dm_status status = DM_OK;
    if (bad || sqlite3_exec(db, sql->data, NULL, NULL, &msg) != SQLITE_OK) {
        status = dm_error_set(err, DM_ERR_DB, 0,
                              "%s: cannot migrate the knowledge base from schema version %d to %d (%s); it is "
                              "left as it was: use the dragoman that made it, or give --db a new path",
                              path, from, from + 1, bad ? "schema.sql lacks a statement" : msg ? msg : sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_free(msg);
    dm_buf_free(sql);
    return status;
}

/* Version 1 to 2, in one transaction: evidence spans move from a table into
 * reports.evidence (a view named evidence shows them as rows, as before), and
 * event_topics and participants become WITHOUT ROWID tables. The new tables
 * are made by schema.sql's own statements. */
static dm_status migrate_v1(sqlite3 *db, const char *path, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "BEGIN IMMEDIATE;\n"
                      "ALTER TABLE reports ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';\n"
                      "UPDATE reports SET evidence = (SELECT json_group_array(json_array(start, end)) FROM "
                      "(SELECT start, end FROM evidence WHERE report_id = reports.id ORDER BY rowid)) "
                      "WHERE id IN (SELECT report_id FROM evidence);\n"
                      "DROP TABLE evidence;\n");
    int bad = schema_statement(&sql, "CREATE VIEW evidence");
    dm_buf_puts(&sql, "ALTER TABLE event_topics RENAME TO event_topics_v1;\n");
    bad |= schema_statement(&sql, "CREATE TABLE event_topics");
    dm_buf_puts(&sql, "INSERT INTO event_topics(event_id, topic) SELECT event_id, topic FROM event_topics_v1;\n"
                      "DROP TABLE event_topics_v1;\n"
                      "ALTER TABLE participants RENAME TO participants_v1;\n");
    bad |= schema_statement(&sql, "CREATE TABLE participants");
    dm_buf_puts(&sql, "INSERT INTO participants(report_id, seq, kind, person_id, name, title, role, country, org, "
                      "signatory) SELECT report_id, seq, kind, person_id, name, title, role, country, org, signatory "
                      "FROM participants_v1;\n"
                      "DROP TABLE participants_v1;\n");
    bad |= schema_statement(&sql, "CREATE INDEX participants_person"); /* as version 3 has it (migrate_v2) */
    return run_migration(db, path, &sql, bad, 1, err);
}

/* Version 2 to 3: only indexes change. Those no query or lookup used are dropped
 * (events by date, participants by state); those on a column mostly NULL become
 * partial (participants by person, events by announcement). schema.sql makes the
 * new ones. */
static dm_status migrate_v2(sqlite3 *db, const char *path, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "BEGIN IMMEDIATE;\n"
                      "DROP INDEX IF EXISTS events_date;\n"
                      "DROP INDEX IF EXISTS participants_country;\n"
                      "DROP INDEX IF EXISTS participants_person;\n"
                      "DROP INDEX IF EXISTS events_planned;\n");
    int bad = schema_statement(&sql, "CREATE INDEX participants_person");
    bad |= schema_statement(&sql, "CREATE INDEX IF NOT EXISTS events_planned");
    return run_migration(db, path, &sql, bad, 2, err);
}

/* Version 3 to 4: reports.json, a copy of what the other columns hold, is dropped. */
static dm_status migrate_v3(sqlite3 *db, const char *path, dm_error *err) {
    dm_buf sql;
    dm_buf_init(&sql);
    dm_buf_puts(&sql, "BEGIN IMMEDIATE;\nALTER TABLE reports DROP COLUMN json;\n");
    return run_migration(db, path, &sql, 0, 3, err);
}

/* Creates the schema in an empty database, or checks (and migrates) the one there. */
static dm_status check_or_create(sqlite3 *db, const char *path, dm_error *err) {
    long long version = 0, tables = 0, ours = 0;
    int rc = query_int(db, "PRAGMA user_version", &version);
    if (rc == SQLITE_NOTADB)
        return dm_error_set(err, DM_ERR_DB, 0,
                            "%s is not a SQLite database; give --db a new path (or remove the file if it is "
                            "not needed)",
                            path);
    if (rc != SQLITE_OK) return db_error(db, path, "cannot read the database", err);
    if (query_int(db, "SELECT count(*) FROM sqlite_schema", &tables) != SQLITE_OK)
        return db_error(db, path, "cannot read the database", err);
    if (version == 0 && tables == 0) {
        /* a new database: 32 KB pages (documents' text fills them; an
         * ingest writes a tenth fewer pages' worth of work than with 8 KB, with fewer splits
         * and log frames), and the whole schema in one transaction, so a crash leaves none of it */
        sqlite3_exec(db, "PRAGMA page_size = 32768", NULL, NULL, NULL);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return db_error(db, path, "cannot create the knowledge base", err);
        if (query_int(db, "SELECT count(*) FROM sqlite_schema", &tables) == SQLITE_OK && tables == 0) {
            char *msg = NULL;
            if (sqlite3_exec(db, dm_data_schema, NULL, NULL, &msg) != SQLITE_OK ||
                sqlite3_exec(db,
                             "INSERT INTO meta(key, value) VALUES ('format', 'dragoman knowledge base'), "
                             "('created_by', 'dragoman " DM_VERSION "')",
                             NULL, NULL, NULL) != SQLITE_OK) {
                dm_error_set(err, DM_ERR_DB, 0, "%s: cannot create the knowledge base: %s", path,
                             msg ? msg : sqlite3_errmsg(db));
                sqlite3_free(msg);
                sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
                return DM_ERR_DB;
            }
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return db_error(db, path, "cannot create the knowledge base", err);
        return DM_OK;
    }
    if (version > DM_STORE_SCHEMA_VERSION)
        return dm_error_set(err, DM_ERR_DB, 0,
                            "%s has knowledge-base schema version %lld, newer than this dragoman's %d; use a "
                            "newer dragoman, or give --db another path",
                            path, version, DM_STORE_SCHEMA_VERSION);
    query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'documents', "
                  "'reports', 'events', 'people')",
              &ours);
    if (version < 1 || ours != 5)
        return dm_error_set(err, DM_ERR_DB, 0,
                            "%s is a SQLite database but not a dragoman knowledge base (schema version %lld, "
                            "expected %d); give --db a new path",
                            path, version, DM_STORE_SCHEMA_VERSION);
    if (version == 1) {
        /* events.reported came with ingest: a version-1 database made without it gets it, filled from the reports */
        sqlite3_stmt *probe = NULL;
        if (sqlite3_prepare_v2(db, "SELECT reported FROM events LIMIT 0", -1, &probe, NULL) != SQLITE_OK) {
            if (sqlite3_exec(db,
                             "BEGIN IMMEDIATE; ALTER TABLE events ADD COLUMN reported TEXT; "
                             "UPDATE events SET reported = (SELECT MIN(" REPORTED_SQL ") FROM reports r" REPORT_JOINS
                             " WHERE r.event_id = events.id); COMMIT",
                             NULL, NULL, NULL) != SQLITE_OK) {
                db_error(db, path, "cannot add the column events.reported", err);
                sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
                sqlite3_finalize(probe);
                return DM_ERR_DB;
            }
        }
        sqlite3_finalize(probe);
        if (migrate_v1(db, path, err) != DM_OK) return DM_ERR_DB;
    }
    if (version <= 2 && migrate_v2(db, path, err) != DM_OK) return DM_ERR_DB;
    if (version <= 3 && migrate_v3(db, path, err) != DM_OK) return DM_ERR_DB;
    if (ensure_indexes(db) != SQLITE_OK) return db_error(db, path, "cannot add the indexes of schema.sql", err);
    return DM_OK;
}

/* SQLite counts every allocation for sqlite3_memory_used() under a global
 * mutex; nothing here asks, and the count was a twentieth of the writer's
 * instructions. Set once, before SQLite initializes (later calls are refused). */
static void sqlite_setup(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

/* DRAGOMAN_SQL_STATS: adds a finished statement's time to its line of the statistics. */
static int sql_profile(unsigned type, void *arg, void *stmt, void *ns) {
    dm_store *s = arg;
    int i = 0;
    while (i < S_COUNT && s->st[i] != stmt) i++;
    if (type == SQLITE_TRACE_PROFILE) s->sql_ns[i] += *(sqlite3_int64 *)ns;
    return 0;
}

dm_status dm_store_open(const char *path, dm_store **out, dm_error *err) {
    *out = NULL;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_setup);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return dm_error_set(err, DM_ERR_DB, 0, "%s is a directory; give --db a file path", path);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        dm_error_set(err, DM_ERR_DB, 0, "cannot open or create %s: %s (check that its directory exists and is writable)",
                     path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return DM_ERR_DB;
    }
    if (sqlite3_db_readonly(db, "main") == 1) {
        sqlite3_close(db);
        return dm_error_set(err, DM_ERR_DB, 0, "%s is read-only; make it writable or give --db another path", path);
    }
    sqlite3_busy_timeout(db, 10000); /* a reader (dragoman query) may hold the database a moment */
    /* The schema's triggers keep documents_fts in step with documents row by
     * row; this connection does the same once per transaction instead (S_FTS_ADD
     * before each commit, S_FTS_DELETE before a delete): FTS5 flushes its
     * pending terms at every statement savepoint, so a trigger per document
     * made a tiny index segment per document and cost more than the rest of
     * ingest. Foreign-key actions (ON DELETE CASCADE) are not triggers and
     * still run. */
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    dm_status status = check_or_create(db, path, err);
    if (status != DM_OK) {
        sqlite3_close(db);
        return status;
    }
    /* WAL: readers go on while we write, and a killed writer leaves the last commit intact */
    char *mode = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            mode = strdup((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (!mode || strcmp(mode, "wal") != 0) {
        dm_error_set(err, DM_ERR_DB, 0,
                     "%s: cannot use write-ahead logging (%s); the database's directory must be writable",
                     path, mode ? mode : sqlite3_errmsg(db));
        free(mode);
        sqlite3_close(db);
        return DM_ERR_DB;
    }
    free(mode);
    if (sqlite3_exec(db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; "
                          "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456; "
                          /* without the checkpointer thread (checkpoint.h): SQLite's own checkpoints,
                           * with their fsync, every 4000 pages of log rather than every 1000 */
                          "PRAGMA wal_autocheckpoint = 4000; "
                          /* the text index merges its segments once 16 of a level pile up rather than 4:
                           * a quarter less indexing work per batch, and queries stay fast (FTS5 merges
                           * anyway when a level grows past crisismerge) */
                          "INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16)",
                          NULL, NULL, NULL) != SQLITE_OK) {
        db_error(db, path, "cannot set the connection's options", err);
        sqlite3_close(db);
        return DM_ERR_DB;
    }
    dm_store *s = calloc(1, sizeof *s);
    if (!s) dm_die_oom();
    s->db = db;
    s->path = strdup(path);
    if (!s->path) dm_die_oom();
    for (int i = 0; i < S_COUNT; i++)
        if (sqlite3_prepare_v3(db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
            dm_error_set(err, DM_ERR_DB, 0, "%s: the knowledge base does not have the expected tables (%s)", path,
                         sqlite3_errmsg(db));
            dm_store_close(s);
            return DM_ERR_DB;
        }
    dm_index_start(s);
    if (getenv("DRAGOMAN_SQL_STATS")) {
        s->sql_ns = calloc(S_COUNT + 1, sizeof *s->sql_ns);
        if (!s->sql_ns) dm_die_oom();
        sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, sql_profile, s);
    }
    /* checkpoints on a thread of their own, else SQLite's own (wal_autocheckpoint above) */
    s->ckpt = dm_checkpointer_start(path);
    if (s->ckpt) sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
    *out = s;
    return DM_OK;
}

/* Adds the documents stored since the last call to the full-text index. */
static dm_status index_pending(dm_store *s, dm_error *err) {
    if (!s->fts_pending.n) return DM_OK;
    dm_buf ids;
    dm_buf_init(&ids);
    dm_buf_putc(&ids, '[');
    for (size_t i = 0; i < s->fts_pending.n; i++) dm_buf_printf(&ids, "%s%lld", i ? "," : "", (long long)s->fts_pending.v[i]);
    dm_buf_putc(&ids, ']');
    sqlite3_stmt *st = dm_store_stmt(s, S_FTS_ADD);
    sqlite3_bind_text(st, 1, ids.data, (int)ids.len, SQLITE_STATIC);
    int rc = dm_store_step(s, st, "indexing the documents' text", err);
    sqlite3_reset(st);
    dm_buf_free(&ids);
    s->fts_pending.n = 0;
    return rc < 0 ? DM_ERR_DB : DM_OK;
}

void dm_store_close(dm_store *s) {
    if (!s) return;
    if (s->in_txn) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (s->sql_ns) /* DRAGOMAN_SQL_STATS: which statements cost: time, runs and virtual-machine steps */
        for (int i = 0; i < S_COUNT; i++)
            fprintf(stderr, "sql %2d ms=%.0f runs=%d vm_steps=%d fullscan_steps=%d sorts=%d: %.70s\n", i,
                    s->sql_ns[i] / 1e6, sqlite3_stmt_status(s->st[i], SQLITE_STMTSTATUS_RUN, 0),
                    sqlite3_stmt_status(s->st[i], SQLITE_STMTSTATUS_VM_STEP, 0),
                    sqlite3_stmt_status(s->st[i], SQLITE_STMTSTATUS_FULLSCAN_STEP, 0),
                    sqlite3_stmt_status(s->st[i], SQLITE_STMTSTATUS_SORT, 0), SQL[i]);
    if (s->sql_ns) fprintf(stderr, "sql other ms=%.0f (COMMIT, deletes, migrations)\n", s->sql_ns[S_COUNT] / 1e6);
    free(s->sql_ns);
    for (int i = 0; i < S_COUNT; i++) sqlite3_finalize(s->st[i]);
    dm_checkpointer_stop(s->ckpt); /* before the close, whose checkpoint then copies what is left */
    sqlite3_close(s->db);
    dm_ids_free(&s->fts_pending);
    dm_store_forget_free(s);
    dm_index_free(s);
    free(s->path);
    free(s);
}

/* After a rollback: nothing written in the transaction may be remembered. */
static void rolled_back(dm_store *s) {
    s->fts_pending.n = 0;
    dm_titles_discard(s);
    dm_store_forget(s);
}

/* What waits for the end of a transaction: titles, the text index. */
static dm_status before_commit(dm_store *s, dm_error *err) {
    if (dm_titles_flush(s, err) != DM_OK) return DM_ERR_DB;
    return index_pending(s, err);
}

dm_status dm_store_begin(dm_store *s, dm_error *err) {
    if (s->in_txn) return DM_OK;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s->db, s->path, "cannot start a transaction", err);
    s->in_txn = 1;
    return DM_OK;
}

dm_status dm_store_commit(dm_store *s, dm_error *err) {
    if (!s->in_txn) return DM_OK;
    s->in_txn = 0;
    if (s->doomed) {
        s->doomed = 0;
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        rolled_back(s);
        return dm_error_set(err, DM_ERR_DB, 0, "%s: a document could not be written, so its batch was rolled back",
                            s->path);
    }
    if (before_commit(s, err) != DM_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        rolled_back(s);
        return DM_ERR_DB;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_error(s->db, s->path, "cannot commit", err);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        rolled_back(s);
        return DM_ERR_DB;
    }
    dm_checkpointer_poke(s->ckpt);
    return DM_OK;
}

long long dm_store_count(dm_store *s, const char *table) {
    static const char *const known[] = {"documents", "stories",  "people",       "person_titles", "events",
                                        "reports",   "evidence", "participants", "facts",         "event_topics"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!strcmp(table, known[i])) {
            char sql[64];
            long long n = -1;
            snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", known[i]);
            query_int(s->db, sql, &n);
            return n;
        }
    return -1;
}

/* ---- one document ------------------------------------------------------- */

static void bind_number(sqlite3_stmt *st, int i, dm_line_num v) {
    if (v.kind == DM_NUM_INT) sqlite3_bind_int64(st, i, (sqlite3_int64)v.i);
    else if (v.kind == DM_NUM_REAL) sqlite3_bind_double(st, i, v.d);
    else sqlite3_bind_null(st, i);
}

static dm_status put_stories(dm_store *s, dm_put *put, const dm_line *line, dm_error *err) {
    size_t n = line->nstories;
    put->story_date = calloc(n + 1, sizeof *put->story_date);
    if (!put->story_date) dm_die_oom();
    put->nstories = n;
    for (size_t k = 0; k < n; k++) {
        const dm_line_story *o = &line->stories[k];
        put->story_date[k] = o->date ? o->date : put->published;
        sqlite3_stmt *st = dm_store_stmt(s, S_STORY_INSERT);
        sqlite3_bind_int64(st, 1, put->doc_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
        sqlite3_bind_int64(st, 3, o->start);
        sqlite3_bind_int64(st, 4, o->end);
        dm_bind_text(st, 5, o->date);
        if (dm_store_step(s, st, "storing a story", err) < 0) return DM_ERR_DB;
    }
    return DM_OK;
}

static dm_status put_facts(dm_store *s, dm_put *put, const dm_line *line, dm_error *err) {
    for (size_t k = 0; k < line->nfacts; k++) {
        const dm_line_fact *f = &line->facts[k];
        sqlite3_stmt *st = dm_store_stmt(s, S_FACT_INSERT);
        sqlite3_bind_int64(st, 1, put->doc_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
        dm_bind_text(st, 3, f->metric);
        dm_bind_text(st, 4, f->party1);
        dm_bind_text(st, 5, f->party2);
        sqlite3_bind_double(st, 6, f->value.d);
        dm_bind_text(st, 7, f->unit ? f->unit : "count");
        dm_bind_text(st, 8, f->qualifier ? f->qualifier : "=");
        bind_number(st, 9, f->year);
        dm_bind_text(st, 10, f->part);
        bind_number(st, 11, f->since);
        bind_number(st, 12, f->change_pct);
        if (f->has_span) {
            sqlite3_bind_int64(st, 13, f->span.start);
            sqlite3_bind_int64(st, 14, f->span.end);
        }
        dm_bind_text(st, 15, f->story >= 0 && (size_t)f->story < put->nstories ? put->story_date[f->story]
                                                                                : put->published);
        if (dm_store_step(s, st, "storing a fact", err) < 0) return DM_ERR_DB;
        put->result->facts++;
    }
    return DM_OK;
}

/* Collects ids from a one-column statement bound to id. */
static dm_status collect_ids(dm_store *s, int stmt, int64_t id, dm_ids *out, dm_error *err) {
    sqlite3_stmt *st = dm_store_stmt(s, stmt);
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = dm_store_step(s, st, "reading the old rows", err)) == SQLITE_ROW)
        if (!dm_ids_has(out, sqlite3_column_int64(st, 0))) dm_ids_push(out, sqlite3_column_int64(st, 0));
    return rc < 0 ? DM_ERR_DB : DM_OK;
}

/* Removes an older version of the document, noting what its rows touched. */
static dm_status remove_old(dm_store *s, int64_t old_id, dm_ids *events, dm_ids *people, dm_ids *relink,
                            dm_error *err) {
    /* titles noted so far go in first: the people touched are recomputed from what remains */
    if (dm_titles_flush(s, err)) return DM_ERR_DB;
    if (collect_ids(s, S_DOC_EVENTS, old_id, events, err) || collect_ids(s, S_DOC_PEOPLE, old_id, people, err))
        return DM_ERR_DB;
    for (size_t i = 0; i < events->n; i++)
        if (collect_ids(s, S_PLANNED_BY, events->v[i], relink, err)) return DM_ERR_DB;
    /* out of the full-text index first (unless it was stored in this transaction and is not in it yet) */
    sqlite3_stmt *st;
    int pending = 0;
    for (size_t i = 0; i < s->fts_pending.n; i++)
        if (s->fts_pending.v[i] == old_id) s->fts_pending.v[i] = s->fts_pending.v[--s->fts_pending.n], pending = 1;
    if (!pending) {
        st = dm_store_stmt(s, S_FTS_DELETE);
        sqlite3_bind_int64(st, 1, old_id);
        if (dm_store_step(s, st, "removing the old version from the text index", err) < 0) return DM_ERR_DB;
    }
    /* what the merging cached of these events and people no longer holds */
    dm_store_forget(s);
    for (int k = S_DOC_DELETE_FIRST; k <= S_DOC_DELETE; k++) {
        st = dm_store_stmt(s, k);
        sqlite3_bind_int64(st, 1, old_id);
        if (dm_store_step(s, st, "removing the old version", err) < 0) return DM_ERR_DB;
    }
    return DM_OK;
}

static dm_status put_document(dm_store *s, const dm_store_prepared *p, dm_put *put, dm_error *err) {
    const dm_store_doc *in = &p->doc;
    const char *hash = p->hash;
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_stmt *st = dm_store_stmt(s, S_DOC_INSERT);
    dm_bind_text(st, 1, in->name);
    dm_bind_text(st, 2, hash);
    dm_bind_text(st, 3, put->published);
    dm_bind_text(st, 4, in->title);
    dm_bind_text(st, 5, in->url);
    dm_bind_text(st, 6, in->source);
    sqlite3_bind_text64(st, 7, in->text, in->len, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)in->len);
    dm_bind_text(st, 9, now);
    if (dm_store_step(s, st, "storing the document", err) < 0) return DM_ERR_DB;
    put->doc_id = sqlite3_last_insert_rowid(s->db);
    if (put_stories(s, put, &p->line, err) || put_facts(s, put, &p->line, err)) return DM_ERR_DB;
    for (size_t k = 0; k < p->line.nevents; k++)
        if (dm_store_report(s, put, &p->line.events[k], (int)k, err)) return DM_ERR_DB;
    return DM_OK;
}

dm_status dm_store_prepare(const dm_store_doc *in, dm_store_prepared **out, dm_error *err) {
    *out = NULL;
    if (!in->name || !in->text || !in->json) return dm_error_set(err, DM_ERR_USAGE, 0, "a document needs name, text and json");
    dm_store_prepared *p = calloc(1, sizeof *p);
    if (!p) dm_die_oom();
    /* read whole before anything is written: a failure half-way through a document would doom its batch */
    if (dm_line_read(in->json, in->json_len, &p->line, err) != DM_OK) {
        dm_store_prepared_free(p);
        return DM_ERR_JSON;
    }
    p->doc = *in;
    /* the canonical (big-endian) form in hex: the high half, then the low half */
    XXH128_hash_t h = XXH3_128bits(in->text, in->len);
    snprintf(p->hash, sizeof p->hash, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
    *out = p;
    return DM_OK;
}

void dm_store_prepared_free(dm_store_prepared *p) {
    if (!p) return;
    dm_line_free(&p->line);
    free(p);
}

dm_status dm_store_put(dm_store *s, const dm_store_doc *in, dm_store_result *res, dm_error *err) {
    memset(res, 0, sizeof *res);
    dm_store_prepared *p;
    dm_status status = dm_store_prepare(in, &p, err);
    if (status) return status;
    status = dm_store_put_prepared(s, p, res, err);
    dm_store_prepared_free(p);
    return status;
}

dm_status dm_store_put_prepared(dm_store *s, const dm_store_prepared *p, dm_store_result *res, dm_error *err) {
    dm_error local;
    if (!err) err = &local;
    memset(res, 0, sizeof *res);
    sqlite3_stmt *st = dm_store_stmt(s, S_DOC_FIND);
    dm_bind_text(st, 1, p->doc.name);
    int rc = dm_store_step(s, st, "looking up the document", err);
    if (rc < 0) return DM_ERR_DB;
    int64_t old_id = 0;
    if (rc == SQLITE_ROW) {
        old_id = sqlite3_column_int64(st, 0);
        const char *old_hash = dm_col_text(st, 1);
        if (old_hash && !strcmp(old_hash, p->hash)) {
            sqlite3_reset(st);
            res->outcome = DM_STORE_UNCHANGED;
            return DM_OK;
        }
    }
    sqlite3_reset(st);
    dm_put put = {0};
    put.published = p->line.published;
    put.result = res;
    res->outcome = old_id ? DM_STORE_REPLACED : DM_STORE_NEW;
    dm_ids events = {0}, people = {0}, relink = {0};
    dm_status status = DM_OK;
    /* whole or not at all: its own transaction, or the batch's (which a failure here dooms) */
    int own = !s->in_txn;
    if (own && sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        status = db_error(s->db, s->path, "cannot start a transaction", err);
    if (!status && s->doomed)
        status = dm_error_set(err, DM_ERR_DB, 0, "%s: not stored: an earlier document of this batch failed to be "
                                                 "written, so the batch is rolled back",
                              s->path);
    if (!status && old_id) status = remove_old(s, old_id, &events, &people, &relink, err);
    if (!status) status = put_document(s, p, &put, err);
    if (!status && old_id) status = dm_store_cleanup(s, &put, &events, &people, &relink, err);
    if (!status) dm_ids_push(&s->fts_pending, put.doc_id);
    if (own) {
        if (!status) status = before_commit(s, err);
        if (!status && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            status = db_error(s->db, s->path, "cannot commit", err);
        if (status) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            rolled_back(s);
        }
    } else if (status) {
        /* rows of this document may be half written: only rolling the batch back undoes them */
        s->doomed = 1;
    }
    if (status) memset(res, 0, sizeof *res);
    dm_ids_free(&events);
    dm_ids_free(&people);
    dm_ids_free(&relink);
    dm_ids_free(&put.own_events);
    dm_buf_free(&put.scratch);
    free(put.story_date);
    return status;
}
