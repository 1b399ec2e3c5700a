/* The knowledge-base queries on the fixture (tests/kb/fixture.sql over
 * src/out/schema.sql) and the row writers (table, JSON, CSV, TSV).
 * Run from the repository root, or set DM_SRCDIR to it. */
#include "helpers.h"
#include "out/query.h"
#include "out/rows.h"
#include <jansson.h>
#include <sqlite3.h>
#include <unistd.h>

static char db_path[64];
static dm_kb *kb;

/* Reads a file of the source tree into a malloc'd string. */
static char *read_source(const char *rel) {
    const char *root = getenv("DM_SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root ? root : ".", rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "test_query: cannot read %s (run from the repository root or set DM_SRCDIR)\n", path);
        return NULL;
    }
    dm_buf b;
    dm_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) dm_buf_put(&b, chunk, n);
    fclose(f);
    dm_buf_putc(&b, 0);
    return b.data;
}

/* Creates a database file at path from SQL scripts (NULL-terminated); returns 0 on success. */
static int make_db(const char *path, const char *const *scripts) {
    sqlite3 *db = NULL;
    unlink(path);
    if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
    int rc = 0;
    for (size_t i = 0; scripts[i] && !rc; i++) {
        char *msg = NULL;
        if (sqlite3_exec(db, scripts[i], NULL, NULL, &msg) != SQLITE_OK) {
            fprintf(stderr, "test_query: %s\n", msg);
            rc = -1;
        }
        sqlite3_free(msg);
    }
    sqlite3_close(db);
    return rc;
}

static int setup_kb(void **state) {
    (void)state;
    snprintf(db_path, sizeof db_path, "/tmp/dm-test-query-%ld.db", (long)getpid());
    char *schema = read_source("src/out/schema.sql"), *fixture = read_source("tests/kb/fixture.sql");
    const char *scripts[] = {schema, fixture, NULL};
    int rc = schema && fixture ? make_db(db_path, scripts) : -1;
    free(schema);
    free(fixture);
    if (rc) return -1;
    dm_error err;
    kb = dm_kb_open(db_path, &err);
    if (!kb) fprintf(stderr, "test_query: %s\n", err.msg);
    return kb ? 0 : -1;
}

static int teardown_kb(void **state) {
    (void)state;
    dm_kb_close(kb);
    unlink(db_path);
    return 0;
}

/* The values of one column, comma-separated ("-" for NULL), in a static buffer. */
static const char *column(const dm_rows *r, const char *name) {
    static char buf[1024];
    int c = dm_rows_col(r, name);
    assert_true(c >= 0);
    buf[0] = 0;
    for (size_t i = 0; i < r->nrows; i++) {
        const char *s = dm_rows_cell(r, i, (size_t)c)->text;
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "," : "", s ? s : "-");
    }
    return buf;
}

/* The ids of the events a filter selects. */
static const char *event_ids(dm_query_filter f) {
    static char ids[1024];
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_events(kb, &f, &r, &err), DM_OK);
    snprintf(ids, sizeof ids, "%s", column(&r, "id"));
    dm_rows_free(&r);
    return ids;
}

/* ---- events ---------------------------------------------------------------- */

static void events_are_sorted_by_date_undated_last(void **state) {
    (void)state;
    dm_query_filter f = {0};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_events(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "7,8,11,1,2,3,4,5,6,9,10");
    assert_string_equal(column(&r, "sources"), "1,1,1,2,1,1,1,1,1,1,1");
    assert_string_equal(dm_rows_get(&r, 3, "participants"), "Aidar Temirbekov (KAZ); Haruki Sato (JPN)");
    assert_string_equal(dm_rows_get(&r, 3, "topics"), "energy trade transport");
    assert_string_equal(dm_rows_get(&r, 3, "place"), "Astana, KAZ");
    assert_null(dm_rows_get(&r, 4, "place")); /* the call has no place */
    assert_string_equal(dm_rows_get(&r, 5, "place"), "DEU");
    dm_rows_free(&r);
}

static void events_filter_by_state_and_counterpart(void **state) {
    (void)state;
    assert_string_equal(event_ids((dm_query_filter){.country = "DEU"}), "2,3,4,5,6");
    assert_string_equal(event_ids((dm_query_filter){.country = "KAZ", .with = "JPN"}), "11,1,9,10");
    assert_string_equal(event_ids((dm_query_filter){.with = "TUR"}), "7,8");
    assert_string_equal(event_ids((dm_query_filter){.country = "JPN", .with = "DEU"}), "");
    /* the location counts for --country: Germany hosted the visit with no German named */
    assert_string_equal(event_ids((dm_query_filter){.country = "DEU", .kind = "visit"}), "3,4");
}

