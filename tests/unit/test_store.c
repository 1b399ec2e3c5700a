/* The knowledge base (out/store.h): create, put, idempotence, replacement,
 * events and people merged across documents, planned events linked to their
 * occurrence, and refusal of databases that are not ours. */
#include "helpers.h"
#include "out/store.h"
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static int make_dir(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dragoman-store.XXXXXX");
    if (!mkdtemp(dir)) return -1;
    return test_ctx() ? 0 : -1;
}

static int remove_dir(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A fresh database path for each test. */
static const char *fresh_path(const char *name) {
    snprintf(path, sizeof path, "%s/%s.db", dir, name);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
    assert_int_equal(system(cmd), 0);
    return path;
}

static dm_store *open_fresh(const char *name) {
    dm_store *kb = NULL;
    dm_error err = {0};
    assert_int_equal(dm_store_open(fresh_path(name), &kb, &err), DM_OK);
    assert_non_null(kb);
    return kb;
}

/* Extracts text as the document `name` dated date and stores it. */
static dm_store_outcome put_text(dm_store *kb, const char *name, const char *text, const char *date,
                                 dm_store_result *res) {
    dm_doc *doc = NULL;
    dm_error err = {0};
    assert_int_equal(dm_doc_new(name, text, strlen(text), date, &doc, &err), DM_OK);
    dm_doc_extract(test_ctx(), doc);
    size_t n;
    const char *json = dm_doc_json(doc, &n);
    dm_store_doc d = {doc->name, doc->text, doc->len, NULL, NULL, NULL, json, n};
    dm_store_result local;
    if (!res) res = &local;
    dm_status st = dm_store_put(kb, &d, res, &err);
    if (st != DM_OK) fail_msg("put %s: %s", name, err.msg);
    dm_doc_free(doc);
    return res->outcome;
}

/* Stores a hand-written extract line (for exact dates and participants). */
static dm_status put_json(dm_store *kb, const char *name, const char *json, dm_error *err) {
    dm_store_doc d = {name, name, strlen(name), NULL, NULL, NULL, json, strlen(json)};
    dm_store_result res;
    return dm_store_put(kb, &d, &res, err);
}

/* One integer from SQL run on the database file (a second connection, as a reader would). */
static long long sql_int(const char *sql) {
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* One string from SQL (in a static buffer; "" for NULL or no row). */
static const char *sql_str(const char *sql) {
    static char out[512];
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    out[0] = 0;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* Nothing left without what it hangs on: no event without a report, no person without a participant. */
static void assert_no_orphans(void) {
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)"), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE id NOT IN "
                             "(SELECT person_id FROM participants WHERE person_id IS NOT NULL)"),
                     0);
    assert_int_equal(sql_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_string_equal(sql_str("PRAGMA integrity_check"), "ok");
    /* the text index matches the documents (rank 1: checked against the content table) */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    int rc = sqlite3_exec(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)", NULL,
                          NULL, NULL);
    if (rc != SQLITE_OK) fail_msg("documents_fts does not match documents: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
}

static const char MEETING_A[] =
    "ASTANA – Kazakh Foreign Minister Murat Nurtleu met with Japanese Foreign Minister Yoko Tanabe in Astana on "
    "March 4. The ministers discussed trade and energy cooperation.";
static const char MEETING_B[] =
    "TOKYO – Japanese Foreign Minister Yoko Tanabe held talks with Kazakh Foreign Minister M. Nurtleu in Astana "
    "on March 4, 2024. The two sides focused on transport corridors.";
static const char MEETING_C[] =
    "Kazakh Foreign Minister Nurtleu received the Ambassador of Italy Marco Bellini in Astana on April 9.";
static const char MEETING_D[] =
    "Russian Deputy Foreign Minister Andrei Nurtleu met with Chinese Ambassador Zhang Wei in Moscow on April 8.";
static const char VISIT_PLANNED[] =
    "Uzbek President Rustam Karimbekov will pay a state visit to Hungary later this month, the press service said.";
static const char VISIT_OCCURRED[] =
    "BUDAPEST – Uzbek President Rustam Karimbekov arrived in Hungary on a state visit on May 23. He held talks "
    "with Hungarian Prime Minister Gabor Halasz.";

static void test_create_and_put(void **state) {
    (void)state;
    dm_store *kb = open_fresh("create");
    assert_int_equal(dm_store_count(kb, "documents"), 0);
    assert_int_equal(sql_int("PRAGMA user_version"), DM_STORE_SCHEMA_VERSION);
    assert_string_equal(sql_str("PRAGMA journal_mode"), "wal");
    dm_store_result res;
    assert_int_equal(put_text(kb, "a.txt", MEETING_A, "2024-03-05", &res), DM_STORE_NEW);
    assert_int_equal(res.reports, 1);
    assert_int_equal(res.people_new, 2);
    assert_int_equal(dm_store_count(kb, "documents"), 1);
    assert_int_equal(dm_store_count(kb, "events"), 1);
    assert_int_equal(dm_store_count(kb, "participants"), 2);
    assert_true(dm_store_count(kb, "evidence") >= 1);
    assert_int_equal(dm_store_count(kb, "stories"), 1);
    assert_string_equal(sql_str("SELECT date FROM events"), "2024-03-04");
    assert_int_equal(sql_int("SELECT count(*) FROM documents WHERE length(hash) = 32 AND hash NOT GLOB '*[^0-9a-f]*'"), 1);
    /* the text is searchable */
    assert_int_equal(sql_int("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'energy'"), 1);
    dm_store_close(kb);
    assert_no_orphans();
}

static void test_same_hash_changes_nothing(void **state) {
    (void)state;
    dm_store *kb = open_fresh("idempotent");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", NULL);
    const char *tables[] = {"documents", "events", "reports", "people", "participants", "person_titles", "evidence"};
    long long before[7];
    for (int i = 0; i < 7; i++) before[i] = dm_store_count(kb, tables[i]);
    dm_store_result res;
    assert_int_equal(put_text(kb, "a.txt", MEETING_A, "2024-03-05", &res), DM_STORE_UNCHANGED);
    assert_int_equal(res.reports, 0);
    assert_int_equal(put_text(kb, "b.txt", MEETING_B, "2024-03-06", &res), DM_STORE_UNCHANGED);
    for (int i = 0; i < 7; i++) assert_int_equal(dm_store_count(kb, tables[i]), before[i]);
    assert_int_equal(sql_int("SELECT max(reports) FROM person_titles"), 2);
    dm_store_close(kb);
}

static void test_replacement(void **state) {
    (void)state;
    dm_store *kb = open_fresh("replace");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    put_text(kb, "d.txt", MEETING_D, "2024-04-10", NULL);
    dm_store_result res;
    /* the same name with other text: a meeting in Italy instead */
    assert_int_equal(put_text(kb, "a.txt", MEETING_C, "2024-04-10", &res), DM_STORE_REPLACED);
    assert_int_equal(dm_store_count(kb, "documents"), 2);
    /* the old version's report is gone, the new one's is there */
    assert_int_equal(sql_int("SELECT count(*) FROM reports WHERE date = '2024-03-04'"), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM reports r JOIN documents d ON d.id = r.doc_id "
                             "WHERE d.name = 'a.txt' AND r.date = '2024-04-09'"),
                     1);
    /* the Japanese minister was only in the old text: gone; Nurtleu of KAZ is still there */
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'tanabe'"), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'nurtleu' AND country = 'KAZ'"), 1);
    assert_string_equal(sql_str("SELECT first_seen FROM people WHERE surname = 'nurtleu' AND country = 'KAZ'"),
                        "2024-04-09");
    assert_int_equal(dm_store_count(kb, "events"), 2);
    assert_int_equal(sql_int("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'energy'"), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Bellini'"), 1);
    dm_store_close(kb);
    assert_no_orphans();
    assert_int_equal(sql_int("SELECT count(*) FROM stories WHERE doc_id NOT IN (SELECT id FROM documents)"), 0);
}

