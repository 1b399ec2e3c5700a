/* Reading an extract JSON line for the store (out/line.h): every field the
 * store uses, each event's own JSON with members the store does not read,
 * members of the wrong type taken as absent, and lines that are refused. */
#include "helpers.h"
#include "out/line.h"
#include <string.h>

static const char LINE[] =
    "{\"doc\":\"a.txt\",\"published\":\"2024-03-05\",\"extra\":{\"nested\":[1,{\"deep\":[[]]}]},"
    "\"events\":[{\"kind\":\"meeting\",\"status\":\"occurred\",\"date\":\"2024-03-04\","
    "\"location\":{\"city\":\"Astana\",\"country\":\"KAZ\",\"note\":[1,2]},"
    "\"participants\":[{\"kind\":\"person\",\"name\":\"Murat Nurtleu\",\"title\":\"Foreign Minister\","
    "\"role\":\"foreign_minister\",\"country\":\"KAZ\",\"span\":{\"start\":10,\"end\":23}},"
    "{\"kind\":\"org\",\"code\":\"UN\",\"name\":\"United Nations\"}],"
    "\"signatories\":[{\"kind\":\"person\",\"name\":\"Yoko Tanabe\",\"country\":\"JPN\"}],"
    "\"org\":null,\"topics\":[\"trade\",\"energy\"],\"cameo\":\"040\","
    "\"evidence\":[{\"start\":0,\"end\":120},{\"start\":130,\"end\":200}],\"story\":0,\"future\":{\"x\":true}}],"
    "\"facts\":[{\"metric\":\"trade_turnover\",\"parties\":[\"KAZ\",null],\"value\":1.9e9,\"unit\":\"USD\","
    "\"qualifier\":\"=\",\"year\":2023,\"part\":null,\"since\":null,\"change_pct\":12.5,"
    "\"evidence\":[{\"start\":5,\"end\":50},{\"start\":60,\"end\":70}],\"story\":0}],"
    "\"stories\":[{\"start\":0,\"end\":300,\"date\":\"2024-03-05\"}]}";

static void test_reads_what_the_store_uses(void **state) {
    (void)state;
    dm_line l;
    dm_error err = {0};
    assert_int_equal(dm_line_read(LINE, strlen(LINE), &l, &err), DM_OK);
    assert_string_equal(l.published, "2024-03-05");
    assert_int_equal(l.nevents, 1);
    const dm_line_event *e = &l.events[0];
    assert_string_equal(e->kind, "meeting");
    assert_string_equal(e->status, "occurred");
    assert_string_equal(e->date, "2024-03-04");
    assert_null(e->date_end);
    assert_string_equal(e->city, "Astana");
    assert_string_equal(e->country, "KAZ");
    assert_null(e->org);
    assert_string_equal(e->cameo, "040");
    assert_int_equal(e->story, 0);
    assert_int_equal(e->ntopics, 2);
    assert_string_equal(e->topics[1], "energy");
    assert_int_equal(e->nparticipants, 2);
    assert_string_equal(e->participants[0].name, "Murat Nurtleu");
    assert_string_equal(e->participants[0].role, "foreign_minister");
    assert_string_equal(e->participants[1].kind, "org");
    assert_string_equal(e->participants[1].code, "UN");
    assert_null(e->participants[1].country);
    assert_int_equal(e->nsignatories, 1);
    assert_string_equal(e->signatories[0].name, "Yoko Tanabe");
    assert_int_equal(e->nevidence, 2);
    assert_int_equal(e->evidence[1].start, 130);
    assert_int_equal(e->evidence[1].end, 200);
    assert_int_equal(l.nfacts, 1);
    const dm_line_fact *f = &l.facts[0];
    assert_string_equal(f->metric, "trade_turnover");
    assert_string_equal(f->party1, "KAZ");
    assert_null(f->party2);
    assert_int_equal(f->value.kind, DM_NUM_REAL);
    assert_true(f->value.d == 1.9e9);
    assert_int_equal(f->year.kind, DM_NUM_INT);
    assert_int_equal(f->year.i, 2023);
    assert_int_equal(f->since.kind, DM_NUM_NONE);
    assert_true(f->change_pct.d == 12.5);
    assert_true(f->has_span);
    assert_int_equal(f->span.start, 5); /* the first span */
    assert_int_equal(f->span.end, 50);
    assert_int_equal(l.nstories, 1);
    assert_int_equal(l.stories[0].end, 300);
    assert_string_equal(l.stories[0].date, "2024-03-05");
    dm_line_free(&l);
}

/* Events written by another tool (spaces, escaped quotes and braces in strings) read as ours do. */
static void test_reads_lines_of_other_writers(void **state) {
    (void)state;
    dm_line l;
    dm_error err = {0};
    const char *spaced = "  { \"events\" : [ {\"kind\": \"call\", \"status\":\"occurred\", \"note\":\"a \\\"}\\\" b\"} ,\n"
                         "\t{ \"kind\":\"visit\",\"status\":\"planned\",\"topics\":[ \"trade\" ] }\t] }  ";
    assert_int_equal(dm_line_read(spaced, strlen(spaced), &l, &err), DM_OK);
    assert_int_equal(l.nevents, 2);
    assert_string_equal(l.events[0].kind, "call");
    assert_string_equal(l.events[0].status, "occurred");
    assert_int_equal(l.events[0].ntopics, 0);
    assert_string_equal(l.events[1].kind, "visit");
    assert_string_equal(l.events[1].status, "planned");
    assert_int_equal(l.events[1].ntopics, 1);
    assert_string_equal(l.events[1].topics[0], "trade");
    dm_line_free(&l);
}

