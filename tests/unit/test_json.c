/* The JSON line of a document: one valid JSON object per line, plain
 * numbers, ISO dates, escaped strings, and the names and CAMEO codes of
 * events and facts. */
#include "helpers.h"

/* ---- a small JSON checker: is s[0..n) exactly one JSON value? ---- */

typedef struct {
    const char *s;
    size_t n, i;
    int exponents; /* numbers written with an exponent */
    int depth;
} jcur;

static void jws(jcur *c) {
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r')) c->i++;
}

static int jvalue(jcur *c);

static int jstring(jcur *c) {
    if (c->i >= c->n || c->s[c->i] != '"') return 0;
    c->i++;
    while (c->i < c->n) {
        unsigned char ch = (unsigned char)c->s[c->i++];
        if (ch == '"') return 1;
        if (ch < 0x20) return 0; /* raw control characters must be escaped */
        if (ch == '\\') {
            if (c->i >= c->n) return 0;
            char e = c->s[c->i++];
            if (e == 'u') {
                for (int k = 0; k < 4; k++, c->i++)
                    if (c->i >= c->n || !strchr("0123456789abcdefABCDEF", c->s[c->i])) return 0;
            } else if (!strchr("\"\\/bfnrt", e)) {
                return 0;
            }
        }
    }
    return 0;
}

static int jdigits(jcur *c) {
    size_t a = c->i;
    while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') c->i++;
    return c->i > a;
}

static int jnumber(jcur *c) {
    if (c->i < c->n && c->s[c->i] == '-') c->i++;
    if (c->i < c->n && c->s[c->i] == '0') c->i++;
    else if (!jdigits(c)) return 0;
    if (c->i < c->n && c->s[c->i] == '.') {
        c->i++;
        if (!jdigits(c)) return 0;
    }
    if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
        c->exponents++;
        c->i++;
        if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-')) c->i++;
        if (!jdigits(c)) return 0;
    }
    return 1;
}

static int jword(jcur *c, const char *w) {
    size_t n = strlen(w);
    if (c->n - c->i < n || memcmp(c->s + c->i, w, n) != 0) return 0;
    c->i += n;
    return 1;
}

static int jcontainer(jcur *c, char close, int object) {
    c->i++;
    if (++c->depth > 64) return 0;
    jws(c);
    if (c->i < c->n && c->s[c->i] == close) {
        c->i++;
        c->depth--;
        return 1;
    }
    for (;;) {
        jws(c);
        if (object) {
            if (!jstring(c)) return 0;
            jws(c);
            if (c->i >= c->n || c->s[c->i++] != ':') return 0;
        }
        if (!jvalue(c)) return 0;
        jws(c);
        if (c->i >= c->n) return 0;
        char ch = c->s[c->i++];
        if (ch == close) break;
        if (ch != ',') return 0;
    }
    c->depth--;
    return 1;
}

static int jvalue(jcur *c) {
    jws(c);
    if (c->i >= c->n) return 0;
    switch (c->s[c->i]) {
    case '{': return jcontainer(c, '}', 1);
    case '[': return jcontainer(c, ']', 0);
    case '"': return jstring(c);
    case 't': return jword(c, "true");
    case 'f': return jword(c, "false");
    case 'n': return jword(c, "null");
    default: return jnumber(c);
    }
}

/* Checks the document's line: one JSON object, one '\n' at its end, no exponents. */
static const char *checked_line(dm_doc *doc) {
    size_t n;
    const char *j = dm_doc_json(doc, &n);
    assert_non_null(j);
    assert_true(n > 2);
    assert_int_equal(j[n - 1], '\n');
    assert_null(memchr(j, '\n', n - 1));
    assert_int_equal(strlen(j), n); /* no NUL inside */
    jcur c = {j, n - 1, 0, 0, 0};
    jws(&c);
    assert_int_equal(j[c.i], '{');
    if (!jvalue(&c)) fail_msg("not JSON near byte %zu: %s", c.i, j);
    jws(&c);
    assert_int_equal(c.i, n - 1);
    if (c.exponents) fail_msg("a number with an exponent: %s", j);
    return j;
}

static void assert_has(const char *json, const char *piece) {
    if (!strstr(json, piece)) fail_msg("missing %s in %s", piece, json);
}

/* ---- the line ---- */