/* Replacing one of two documents that told one meeting keeps the meeting,
 * recomputed from the report left; replacing an announcement links the
 * occurrence to the new version. */
static void test_replacement_recomputes(void **state) {
    (void)state;
    dm_store *kb = open_fresh("recompute");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", NULL);
    assert_int_equal(dm_store_count(kb, "events"), 1);
    long long event = sql_int("SELECT id FROM events");
    assert_int_equal(put_text(kb, "b.txt", MEETING_D, "2024-04-10", NULL), DM_STORE_REPLACED);
    dm_store_close(kb);
    assert_int_equal(sql_int("SELECT count(*) FROM events"), 2);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM reports WHERE event_id = %lld", event);
    assert_int_equal(sql_int(sql), 1);
    /* its topics are the remaining report's: transport came from the replaced one */
    snprintf(sql, sizeof sql, "SELECT group_concat(topic, ' ') FROM (SELECT topic FROM event_topics WHERE event_id = %lld ORDER BY topic)", event);
    assert_string_equal(sql_str(sql), "energy trade");
    /* the people only the old version named are gone, the others stay */
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'nurtleu'"), 2);
    assert_string_equal(sql_str("SELECT name FROM people WHERE surname = 'nurtleu' AND country = 'KAZ'"), "Murat Nurtleu");
    assert_no_orphans();

    kb = open_fresh("relink");
    put_text(kb, "p.txt", VISIT_PLANNED, "2024-05-02", NULL);
    put_text(kb, "o.txt", VISIT_OCCURRED, "2024-05-24", NULL);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE planned_id IS NOT NULL"), 1);
    put_text(kb, "p.txt",
             "Uzbek President Rustam Karimbekov will pay a state visit to Hungary later this month, the press "
             "service said. Talks on energy are expected.",
             "2024-05-03", NULL);
    dm_store_close(kb);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'visit'"), 2);
    assert_int_equal(sql_int("SELECT count(*) FROM events o JOIN events p ON p.id = o.planned_id "
                             "JOIN reports r ON r.event_id = p.id JOIN documents d ON d.id = r.doc_id "
                             "WHERE d.published = '2024-05-03'"),
                     1);
    assert_no_orphans();
    /* an announcement replaced by unrelated text: the occurrence keeps no link to the event that went */
    dm_error err = {0};
    assert_int_equal(dm_store_open(path, &kb, &err), DM_OK); /* the same database again */
    assert_int_equal(put_text(kb, "p.txt", MEETING_C, "2024-05-03", NULL), DM_STORE_REPLACED);
    dm_store_close(kb);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'visit'"), 1);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE planned_id IS NOT NULL"), 0);
    assert_int_equal(sql_int("SELECT count(*) FROM event_topics WHERE event_id NOT IN (SELECT id FROM events)"), 0);
    assert_no_orphans();
}