static void events_filter_by_person_ignoring_case_and_accents(void **state) {
    (void)state;
    assert_string_equal(event_ids((dm_query_filter){.person = "aydinoglu"}), "7,8");
    assert_string_equal(event_ids((dm_query_filter){.person = "AYDINOĞLU"}), "7,8");
    assert_string_equal(event_ids((dm_query_filter){.person = "Temirbekov"}), "11,1,6");
    assert_string_equal(event_ids((dm_query_filter){.person = "haruki sato"}), "1");
    assert_string_equal(event_ids((dm_query_filter){.person = "Nobody"}), "");
}

static void events_filter_by_kind_status_topic(void **state) {
    (void)state;
    assert_string_equal(event_ids((dm_query_filter){.kind = "visit"}), "3,4");
    assert_string_equal(event_ids((dm_query_filter){.status = "planned"}), "3,10");
    assert_string_equal(event_ids((dm_query_filter){.topic = "energy"}), "1,4,5,6");
    assert_string_equal(event_ids((dm_query_filter){.kind = "meeting", .topic = "investment"}), "9");
}

static void events_filter_by_partial_dates_and_limit(void **state) {
    (void)state;
    assert_string_equal(event_ids((dm_query_filter){.since = "2023-06"}), "3,4,5,6,9");
    assert_string_equal(event_ids((dm_query_filter){.until = "2022"}), "7,8,11");
    assert_string_equal(event_ids((dm_query_filter){.since = "2023-03-13", .until = "2023-05"}), "1,2");
    /* a month-precise event is inside a range that cuts that month */
    assert_string_equal(event_ids((dm_query_filter){.since = "2023-06-15", .until = "2023-06-18"}), "3");
    assert_string_equal(event_ids((dm_query_filter){.limit = 2}), "7,8");
}

/* ---- people ---------------------------------------------------------------- */

static void people_latest_title_and_titles_over_time(void **state) {
    (void)state;
    dm_query_filter f = {0};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_people(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "3,1,9,8,4,5,2,10,7,6");
    assert_string_equal(column(&r, "events"), "6,3,3,2,2,2,1,1,1,1");
    assert_string_equal(dm_rows_get(&r, 1, "title"), "Foreign Minister");
    assert_string_equal(dm_rows_get(&r, 1, "role"), "foreign_minister");
    assert_string_equal(dm_rows_get(&r, 1, "first_seen"), "2022-11");
    json_error_t jerr;
    json_t *titles = json_loads(dm_rows_get(&r, 1, "titles"), 0, &jerr);
    assert_non_null(titles);
    assert_int_equal(json_array_size(titles), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(titles, 0), "title")),
                        "Deputy Foreign Minister");
    assert_string_equal(json_string_value(json_object_get(json_array_get(titles, 1), "role")), "foreign_minister");
    json_decref(titles);
    /* person 2 was last called "Kazakh counterpart", a relation: the office is shown */
    assert_string_equal(dm_rows_get(&r, 6, "id"), "2");
    assert_string_equal(dm_rows_get(&r, 6, "title"), "Foreign Minister");
    titles = json_loads(dm_rows_get(&r, 6, "titles"), 0, &jerr);
    assert_int_equal(json_array_size(titles), 2);
    json_decref(titles);
    dm_rows_free(&r);
}

static const char *people_ids(dm_query_filter f) {
    static char ids[256];
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_people(kb, &f, &r, &err), DM_OK);
    snprintf(ids, sizeof ids, "%s", column(&r, "id"));
    dm_rows_free(&r);
    return ids;
}

static void people_filters(void **state) {
    (void)state;
    assert_string_equal(people_ids((dm_query_filter){.country = "KAZ"}), "3,1,8");
    assert_string_equal(people_ids((dm_query_filter){.role = "deputy_minister"}), "9,8"); /* the latest role */
    assert_string_equal(people_ids((dm_query_filter){.name = "aydinoglu"}), "5");
    assert_string_equal(people_ids((dm_query_filter){.name = "Dana"}), "8");
}

/* ---- partners --------------------------------------------------------------- */