static void line_of_an_extracted_document(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto in "
                               "Santiago on Monday.\nThe sides discussed trade and energy.\nIn 2023, trade turnover "
                               "between Kazakhstan and Chile amounted to more than $1.9 billion, 71% more than a year "
                               "earlier.\n",
                               "2024-03-13");
    const char *j = checked_line(doc);
    assert_true(strncmp(j, "{\"doc\":", 7) == 0);
    assert_has(j, "\"doc\":\"test\"");
    assert_has(j, "\"published\":\"2024-03-13\"");
    assert_has(j, "\"events\":[{");
    assert_has(j, "\"facts\":[{");
    assert_has(j, "\"kind\":\"meeting\"");
    assert_has(j, "\"status\":\"occurred\"");
    assert_has(j, "\"date\":\"2024-03-11\"");
    assert_has(j, "\"location\":{\"city\":\"Santiago\",\"country\":\"CHL\"}");
    assert_has(j, "\"name\":\"Daulet Abenov\"");
    assert_has(j, "\"role\":\"foreign_minister\"");
    assert_has(j, "\"topics\":[\"trade\",\"energy\"]");
    assert_has(j, "\"cameo\":\"040\"");
    /* the figure in units, plain */
    assert_has(j, "\"metric\":\"trade_turnover\"");
    assert_has(j, "\"parties\":[\"KAZ\",\"CHL\"]");
    assert_has(j, "\"value\":1900000000,");
    assert_has(j, "\"unit\":\"USD\"");
    assert_has(j, "\"qualifier\":\">\"");
    assert_has(j, "\"year\":2023");
    assert_has(j, "\"change_pct\":71");
    assert_has(j, "\"since\":null");
    assert_int_equal(dm_doc_event_count(doc), 1);
    assert_int_equal(dm_doc_fact_count(doc), 1);
    dm_doc_free(doc);
}

static void unknown_published_date_is_null(void **state) {
    (void)state;
    dm_doc *doc = test_extract("The ministers met and discussed trade.\n", NULL);
    const char *j = checked_line(doc);
    assert_has(j, "\"published\":null");
    assert_has(j, "\"events\":[]");
    assert_has(j, "\"facts\":[]");
    dm_doc_free(doc);
}

static void date_precisions_and_spans(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov paid an official visit to Chile on 11-12 March.\n"
                               "Uzbek President Timur Rashidov will pay a state visit to Kazakhstan in May.\n",
                               "2024-03-13");
    const char *j = checked_line(doc);
    assert_has(j, "\"date\":\"2024-03-11\",\"date_end\":\"2024-03-12\"");
    assert_has(j, "\"date\":\"2024-05\"");
    dm_doc_free(doc);
}

static void fractional_change_is_plain(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Trade between Uzbekistan and Kenya reached around $45 million last year, having "
                               "increased by 23.1%.\n",
                               "2024-03-13");
    const char *j = checked_line(doc);
    assert_has(j, "\"value\":45000000,");
    assert_has(j, "\"change_pct\":23.1,");
    assert_has(j, "\"qualifier\":\"~\"");
    dm_doc_free(doc);
}

static void document_name_is_escaped(void **state) {
    (void)state;
    dm_doc *doc = NULL;
    dm_error err;
    const char *text = "Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto.\n";
    assert_int_equal(dm_doc_new("we\"ird\\name\t1.txt", text, strlen(text), "2024-03-13", &doc, &err), DM_OK);
    dm_doc_extract(test_ctx(), doc);
    const char *j = checked_line(doc);
    assert_true(strncmp(j, "{\"doc\":\"we\\\"ird\\\\name\\t1.txt\",", 30) == 0 ||
                strncmp(j, "{\"doc\":\"we\\\"ird\\\\name\\u0009", 27) == 0);
    dm_doc_free(doc);
}

static void quotes_in_the_text_are_escaped(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakhstan and Chile signed an Agreement on the \"Green Bridge\" Partnership "
                               "Programme.\n",
                               "2024-03-13");
    const char *j = checked_line(doc);
    assert_has(j, "\"kind\":\"agreement\"");
    assert_has(j, "\\\"Green Bridge\\\"");
    dm_doc_free(doc);
}

static void evidence_offsets_are_bytes(void **state) {
    (void)state;
    /* multibyte characters before the sentence count as bytes */
    const char *text = "\xe2\x80\x9cNew chapter\xe2\x80\x9d in ties\n\nKazakh Foreign Minister Daulet Abenov met "
                       "with Chilean Foreign Minister Rosa Pinto in Santiago.\n";
    dm_doc *doc = test_extract(text, "2024-03-13");
    const char *j = checked_line(doc);
    size_t start = (size_t)(strstr(text, "Kazakh") - text);
    size_t end = (size_t)(strstr(text, "Santiago.") - text) + strlen("Santiago.");
    char piece[64];
    snprintf(piece, sizeof piece, "\"evidence\":[{\"start\":%zu,\"end\":%zu}]", start, end);
    assert_has(j, piece);
    dm_doc_free(doc);
}