static void test_one_meeting_two_reports(void **state) {
    (void)state;
    dm_store *kb = open_fresh("merge");
    dm_store_result res;
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", &res);
    assert_int_equal(res.merged, 1);
    assert_int_equal(dm_store_count(kb, "events"), 1);
    assert_int_equal(dm_store_count(kb, "reports"), 2);
    assert_int_equal(sql_int("SELECT count(DISTINCT event_id) FROM reports"), 1);
    /* the union of the topics both reports give */
    assert_int_equal(sql_int("SELECT count(*) FROM event_topics WHERE topic IN ('trade', 'energy', 'transport')"), 3);
    assert_string_equal(sql_str("SELECT city FROM events"), "Astana");
    /* a meeting of the same two on another day is another event */
    put_text(kb, "e.txt",
             "Kazakh Foreign Minister Murat Nurtleu met with Japanese Foreign Minister Yoko Tanabe in Tokyo on "
             "June 12.",
             "2024-06-13", &res);
    assert_int_equal(res.merged, 0);
    assert_int_equal(dm_store_count(kb, "events"), 2);
    dm_store_close(kb);
    assert_no_orphans();

    /* the same, with the second report stored by a later run: a new knowledge base keeps
     * every event in memory, one with events already stored reads them from the database */
    kb = open_fresh("merge-later");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    dm_store_close(kb);
    dm_error err = {0};
    assert_int_equal(dm_store_open(path, &kb, &err), DM_OK);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", &res);
    assert_int_equal(res.merged, 1);
    assert_int_equal(dm_store_count(kb, "events"), 1);
    /* and after a replacement (which drops what the store held in memory) */
    put_text(kb, "c.txt", MEETING_C, "2024-04-10", NULL);
    assert_int_equal(put_text(kb, "c.txt", MEETING_D, "2024-04-10", NULL), DM_STORE_REPLACED);
    put_text(kb, "f.txt",
             "Japanese Foreign Minister Yoko Tanabe and Kazakh Foreign Minister Murat Nurtleu held talks in Astana "
             "on March 4, 2024.",
             "2024-03-07", &res);
    assert_int_equal(res.merged, 1);
    assert_int_equal(sql_int("SELECT count(*) FROM reports r JOIN events e ON e.id = r.event_id "
                             "WHERE e.date = '2024-03-04'"),
                     3);
    dm_store_close(kb);
    assert_no_orphans();
}