static void partners_ranked_with_kinds_level_topics(void **state) {
    (void)state;
    dm_query_filter f = {.country = "KAZ"};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_partners(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "partner"), "DEU,JPN,TUR,AZE");
    assert_string_equal(column(&r, "events"), "5,4,2,1");
    assert_string_equal(column(&r, "visit"), "2,0,0,0");
    assert_string_equal(column(&r, "call"), "1,0,0,0");
    assert_string_equal(column(&r, "agreement"), "1,0,0,0");
    assert_string_equal(column(&r, "meeting"), "1,4,1,0");
    assert_string_equal(column(&r, "level"), "head_of_state,foreign_minister,head_of_state,head_of_state");
    assert_string_equal(dm_rows_get(&r, 0, "topics"), "energy trade political");
    assert_string_equal(dm_rows_get(&r, 1, "topics"), "trade energy investment");
    dm_rows_free(&r);

    /* meetings only: a meeting of heads outranks a head with a head of government */
    dm_rows_init(&r);
    f.kind = "meeting";
    assert_int_equal(dm_query_partners(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "partner"), "JPN,TUR,DEU");
    assert_string_equal(column(&r, "level"), "foreign_minister,head_of_state,head_of_government");
    dm_rows_free(&r);

    dm_rows_init(&r);
    f = (dm_query_filter){.country = "JPN"};
    assert_int_equal(dm_query_partners(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "partner"), "KAZ");
    assert_string_equal(column(&r, "events"), "4");
    dm_rows_free(&r);
}

/* ---- facts ----------------------------------------------------------------- */

static void facts_filters_and_plain_numbers(void **state) {
    (void)state;
    dm_query_filter f = {.metric = "trade_turnover", .country = "KAZ", .with = "JPN"};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_facts(kb, &f, 0, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "2,6,1,5");
    assert_string_equal(column(&r, "value"), "1900000000,1200000000,1900000000,2300000000");
    assert_string_equal(column(&r, "change_pct"), "-,-,71,-");
    dm_rows_free(&r);

    dm_rows_init(&r);
    f = (dm_query_filter){.since = "2022", .until = "2022"};
    assert_int_equal(dm_query_facts(kb, &f, 0, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "2,3,1");
    dm_rows_free(&r);

    dm_rows_init(&r);
    f = (dm_query_filter){.country = "DEU"};
    assert_int_equal(dm_query_facts(kb, &f, 0, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "4,3");
    dm_rows_free(&r);
}

static void facts_series_per_year_with_documents(void **state) {
    (void)state;
    dm_query_filter f = {.metric = "trade_turnover", .country = "JPN"};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_facts(kb, &f, 1, &r, &err), DM_OK);
    /* the pair is one whichever party a document named first */
    assert_string_equal(column(&r, "party1"), "JPN,JPN,JPN");
    assert_string_equal(column(&r, "party2"), "KAZ,KAZ,KAZ");
    assert_string_equal(column(&r, "year"), "2021,2022,2023");
    assert_string_equal(column(&r, "value"), "1200000000,1900000000,2300000000");
    assert_string_equal(column(&r, "documents"), "1,2,1");
    dm_rows_free(&r);
}

/* ---- show ------------------------------------------------------------------- */

static void show_merges_reports_and_cuts_evidence_by_bytes(void **state) {
    (void)state;
    dm_event_detail d;
    dm_error err;
    assert_int_equal(dm_query_show(kb, 1, &d, &err), DM_OK);
    assert_string_equal(dm_rows_get(&d.event, 0, "kind"), "meeting");
    assert_string_equal(dm_rows_get(&d.event, 0, "cameo"), "040"); /* a tie: the earliest report's */
    assert_string_equal(column(&d.participants, "person_id"), "1,2");
    assert_string_equal(column(&d.participants, "reports"), "2,2");
    assert_string_equal(column(&d.sources, "document"), "kaz-jpn-fm-talks.txt,wire-2023-03.jsonl#4");
    assert_string_equal(column(&d.sources, "url"),
                        "https://example.org/news/kaz-jpn-fm-talks,https://example.org/wire/4");
    assert_int_equal(d.evidence.nrows, 3);
    assert_string_equal(dm_rows_get(&d.evidence, 1, "text"),
                        "The ministers discussed trade, energy and new transit corridors across the Caspian Sea.");
    assert_int_equal(d.planned.nrows, 0);
    dm_event_detail_free(&d);

    /* after multi-byte characters: offsets are bytes, not characters */
    assert_int_equal(dm_query_show(kb, 7, &d, &err), DM_OK);
    assert_string_equal(dm_rows_get(&d.evidence, 0, "text"),
                        "President Kemal Aydınoğlu of Türkiye, President Rauf Məmmədli of Azerbaijan and CICA "
                        "Secretary General Pavel Kuznetsov addressed the leaders on regional security.");
    assert_string_equal(column(&d.participants, "kind"), "person,person,person,person,org");
    dm_event_detail_free(&d);
}

static void show_links_announcement_and_fulfilment(void **state) {
    (void)state;
    dm_event_detail d;
    dm_error err;
    assert_int_equal(dm_query_show(kb, 4, &d, &err), DM_OK);
    assert_string_equal(dm_rows_get(&d.event, 0, "planned_id"), "3");
    assert_string_equal(column(&d.planned, "id"), "3");
    assert_string_equal(column(&d.planned, "status"), "planned");
    dm_event_detail_free(&d);
    assert_int_equal(dm_query_show(kb, 3, &d, &err), DM_OK);
    assert_string_equal(column(&d.followed_by, "id"), "4");
    dm_event_detail_free(&d);
    memset(&err, 0, sizeof err);
    assert_int_equal(dm_query_show(kb, 99, &d, &err), DM_ERR_USAGE);
    assert_non_null(strstr(err.msg, "99"));
    dm_event_detail_free(&d);
}

/* ---- search ----------------------------------------------------------------- */

static void search_ranks_and_snippets(void **state) {
    (void)state;
    dm_query_filter f = {0};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_search(kb, "hydrogen", &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "id"), "4");
    assert_non_null(strstr(dm_rows_get(&r, 0, "snippet"), "[Hydrogen]"));
    assert_string_equal(column(&r, "events"), "3");
    dm_rows_free(&r);

    dm_rows_init(&r);
    assert_int_equal(dm_query_search(kb, "\"state visit\"", &f, &r, &err), DM_OK);
    assert_int_equal(r.nrows, 2);
    dm_rows_free(&r);

    dm_rows_init(&r);
    f.since = "2023-06";
    assert_int_equal(dm_query_search(kb, "trade", &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "published"), "2024-02-10,2023-06-21");
    dm_rows_free(&r);
}