/* ---- names and codes ---- */

static void kind_and_metric_names(void **state) {
    (void)state;
    assert_string_equal(dm_event_kind_name(EV_MEETING), "meeting");
    assert_string_equal(dm_event_kind_name(EV_MULTILATERAL), "multilateral");
    assert_string_equal(dm_event_kind_name(EV_VISIT), "visit");
    assert_string_equal(dm_event_kind_name(EV_CALL), "call");
    assert_string_equal(dm_event_kind_name(EV_AGREEMENT), "agreement");
    assert_string_equal(dm_metric_name(MET_TRADE), "trade_turnover");
    assert_string_equal(dm_metric_name(MET_TARGET), "trade_target");
    assert_string_equal(dm_metric_name(MET_INVESTMENT), "investment");
    assert_string_equal(dm_metric_name(MET_EXPORT), "export");
    assert_string_equal(dm_metric_name(MET_COMPANIES), "companies");
    assert_string_equal(dm_metric_name(MET_JOINT), "joint_projects");
}

static dm_event bare_event(int kind, int status) {
    dm_event e;
    memset(&e, 0, sizeof e);
    e.kind = (uint8_t)kind;
    e.status = (uint8_t)status;
    e.city = e.country = e.org = -1;
    e.host_person = e.ref_event = -1;
    return e;
}

static void cameo_codes(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto.\n",
                               "2024-03-13");
    dm_event e = bare_event(EV_VISIT, ST_OCCURRED);
    assert_string_equal(dm_event_cameo(doc, &e), "042");
    e = bare_event(EV_VISIT, ST_PLANNED);
    assert_string_equal(dm_event_cameo(doc, &e), "036");
    e = bare_event(EV_MEETING, ST_PLANNED);
    assert_string_equal(dm_event_cameo(doc, &e), "036");
    e = bare_event(EV_AGREEMENT, ST_OCCURRED);
    assert_string_equal(dm_event_cameo(doc, &e), "057");
    e = bare_event(EV_CALL, ST_OCCURRED);
    assert_string_equal(dm_event_cameo(doc, &e), "040");
    e = bare_event(EV_MEETING, ST_OCCURRED);
    e.host_received = 1;
    assert_string_equal(dm_event_cameo(doc, &e), "043");
    /* a meeting of a Kazakh and a Chilean in a third state */
    const dm_event *ev[4];
    assert_int_equal(live_events(doc, ev, 4), 1);
    e = *ev[0];
    e.country = dm_country_by_code(test_ctx(), "FRA");
    e.city = -1;
    assert_string_equal(dm_event_cameo(doc, &e), "044");
    /* ... and in one of theirs */
    e.country = dm_country_by_code(test_ctx(), "KAZ");
    assert_string_equal(dm_event_cameo(doc, &e), "040");
    dm_doc_free(doc);
}

static void cameo_codes_in_the_line(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov paid an official visit to Chile on 11-12 March.\n"
                               "Kazakhstan and Chile signed an Agreement on Visa Exemption.\n"
                               "Next week Abenov will visit Peru.\n",
                               "2024-03-13");
    const char *j = checked_line(doc);
    assert_has(j, "\"kind\":\"visit\",\"status\":\"occurred\"");
    assert_has(j, "\"cameo\":\"042\"");
    assert_has(j, "\"kind\":\"agreement\",\"status\":\"occurred\"");
    assert_has(j, "\"cameo\":\"057\"");
    assert_has(j, "\"title\":\"Agreement on Visa Exemption\"");
    assert_has(j, "\"kind\":\"visit\",\"status\":\"planned\"");
    assert_has(j, "\"cameo\":\"036\"");
    const dm_event *ev[8];
    size_t n = live_events(doc, ev, 8);
    assert_int_equal(n, 3);
    for (size_t k = 0; k < n; k++) {
        const char *want = ev[k]->status == ST_PLANNED ? "036" : ev[k]->kind == EV_VISIT ? "042" : "057";
        assert_string_equal(dm_event_cameo(doc, ev[k]), want);
    }
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_of_an_extracted_document),
        cmocka_unit_test(unknown_published_date_is_null),
        cmocka_unit_test(date_precisions_and_spans),
        cmocka_unit_test(fractional_change_is_plain),
        cmocka_unit_test(document_name_is_escaped),
        cmocka_unit_test(quotes_in_the_text_are_escaped),
        cmocka_unit_test(evidence_offsets_are_bytes),
        cmocka_unit_test(kind_and_metric_names),
        cmocka_unit_test(cameo_codes),
        cmocka_unit_test(cameo_codes_in_the_line),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("json", tests, test_group_setup, NULL);
}