static void test_planned_then_occurred(void **state) {
    (void)state;
    /* in the order things happened, then the other way round */
    for (int order = 0; order < 2; order++) {
        dm_store *kb = open_fresh(order ? "planned2" : "planned1");
        if (order == 0) put_text(kb, "p.txt", VISIT_PLANNED, "2024-05-02", NULL);
        put_text(kb, "o.txt", VISIT_OCCURRED, "2024-05-24", NULL);
        if (order == 1) put_text(kb, "p.txt", VISIT_PLANNED, "2024-05-02", NULL);
        dm_store_close(kb);
        assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'visit'"), 2);
        assert_int_equal(sql_int("SELECT count(*) FROM events o JOIN events p ON p.id = o.planned_id "
                                 "WHERE o.kind = 'visit' AND o.status = 'occurred' AND p.status = 'planned'"),
                         1);
        /* the meeting in the same story is not the visit's occurrence */
        assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'meeting' AND planned_id IS NOT NULL"), 0);
    }
    /* an announcement after the event is not its plan, in either order of ingest */
    for (int order = 0; order < 2; order++) {
        dm_store *kb = open_fresh("planned-late");
        static const char late[] =
            "Uzbek President Rustam Karimbekov will pay a state visit to Hungary, the press service said.";
        if (order == 0) put_text(kb, "o.txt", VISIT_OCCURRED, "2024-05-24", NULL);
        put_text(kb, "late.txt", late, "2024-07-02", NULL);
        if (order == 1) put_text(kb, "o.txt", VISIT_OCCURRED, "2024-05-24", NULL);
        dm_store_close(kb);
        assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'visit' AND status = 'planned'"), 1);
        assert_int_equal(sql_int("SELECT count(*) FROM events WHERE planned_id IS NOT NULL"), 0);
    }
    /* nor is a plan for another month */
    dm_store *kb = open_fresh("planned-june");
    put_text(kb, "june.txt",
             "Uzbek President Rustam Karimbekov will pay a state visit to Hungary in June, the press service said.",
             "2024-05-02", NULL);
    put_text(kb, "o.txt", VISIT_OCCURRED, "2024-05-24", NULL);
    dm_store_close(kb);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE kind = 'visit' AND status = 'planned' "
                             "AND date = '2024-06'"),
                     1);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE planned_id IS NOT NULL"), 0);
}

static void test_people_across_documents(void **state) {
    (void)state;
    dm_store *kb = open_fresh("people");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", NULL);
    put_text(kb, "c.txt", MEETING_C, "2024-04-10", NULL);
    dm_store_close(kb);
    /* "Murat Nurtleu", "M. Nurtleu", "Nurtleu" of Kazakhstan: one person, the fullest name */
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'nurtleu'"), 1);
    assert_string_equal(sql_str("SELECT name FROM people WHERE surname = 'nurtleu'"), "Murat Nurtleu");
    assert_int_equal(sql_int("SELECT count(DISTINCT person_id) FROM participants WHERE name LIKE '%Nurtleu'"), 1);
    assert_string_equal(sql_str("SELECT first_seen FROM people WHERE surname = 'nurtleu'"), "2024-03-04");
    assert_string_equal(sql_str("SELECT last_seen FROM people WHERE surname = 'nurtleu'"), "2024-04-09");
    assert_string_equal(sql_str("SELECT role FROM person_titles t JOIN people p ON p.id = t.person_id "
                                "WHERE p.surname = 'nurtleu' AND t.title LIKE '%Foreign Minister'"),
                        "foreign_minister");
    /* the same surname in another state is another person */
    kb = NULL;
    dm_error err = {0};
    assert_int_equal(dm_store_open(path, &kb, &err), DM_OK);
    put_text(kb, "d.txt", MEETING_D, "2024-04-10", NULL);
    dm_store_close(kb);
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'nurtleu'"), 2);
    assert_int_equal(sql_int("SELECT count(*) FROM people WHERE surname = 'nurtleu' AND country = 'RUS'"), 1);
}

/* Hand-written lines: an undated meeting merges with one told by a document a
 * day later, not with one told ten days later. */