/* Members of the wrong type are absent; numbers too big for an integer are reals. */
static void test_wrong_types_are_absent(void **state) {
    (void)state;
    const char *line = "{\"published\":7,\"events\":[{\"kind\":\"visit\",\"status\":\"planned\",\"date\":20240304,"
                       "\"story\":\"first\",\"topics\":[\"trade\",3,null,\"energy\"],\"location\":\"Astana\","
                       "\"participants\":{\"kind\":\"person\"},\"evidence\":[{\"start\":\"0\",\"end\":9.5}]}],"
                       "\"facts\":[{\"metric\":\"export\",\"value\":123456789012345678901234567890,"
                       "\"parties\":[{\"code\":\"KAZ\"},\"RUS\"],\"evidence\":\"x\"}]}";
    dm_line l;
    dm_error err = {0};
    assert_int_equal(dm_line_read(line, strlen(line), &l, &err), DM_OK);
    assert_null(l.published);
    const dm_line_event *e = &l.events[0];
    assert_null(e->date);
    assert_int_equal(e->story, -1);
    assert_int_equal(e->ntopics, 2);
    assert_string_equal(e->topics[1], "energy");
    assert_null(e->city);
    assert_int_equal(e->nparticipants, 0);
    assert_int_equal(e->nevidence, 1);
    assert_int_equal(e->evidence[0].start, 0);
    assert_int_equal(e->evidence[0].end, 0);
    const dm_line_fact *f = &l.facts[0];
    assert_int_equal(f->value.kind, DM_NUM_REAL);
    assert_true(f->value.d > 1e29);
    assert_null(f->party1); /* the first party is not a code */
    assert_string_equal(f->party2, "RUS");
    assert_false(f->has_span);
    dm_line_free(&l);
}

static void assert_refused(const char *line, const char *why) {
    dm_line l;
    dm_error err = {0};
    assert_int_equal(dm_line_read(line, strlen(line), &l, &err), DM_ERR_JSON);
    if (!strstr(err.msg, why)) fail_msg("%s: expected \"%s\" in \"%s\"", line, why, err.msg);
    dm_line_free(&l);
}

static void test_refuses_what_is_not_an_extract_line(void **state) {
    (void)state;
    assert_refused("", "not JSON");
    assert_refused("{\"events\":[", "not JSON");
    assert_refused("{\"events\":[]} {}", "not JSON");
    assert_refused("{\"events\":[{\"kind\":\"meeting\",\"status\":\"occurred\"}", "not JSON");
    assert_refused("[]", "no \"events\" array");
    assert_refused("\"events\"", "no \"events\" array");
    assert_refused("{\"doc\":\"a\"}", "no \"events\" array");
    assert_refused("{\"events\":{}}", "no \"events\" array");
    assert_refused("{\"events\":null}", "no \"events\" array");
    assert_refused("{\"events\":[],\"facts\":{}}", "must be arrays");
    assert_refused("{\"events\":[],\"stories\":3}", "must be arrays");
    assert_refused("{\"events\":[{\"kind\":\"meeting\"},{\"status\":\"planned\"}]}", "event 0 has no");
    assert_refused("{\"events\":[{\"kind\":\"call\",\"status\":\"occurred\"},{\"kind\":1,\"status\":\"x\"}]}",
                   "event 1 has no");
    assert_refused("{\"events\":[],\"facts\":[{\"metric\":\"export\",\"value\":\"1\"}]}", "fact 0 has no");
    assert_refused("{\"events\":[],\"facts\":[{\"value\":1}]}", "fact 0 has no");
}

/* An empty document's line, and unknown members nested deeper than any frame,
 * skipped however deep. */
static void test_empty_and_deep(void **state) {
    (void)state;
    dm_line l;
    dm_error err = {0};
    const char *empty = "{\"doc\":\"x\",\"events\":[],\"facts\":[]}";
    assert_int_equal(dm_line_read(empty, strlen(empty), &l, &err), DM_OK);
    assert_int_equal(l.nevents + l.nfacts + l.nstories, 0);
    dm_line_free(&l);
    for (int depth = 100; depth <= 500; depth += 400) {
        char deep[8192] = "{\"events\":[{\"kind\":\"call\",\"status\":\"occurred\",\"x\":";
        for (int i = 0; i < depth; i++) strcat(deep, "[");
        for (int i = 0; i < depth; i++) strcat(deep, "]");
        strcat(deep, "}],\"y\":");
        for (int i = 0; i < depth; i++) strcat(deep, "{\"a\":");
        strcat(deep, "1");
        for (int i = 0; i < depth; i++) strcat(deep, "}");
        strcat(deep, "}");
        assert_int_equal(dm_line_read(deep, strlen(deep), &l, &err), DM_OK);
        assert_int_equal(l.nevents, 1);
        assert_string_equal(l.events[0].kind, "call");
        dm_line_free(&l);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_what_the_store_uses),
        cmocka_unit_test(test_reads_lines_of_other_writers),
        cmocka_unit_test(test_wrong_types_are_absent),
        cmocka_unit_test(test_refuses_what_is_not_an_extract_line),
        cmocka_unit_test(test_empty_and_deep),
    };
    return cmocka_run_group_tests_name("line", tests, NULL, NULL);
}