static void search_rejects_malformed_query(void **state) {
    (void)state;
    dm_query_filter f = {0};
    const char *bad[] = {"trade AND \"", "NEAR(", "AND", "*"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dm_rows r;
        dm_rows_init(&r);
        dm_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(dm_query_search(kb, bad[i], &f, &r, &err), DM_ERR_USAGE);
        assert_non_null(strstr(err.msg, "not a valid search"));
        dm_rows_free(&r);
    }
}

/* ---- export ----------------------------------------------------------------- */

static void export_pairs_actors_per_event(void **state) {
    (void)state;
    dm_query_filter f = {0};
    dm_rows r;
    dm_rows_init(&r);
    dm_error err;
    assert_int_equal(dm_query_export(kb, &f, &r, &err), DM_OK);
    /* the summit: 3 heads of state and the CICA official, 6 pairs; the org itself is represented by its official */
    assert_string_equal(column(&r, "event_id"), "7,7,7,7,7,7,8,11,1,2,3,4,5,6,9,10");
    size_t visit = 11, meeting = 8, agreement = 13;
    /* a visit: the visitor is the source, the host state the target */
    assert_string_equal(dm_rows_get(&r, visit, "source_name"), "Erlan Dosmukhamedov");
    assert_null(dm_rows_get(&r, visit, "target_name"));
    assert_string_equal(dm_rows_get(&r, visit, "target_country"), "DEU");
    assert_string_equal(dm_rows_get(&r, visit, "cameo"), "042");
    /* a meeting in Astana: the Kazakh host is the target */
    assert_string_equal(dm_rows_get(&r, meeting, "source_country"), "JPN");
    assert_string_equal(dm_rows_get(&r, meeting, "target_country"), "KAZ");
    assert_string_equal(dm_rows_get(&r, meeting, "sources"), "2");
    assert_string_equal(dm_rows_get(&r, meeting, "first_document"), "kaz-jpn-fm-talks.txt");
    /* an agreement: the signatories stand for their states */
    assert_string_equal(dm_rows_get(&r, agreement, "source_name"), "Aidar Temirbekov");
    assert_string_equal(dm_rows_get(&r, agreement, "target_name"), "Jonas Albrecht");
    dm_rows_free(&r);

    dm_rows_init(&r);
    f.person = "morita";
    assert_int_equal(dm_query_export(kb, &f, &r, &err), DM_OK);
    assert_string_equal(column(&r, "event_id"), "11,9,10");
    dm_rows_free(&r);
}