#define UNDATED(name, published)                                                                                   \
    "{\"doc\":\"" name "\",\"published\":\"" published "\",\"events\":[{\"kind\":\"meeting\",\"status\":"        \
    "\"occurred\",\"date\":null,\"location\":null,\"participants\":[{\"kind\":\"person\",\"name\":\"Aigul "      \
    "Sarsen\",\"country\":\"KAZ\",\"title\":\"Minister of Energy\",\"role\":\"minister\"},{\"kind\":\"person\","   \
    "\"name\":\"Tomas Berg\",\"country\":\"NOR\",\"title\":\"Minister\",\"role\":\"minister\"}],\"org\":null,"   \
    "\"topics\":[\"energy\"],\"cameo\":\"040\",\"evidence\":[{\"start\":0,\"end\":4}],\"story\":0}],"           \
    "\"facts\":[],\"stories\":[{\"start\":0,\"end\":4,\"date\":\"" published "\"}]}"

static void test_undated_events(void **state) {
    (void)state;
    dm_store *kb = open_fresh("undated");
    dm_error err = {0};
    assert_int_equal(put_json(kb, "u1", UNDATED("u1", "2024-02-10"), &err), DM_OK);
    assert_int_equal(put_json(kb, "u2", UNDATED("u2", "2024-02-11"), &err), DM_OK);
    assert_int_equal(dm_store_count(kb, "events"), 1);
    assert_int_equal(put_json(kb, "u3", UNDATED("u3", "2024-02-21"), &err), DM_OK);
    assert_int_equal(dm_store_count(kb, "events"), 2);
    assert_int_equal(dm_store_count(kb, "people"), 2);
    dm_store_close(kb);
    assert_no_orphans();
}

/* A meeting of persons (surnames; all KAZ-less, so only names are keys) on 2024-03-04. */
static void put_meeting(dm_store *kb, const char *doc, const char *const *names, int n) {
    char json[2048];
    int len = snprintf(json, sizeof json,
                       "{\"doc\":\"%s\",\"published\":\"2024-03-05\",\"events\":[{\"kind\":\"meeting\",\"status\":"
                       "\"occurred\",\"date\":\"2024-03-04\",\"location\":null,\"participants\":[",
                       doc);
    for (int i = 0; i < n; i++)
        len += snprintf(json + len, sizeof json - (size_t)len,
                        "%s{\"kind\":\"person\",\"name\":\"%s\",\"title\":\"Minister\",\"role\":\"minister\"}",
                        i ? "," : "", names[i]);
    snprintf(json + len, sizeof json - (size_t)len,
             "],\"org\":null,\"topics\":[],\"cameo\":\"040\",\"evidence\":[],\"story\":0}],\"facts\":[],"
             "\"stories\":[{\"start\":0,\"end\":4,\"date\":\"2024-03-05\"}]}");
    dm_error err = {0};
    dm_store_doc d = {doc, doc, strlen(doc), NULL, NULL, NULL, json, strlen(json)};
    dm_store_result res;
    if (dm_store_put(kb, &d, &res, &err) != DM_OK) fail_msg("put %s: %s", doc, err.msg);
}

/* The index passes over the events of a date that share too few participants
 * with a report; an event whose participants grew by a merge is found by the
 * new ones, and many other events of the day hide nothing. */
static void test_merge_by_keys_a_merge_added(void **state) {
    (void)state;
    dm_store *kb = open_fresh("keys");
    char names[40][32];
    for (int i = 0; i < 40; i++) { /* forty other meetings that day, pairs of other people */
        snprintf(names[i], sizeof names[i], "Person Number%c%c", 'a' + i % 20, 'a' + i / 20);
        if (i % 2) {
            const char *pair[] = {names[i - 1], names[i]};
            char doc[16];
            snprintf(doc, sizeof doc, "other%d", i);
            put_meeting(kb, doc, pair, 2);
        }
    }
    const char *first[] = {"Aigul Sarsen", "Tomas Berg"};
    put_meeting(kb, "first", first, 2);
    const char *grown[] = {"Aigul Sarsen", "Tomas Berg", "Ines Vale"}; /* the same meeting, one more named */
    put_meeting(kb, "grown", grown, 3);
    assert_int_equal(dm_store_count(kb, "events"), 21);
    const char *later[] = {"Ines Vale", "Tomas Berg"}; /* shares with the event only through "grown" */
    put_meeting(kb, "later", later, 2);
    const char *one[] = {"Tomas Berg"}; /* one key: one in common is enough */
    put_meeting(kb, "one", one, 1);
    const char *stranger[] = {"Tomas Berg", "Olga Stranger"}; /* two keys, one in common: another meeting */
    put_meeting(kb, "stranger", stranger, 2);
    assert_int_equal(dm_store_count(kb, "events"), 22);
    assert_int_equal(sql_int("SELECT count(*) FROM reports r JOIN documents d ON d.id = r.doc_id "
                             "WHERE d.name IN ('first', 'grown', 'later', 'one') AND r.event_id = "
                             "(SELECT event_id FROM reports WHERE doc_id = (SELECT id FROM documents WHERE name = 'first'))"),
                     4);
    dm_store_close(kb);
    assert_no_orphans();
}

static void test_bad_line_stores_nothing(void **state) {
    (void)state;
    dm_store *kb = open_fresh("bad");
    dm_error err = {0};
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    assert_int_equal(put_json(kb, "x", "{\"doc\":\"x\",\"events\":", &err), DM_ERR_JSON);
    assert_int_equal(put_json(kb, "y", "{\"doc\":\"y\",\"events\":[{\"participants\":[]}]}", &err), DM_ERR_JSON);
    assert_int_equal(dm_store_count(kb, "documents"), 1);
    /* in a batch too: the failed document goes, the others stay */
    assert_int_equal(dm_store_begin(kb, &err), DM_OK);
    put_text(kb, "b.txt", MEETING_B, "2024-03-06", NULL);
    assert_int_equal(put_json(kb, "y", "{\"doc\":\"y\",\"events\":[{\"participants\":[]}]}", &err), DM_ERR_JSON);
    put_text(kb, "c.txt", MEETING_C, "2024-04-10", NULL);
    assert_int_equal(dm_store_commit(kb, &err), DM_OK);
    assert_int_equal(dm_store_count(kb, "documents"), 3);
    dm_store_close(kb);
    assert_no_orphans();
    assert_int_equal(sql_int("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Bellini'"), 1);
}

static void test_refuses_what_is_not_ours(void **state) {
    (void)state;
    dm_store *kb = NULL;
    dm_error err = {0};
    sqlite3 *db;
    /* another schema version */
    assert_int_equal(sqlite3_open(fresh_path("newer"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE documents(id); PRAGMA user_version = 2", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(dm_store_open(path, &kb, &err), DM_ERR_DB);
    assert_null(kb);
    assert_non_null(strstr(err.msg, "version 2"));
    /* somebody else's database */
    assert_int_equal(sqlite3_open(fresh_path("other"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE orders(id, total)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(dm_store_open(path, &kb, &err), DM_ERR_DB);
    assert_non_null(strstr(err.msg, "not a dragoman knowledge base"));
    assert_int_equal(sql_int("SELECT count(*) FROM sqlite_schema"), 1); /* left as it was */
    /* not a database at all */
    FILE *f = fopen(fresh_path("text"), "w");
    assert_non_null(f);
    fputs("These are minutes of a meeting, not a database. They go on for a while to fill a page.\n", f);
    for (int i = 0; i < 100; i++) fputs("More minutes.\n", f);
    fclose(f);
    assert_int_equal(dm_store_open(path, &kb, &err), DM_ERR_DB);
    assert_non_null(strstr(err.msg, "not a SQLite database"));
    /* a directory, and a directory that does not exist */
    assert_int_equal(dm_store_open(dir, &kb, &err), DM_ERR_DB);
    assert_non_null(strstr(err.msg, "directory"));
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/dir/kb.db", dir);
    assert_int_equal(dm_store_open(missing, &kb, &err), DM_ERR_DB);
    assert_non_null(strstr(err.msg, "cannot open or create"));
    /* ours is opened again, with its data */
    kb = open_fresh("reopen");
    put_text(kb, "a.txt", MEETING_A, "2024-03-05", NULL);
    dm_store_close(kb);
    assert_int_equal(dm_store_open(path, &kb, &err), DM_OK);
    assert_int_equal(dm_store_count(kb, "documents"), 1);
    dm_store_close(kb);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_and_put),
        cmocka_unit_test(test_same_hash_changes_nothing),
        cmocka_unit_test(test_replacement),
        cmocka_unit_test(test_replacement_recomputes),
        cmocka_unit_test(test_one_meeting_two_reports),
        cmocka_unit_test(test_planned_then_occurred),
        cmocka_unit_test(test_people_across_documents),
        cmocka_unit_test(test_undated_events),
        cmocka_unit_test(test_merge_by_keys_a_merge_added),
        cmocka_unit_test(test_bad_line_stores_nothing),
        cmocka_unit_test(test_refuses_what_is_not_ours),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