/* ---- opening ---------------------------------------------------------------- */

static void open_refuses_what_is_not_a_knowledge_base(void **state) {
    (void)state;
    dm_error err;
    assert_null(dm_kb_open("/nonexistent/dragoman.db", &err));
    assert_int_equal(err.code, DM_ERR_IO);
    assert_non_null(strstr(err.msg, "dragoman ingest"));

    char path[80];
    snprintf(path, sizeof path, "/tmp/dm-test-query-%ld-newer.db", (long)getpid());
    char *schema = read_source("src/out/schema.sql");
    assert_non_null(schema);
    char newer[64], says[64], reads[64]; /* a database from a newer dragoman */
    snprintf(newer, sizeof newer, "PRAGMA user_version = %d;", DM_STORE_SCHEMA_VERSION + 1);
    snprintf(says, sizeof says, "version %d", DM_STORE_SCHEMA_VERSION + 1);
    snprintf(reads, sizeof reads, "reads versions 1 to %d", DM_STORE_SCHEMA_VERSION);
    const char *later[] = {schema, newer, NULL};
    assert_int_equal(make_db(path, later), 0);
    free(schema);
    assert_null(dm_kb_open(path, &err));
    assert_non_null(strstr(err.msg, says));
    assert_non_null(strstr(err.msg, reads));

    const char *empty[] = {"CREATE TABLE other(x);", NULL};
    assert_int_equal(make_db(path, empty), 0);
    assert_null(dm_kb_open(path, &err));
    assert_non_null(strstr(err.msg, "not a dragoman knowledge base"));

    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("this is a text file, not a database, and it is long enough to have a header of sorts......\n", f);
    fclose(f);
    assert_null(dm_kb_open(path, &err));
    assert_non_null(strstr(err.msg, "not a"));
    unlink(path);
}

/* ---- writers ---------------------------------------------------------------- */

static void make_sample(dm_rows *r) {
    const char *names[] = {"name", "value", "note", "nested"};
    dm_rows_init(r);
    dm_rows_set_columns(r, 4, names);
    dm_rows_mark_json(r, "nested");
    size_t a = dm_rows_add(r);
    dm_rows_set_text(r, a, 0, "a,b");
    dm_rows_set_real(r, a, 1, 1.9e9);
    dm_rows_set_text(r, a, 2, "say \"hi\"\nthen\tgo \\ \x01");
    dm_rows_set_text(r, a, 3, "[{\"x\":1}]");
    size_t b = dm_rows_add(r);
    dm_rows_set_text(r, b, 0, "plain");
    dm_rows_set_real(r, b, 1, 33.3);
}

static void numbers_are_plain(void **state) {
    (void)state;
    char out[64];
    double values[] = {1.9e9, 33.3, 0.1, -2.5, 1e15, 7e9, -0.0, 1234567.125};
    const char *want[] = {"1900000000", "33.3", "0.1", "-2.5", "1000000000000000", "7000000000", "0", "1234567.125"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        dm_format_number(values[i], out);
        assert_string_equal(out, want[i]);
    }
}

static void csv_quotes_commas_quotes_and_newlines(void **state) {
    (void)state;
    dm_rows r;
    make_sample(&r);
    dm_buf b;
    dm_buf_init(&b);
    dm_rows_write(&r, DM_FMT_CSV, 0, &b);
    assert_string_equal(b.data, "name,value,note\r\n"
                                "\"a,b\",1900000000,\"say \"\"hi\"\"\nthen\tgo \\ \x01\"\r\n"
                                "plain,33.3,\r\n");
    b.len = 0;
    dm_rows_write(&r, DM_FMT_TSV, 0, &b);
    assert_string_equal(b.data, "name\tvalue\tnote\n"
                                "a,b\t1900000000\tsay \"hi\"\\nthen\\tgo \\\\ \x01\n"
                                "plain\t33.3\t\n");
    dm_buf_free(&b);
    dm_rows_free(&r);
}

static void json_escapes_and_keeps_numbers_plain(void **state) {
    (void)state;
    dm_rows r;
    make_sample(&r);
    dm_buf b;
    dm_buf_init(&b);
    dm_rows_write(&r, DM_FMT_JSON, 0, &b);
    assert_string_equal(b.data, "[\n"
                                "{\"name\":\"a,b\",\"value\":1900000000,\"note\":\"say \\\"hi\\\"\\nthen\\tgo \\\\ "
                                "\\u0001\",\"nested\":[{\"x\":1}]},\n"
                                "{\"name\":\"plain\",\"value\":33.3,\"note\":null,\"nested\":[]}\n"
                                "]\n");
    json_error_t jerr;
    json_t *parsed = json_loads(b.data, 0, &jerr);
    assert_non_null(parsed);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(parsed, 0), "value")), 1900000000);
    json_decref(parsed);
    b.len = 0;
    dm_rows_write(&r, DM_FMT_JSONL, 0, &b);
    assert_int_equal(b.data[b.len - 1], '\n');
    assert_non_null(strstr(b.data, "}\n{"));
    b.len = 0;
    dm_rows r0;
    dm_rows_init(&r0);
    dm_rows_set_columns(&r0, 1, (const char *[]){"id"});
    dm_rows_write(&r0, DM_FMT_JSON, 0, &b);
    assert_string_equal(b.data, "[]\n");
    dm_rows_free(&r0);
    dm_buf_free(&b);
    dm_rows_free(&r);
}

static void table_aligns_by_display_width(void **state) {
    (void)state;
    const char *names[] = {"name", "n", "end"};
    dm_rows r;
    dm_rows_init(&r);
    dm_rows_set_columns(&r, 3, names);
    size_t i = dm_rows_add(&r);
    dm_rows_set_text(&r, i, 0, "Türkiye");
    dm_rows_set_int(&r, i, 1, 1);
    dm_rows_set_text(&r, i, 2, "x");
    i = dm_rows_add(&r);
    dm_rows_set_text(&r, i, 0, "中国");
    dm_rows_set_int(&r, i, 1, 22);
    i = dm_rows_add(&r);
    dm_rows_set_text(&r, i, 0, "Aydınoğlu Kemal");
    dm_buf b;
    dm_buf_init(&b);
    dm_rows_write(&r, DM_FMT_TABLE, 10, &b);
    assert_string_equal(b.data, "name         n  end\n"
                                "----------  --  ---\n"
                                "Türkiye      1  x\n"
                                "中国        22\n"
                                "Aydınoğlu…\n");
    assert_int_equal(dm_display_width("中国"), 4);
    assert_int_equal(dm_display_width("Aydınoğlu"), 9);
    dm_buf_free(&b);
    dm_rows_free(&r);
}

int main(void) {
    const struct CMUnitTest kb_tests[] = {
        cmocka_unit_test(events_are_sorted_by_date_undated_last),
        cmocka_unit_test(events_filter_by_state_and_counterpart),
        cmocka_unit_test(events_filter_by_person_ignoring_case_and_accents),
        cmocka_unit_test(events_filter_by_kind_status_topic),
        cmocka_unit_test(events_filter_by_partial_dates_and_limit),
        cmocka_unit_test(people_latest_title_and_titles_over_time),
        cmocka_unit_test(people_filters),
        cmocka_unit_test(partners_ranked_with_kinds_level_topics),
        cmocka_unit_test(facts_filters_and_plain_numbers),
        cmocka_unit_test(facts_series_per_year_with_documents),
        cmocka_unit_test(show_merges_reports_and_cuts_evidence_by_bytes),
        cmocka_unit_test(show_links_announcement_and_fulfilment),
        cmocka_unit_test(search_ranks_and_snippets),
        cmocka_unit_test(search_rejects_malformed_query),
        cmocka_unit_test(export_pairs_actors_per_event),
        cmocka_unit_test(open_refuses_what_is_not_a_knowledge_base),
    };
    const struct CMUnitTest writer_tests[] = {
        cmocka_unit_test(numbers_are_plain),
        cmocka_unit_test(csv_quotes_commas_quotes_and_newlines),
        cmocka_unit_test(json_escapes_and_keeps_numbers_plain),
        cmocka_unit_test(table_aligns_by_display_width),
    };
    int failed = cmocka_run_group_tests_name("query", kb_tests, setup_kb, teardown_kb);
    failed += cmocka_run_group_tests_name("rows", writer_tests, NULL, NULL);
    test_helpers_used();
    return failed ? 1 : 0;
}
