/* The built-in lexicons (states, cities, organizations, titles, topics), the
 * TSV loader and its errors, and the code/role/topic look-ups. */
#include "helpers.h"

/* Looks up the longest phrase at the start of text among entries of mask.
 * Returns tokens matched (0: none) and fills *hit. */
static size_t look(const char *text, uint32_t mask, dm_lex_hit *hit) {
    dm_doc *doc = test_segment(text, NULL);
    dm_lex_longest(test_ctx()->lx, &doc->toks, 0, doc->toks.n, mask, hit);
    dm_doc_free(doc);
    return hit->ntok;
}

/* The entry id of the given type for the whole of text, or -1 when text is not
 * (entirely) such a phrase. */
static int id_of(const char *text, uint8_t type) {
    dm_doc *doc = test_segment(text, NULL);
    dm_lex_hit hit;
    int id = -1;
    if (dm_lex_longest(test_ctx()->lx, &doc->toks, 0, doc->toks.n, LXM(type), &hit) && hit.ntok == doc->toks.n)
        id = dm_lex_hit_get(&hit, type)->id;
    dm_doc_free(doc);
    return id;
}

static const char *country(const char *text) { return code_of(id_of(text, LX_COUNTRY)); }
static const char *adjective(const char *text) { return code_of(id_of(text, LX_CADJ)); }

static const char *org_code(const char *text) {
    int id = id_of(text, LX_ORG);
    return id >= 0 ? test_ctx()->orgs[id].code : "-";
}

static const dm_title *title(const char *text) {
    int id = id_of(text, LX_TITLE);
    return id >= 0 ? &test_ctx()->titles[id] : NULL;
}

static void context_loads_all_lexicons(void **state) {
    (void)state;
    const dm_ctx *ctx = test_ctx();
    assert_true(ctx->ncountries > 190);
    assert_true(ctx->ncities > 190);
    assert_true(ctx->norgs > 50);
    assert_true(ctx->ntitles > 100);
    assert_true(dm_lex_size(ctx->lx) > ctx->ncountries + ctx->ncities + ctx->norgs);
}

static void tables_are_consistent(void **state) {
    (void)state;
    const dm_ctx *ctx = test_ctx();
    for (size_t i = 0; i < ctx->ncountries; i++) {
        assert_int_equal(strlen(ctx->countries[i].code), 3);
        assert_int_equal(dm_country_by_code(ctx, ctx->countries[i].code), (int)i);
        int cap = ctx->countries[i].capital;
        if (cap >= 0) {
            assert_true((size_t)cap < ctx->ncities);
            assert_int_equal(ctx->cities[cap].country, (int)i);
            assert_int_equal(ctx->cities[cap].capital, 1);
        }
    }
    for (size_t i = 0; i < ctx->ncities; i++) {
        assert_true(ctx->cities[i].country >= 0 && (size_t)ctx->cities[i].country < ctx->ncountries);
        assert_non_null(ctx->cities[i].name);
    }
    for (size_t i = 0; i < ctx->norgs; i++) {
        assert_int_equal(dm_org_by_code(ctx, ctx->orgs[i].code), (int)i);
        assert_true(ctx->orgs[i].parent < (int)ctx->norgs);
        assert_int_not_equal(ctx->orgs[i].parent, (int)i);
    }
}

static void states_by_name_alias_and_adjective(void **state) {
    (void)state;
    assert_string_equal(country("Kazakhstan"), "KAZ");
    assert_string_equal(country("Republic of Kazakhstan"), "KAZ");
    assert_string_equal(adjective("Kazakh"), "KAZ");
    assert_string_equal(adjective("Kazakhstani"), "KAZ");
    assert_string_equal(country("Switzerland"), "CHE");
    assert_string_equal(adjective("Swiss"), "CHE");
    assert_string_equal(country("T\xc3\xbcrkiye"), "TUR");
    assert_string_equal(country("Turkiye"), "TUR");
    assert_string_equal(country("Turkey"), "TUR");
    assert_string_equal(adjective("Turkish"), "TUR");
    assert_string_equal(country("U.S."), "USA");
    assert_string_equal(country("US"), "USA");
    assert_string_equal(country("United States"), "USA");
    assert_string_equal(country("United States of America"), "USA");
    assert_string_equal(adjective("American"), "USA");
    assert_string_equal(country("UAE"), "ARE");
    assert_string_equal(country("United Arab Emirates"), "ARE");
    assert_string_equal(country("People's Republic of China"), "CHN");
    assert_string_equal(country("People\xe2\x80\x99s Republic of China"), "CHN");
    assert_string_equal(country("China"), "CHN");
    assert_string_equal(adjective("Chinese"), "CHN");
}

static void country_names_and_adjectives_are_different_types(void **state) {
    (void)state;
    dm_lex_hit hit;
    assert_int_equal(look("Kazakh", LXM(LX_COUNTRY), &hit), 0);
    assert_int_equal(look("Kazakhstan", LXM(LX_CADJ), &hit), 0);
    assert_int_equal(look("Swiss", LXM(LX_CADJ) | LXM(LX_COUNTRY), &hit), 1);
    assert_non_null(dm_lex_hit_get(&hit, LX_CADJ));
    assert_null(dm_lex_hit_get(&hit, LX_COUNTRY));
}

static void longest_state_name_wins(void **state) {
    (void)state;
    dm_lex_hit hit;
    /* "United States" rather than a shorter phrase, "United Arab Emirates" as a whole */
    assert_int_equal(look("United States officials", LXM(LX_COUNTRY), &hit), 2);
    assert_string_equal(code_of(dm_lex_hit_get(&hit, LX_COUNTRY)->id), "USA");
    assert_int_equal(look("United Arab Emirates and Oman", LXM(LX_COUNTRY), &hit), 3);
    assert_string_equal(code_of(dm_lex_hit_get(&hit, LX_COUNTRY)->id), "ARE");
    assert_int_equal(look("Kazakhstan's President", LXM(LX_COUNTRY), &hit), 1);
}

static void state_names_keep_their_case_rules(void **state) {
    (void)state;
    /* "us" is a pronoun and "turkey" a bird */
    assert_string_equal(country("us"), "-");
    assert_string_equal(country("Us"), "-");
    assert_string_equal(country("turkey"), "-");
    assert_string_equal(country("TURKEY"), "TUR");
    assert_string_equal(country("KAZAKHSTAN"), "KAZ");
}

static void capitals_and_their_former_names(void **state) {
    (void)state;
    const dm_ctx *ctx = test_ctx();
    int astana = id_of("Astana", LX_CITY);
    assert_true(astana >= 0);
    assert_string_equal(ctx->cities[astana].name, "Astana");
    assert_int_equal(id_of("Nur-Sultan", LX_CITY), astana);
    assert_int_equal(id_of("ASTANA", LX_CITY), astana);
    assert_string_equal(code_of(ctx->cities[astana].country), "KAZ");
    assert_int_equal(ctx->cities[astana].capital, 1);
    assert_int_equal(ctx->countries[dm_country_by_code(ctx, "KAZ")].capital, astana);

    int kyiv = id_of("Kyiv", LX_CITY);
    assert_true(kyiv >= 0);
    assert_int_equal(id_of("Kiev", LX_CITY), kyiv);
    assert_string_equal(ctx->cities[kyiv].name, "Kyiv");
    assert_string_equal(code_of(ctx->cities[kyiv].country), "UKR");
    assert_int_not_equal(kyiv, astana);

    int washington = id_of("Washington, D.C.", LX_CITY);
    assert_true(washington >= 0);
    assert_int_equal(id_of("Washington", LX_CITY), washington);
    assert_string_equal(code_of(ctx->cities[washington].country), "USA");

    assert_int_equal(id_of("astana", LX_CITY), -1);
}

static void organizations_by_acronym_and_name(void **state) {
    (void)state;
    assert_string_equal(org_code("SCO"), "SCO");
    assert_string_equal(org_code("Shanghai Cooperation Organisation"), "SCO");
    assert_string_equal(org_code("Shanghai Cooperation Organization"), "SCO");
    assert_string_equal(org_code("OSCE"), "OSCE");
    assert_string_equal(org_code("Organization for Security and Co-operation in Europe"), "OSCE");
    assert_string_equal(org_code("UNAMA"), "UNAMA");
    assert_string_equal(org_code("United Nations Assistance Mission in Afghanistan"), "UNAMA");
    assert_string_equal(org_code("CICA"), "CICA");
    assert_string_equal(org_code("OTS"), "OTS");
    assert_string_equal(org_code("Organization of Turkic States"), "OTS");
    assert_string_equal(org_code("Turkic Council"), "OTS");
    assert_string_equal(org_code("United Nations"), "UN");
    assert_string_equal(org_code("U.N."), "UN");
    /* acronyms only in capitals */
    assert_string_equal(org_code("sco"), "-");
    assert_string_equal(org_code("ots"), "-");
}

static void organization_table_and_parents(void **state) {
    (void)state;
    const dm_ctx *ctx = test_ctx();
    int unama = dm_org_by_code(ctx, "UNAMA"), un = dm_org_by_code(ctx, "UN");
    assert_true(unama >= 0);
    assert_true(un >= 0);
    assert_int_equal(ctx->orgs[unama].parent, un);
    assert_int_equal(ctx->orgs[un].parent, -1);
    assert_string_equal(ctx->orgs[unama].name, "United Nations Assistance Mission in Afghanistan");
    int sco = dm_org_by_code(ctx, "SCO");
    assert_string_equal(ctx->orgs[sco].name, "Shanghai Cooperation Organization");
    assert_int_equal(ctx->orgs[sco].parent, -1);
    assert_int_equal(dm_org_by_code(ctx, "NOPE"), -1);
    assert_int_equal(dm_org_by_code(ctx, ""), -1);
}

static void titles_and_their_roles(void **state) {
    (void)state;
    const dm_title *t;
    assert_non_null(t = title("foreign minister"));
    assert_int_equal(t->role, R_FOREIGN_MINISTER);
    assert_non_null(t = title("Foreign Minister"));
    assert_int_equal(t->role, R_FOREIGN_MINISTER);
    assert_non_null(t = title("Minister of Foreign Affairs"));
    assert_int_equal(t->role, R_FOREIGN_MINISTER);
    assert_non_null(t = title("External Affairs Minister"));
    assert_int_equal(t->role, R_FOREIGN_MINISTER);
    assert_non_null(t = title("prime minister"));
    assert_int_equal(t->role, R_HEAD_OF_GOVERNMENT);
    assert_non_null(t = title("Prime Minister"));
    assert_int_equal(t->role, R_HEAD_OF_GOVERNMENT);
    assert_non_null(t = title("deputy minister"));
    assert_int_equal(t->role, R_DEPUTY_MINISTER);
    assert_non_null(t = title("ambassador"));
    assert_int_equal(t->role, R_AMBASSADOR);
    assert_non_null(t = title("Ambassador"));
    assert_int_equal(t->role, R_AMBASSADOR);
    assert_non_null(t = title("Secretary-General"));
    assert_int_equal(t->role, R_ORG_OFFICIAL);
    assert_non_null(t = title("Special Representative"));
    assert_int_equal(t->role, R_ENVOY);
    assert_non_null(t = title("president"));
    assert_int_equal(t->role, R_HEAD_OF_STATE);
    assert_int_equal(t->state, -1);
    /* titles held in one state only name it */
    assert_non_null(t = title("Pope"));
    assert_int_equal(t->role, R_HEAD_OF_STATE);
    assert_true(t->state >= 0);
    assert_string_equal(code_of(t->state), "VAT");
    assert_non_null(t = title("Taoiseach"));
    assert_string_equal(code_of(t->state), "IRL");
}

static void honorifics(void **state) {
    (void)state;
    const dm_title *t = title("Mr");
    assert_non_null(t);
    assert_true(t->flags & TT_HONORIFIC);
    assert_int_equal(t->role, R_NONE);
    assert_string_equal(t->phrase, "Mr");
    /* honorifics keep their capital: "mr" is not one */
    assert_null(title("mr"));
}

static void longest_title_wins(void **state) {
    (void)state;
    dm_lex_hit hit;
    assert_int_equal(look("Minister of Foreign Affairs Nurlan", LXM(LX_TITLE), &hit), 4);
    assert_int_equal(test_ctx()->titles[dm_lex_hit_get(&hit, LX_TITLE)->id].role, R_FOREIGN_MINISTER);
    assert_int_equal(look("Deputy Prime Minister and Foreign Minister", LXM(LX_TITLE), &hit), 6);
    assert_int_equal(test_ctx()->titles[dm_lex_hit_get(&hit, LX_TITLE)->id].role, R_FOREIGN_MINISTER);
}

static void roles_by_name(void **state) {
    (void)state;
    assert_int_equal(dm_role_of("foreign_minister"), R_FOREIGN_MINISTER);
    assert_int_equal(dm_role_of("head_of_state"), R_HEAD_OF_STATE);
    assert_int_equal(dm_role_of("envoy"), R_ENVOY);
    assert_int_equal(dm_role_of("official"), R_OFFICIAL);
    assert_int_equal(dm_role_of("-"), R_NONE);
    assert_int_equal(dm_role_of("king"), R_NONE);
    assert_int_equal(dm_role_of(""), R_NONE);
    for (int r = 1; r < R_COUNT; r++) assert_int_equal(dm_role_of(DM_ROLE_NAMES[r]), r);
}

static void topics_by_name(void **state) {
    (void)state;
    assert_int_equal(dm_topic_of("trade"), 0);
    assert_int_equal(dm_topic_of("human_rights"), DM_NTOPICS - 1);
    assert_int_equal(dm_topic_of("Trade"), -1);
    assert_int_equal(dm_topic_of("sports"), -1);
    for (int k = 0; k < DM_NTOPICS; k++) assert_int_equal(dm_topic_of(DM_TOPIC_NAMES[k]), k);
}

static void topic_words_are_found(void **state) {
    (void)state;
    int trade = id_of("trade turnover", LX_TOPIC);
    assert_int_equal(trade, dm_topic_of("trade"));
    assert_int_equal(id_of("Trade", LX_TOPIC), dm_topic_of("trade"));
}

static void countries_by_code(void **state) {
    (void)state;
    const dm_ctx *ctx = test_ctx();
    int kaz = dm_country_by_code(ctx, "KAZ");
    assert_true(kaz >= 0);
    assert_string_equal(ctx->countries[kaz].code, "KAZ");
    assert_string_equal(ctx->countries[kaz].name, "Kazakhstan");
    assert_string_equal(ctx->countries[dm_country_by_code(ctx, "TUR")].name, "T\xc3\xbcrkiye");
    assert_int_equal(dm_country_by_code(ctx, "XYZ"), -1);
    assert_int_equal(dm_country_by_code(ctx, "kaz"), -1);
    assert_int_equal(dm_country_by_code(ctx, ""), -1);
}

/* Loads data as a lexicon of kind into a fresh context and checks the error. */
static void assert_load_fails(const char *kind, const char *data, const char *origin, size_t line) {
    dm_error err;
    dm_ctx *ctx = dm_ctx_new(&err);
    assert_non_null(ctx);
    memset(&err, 0, sizeof err);
    assert_int_equal(dm_gaz_load(ctx, kind, data, strlen(data), origin, &err), DM_ERR_LEXICON);
    assert_int_equal(err.code, DM_ERR_LEXICON);
    assert_non_null(strstr(err.msg, origin));
    if (line) {
        char where[128];
        snprintf(where, sizeof where, "%s:%zu", origin, line);
        assert_non_null(strstr(err.msg, where));
        assert_int_equal(err.pos, line);
    }
    dm_ctx_free(ctx);
}

static void malformed_lexicons_are_reported_with_origin_and_line(void **state) {
    (void)state;
    /* a country code that is not three letters, on line 3 after a comment */
    assert_load_fails("countries", "# my states\nXKS\tTestland\tTL\tTestish\nXK\tBroken\n", "my/countries.tsv", 3);
    /* a line with one field */
    assert_load_fails("countries", "ABCDEF\n", "mine.tsv", 1);
    /* a city of an unknown state */
    assert_load_fails("cities", "Testville\tQQQ\tcapital\t-\n", "cities-extra.tsv", 1);
    /* an organization without a name */
    assert_load_fails("orgs", "\n\nTESTORG\n", "orgs.tsv", 3);
    /* a title with a role outside the vocabulary */
    assert_load_fails("titles", "grand vizier\tvizier\t-\n", "titles.tsv", 1);
    /* a title bound to a state that is not known */
    assert_load_fails("titles", "grand vizier\tminister\tstate=QQQ\n", "titles.tsv", 1);
    /* a topic outside the vocabulary */
    assert_load_fails("topics", "football\ttrade\nchess\tsports\n", "topics.tsv", 2);
    /* an unknown kind */
    assert_load_fails("planets", "Mars\tred\n", "planets.tsv", 0);
}

static void loaded_lexicon_entries_are_found(void **state) {
    (void)state;
    dm_error err;
    dm_ctx *ctx = dm_ctx_new(&err);
    assert_non_null(ctx);
    /* CRLF line ends: the role at the end of the line is still read as "envoy" */
    const char *titles = "# extra titles\r\nchief negotiator\tenvoy\r\n";
    assert_int_equal(dm_gaz_load(ctx, "titles", titles, strlen(titles), "extra/titles.tsv", &err), DM_OK);
    const char *countries = "XKS\tTestland\tRepublic of Testland\tTestish|Testlander\n";
    assert_int_equal(dm_gaz_load(ctx, "countries", countries, strlen(countries), "extra/countries.tsv", &err),
                     DM_OK);
    const char *cities = "Testville\tXKS\tcapital\tOld Testville\n";
    assert_int_equal(dm_gaz_load(ctx, "cities", cities, strlen(cities), "extra/cities.tsv", &err), DM_OK);
    int xks = dm_country_by_code(ctx, "XKS");
    assert_true(xks >= 0);
    assert_string_equal(ctx->countries[xks].name, "Testland");
    assert_true(ctx->countries[xks].capital >= 0);
    assert_string_equal(ctx->cities[ctx->countries[xks].capital].name, "Testville");

    dm_doc *doc = test_doc("Chief Negotiator of Republic of Testland in Old Testville, Testish", NULL);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    dm_lex_hit hit;
    assert_true(dm_lex_longest(ctx->lx, &doc->toks, 0, doc->toks.n, LXM(LX_TITLE), &hit));
    assert_int_equal(hit.ntok, 2);
    assert_int_equal(ctx->titles[dm_lex_hit_get(&hit, LX_TITLE)->id].role, R_ENVOY);
    assert_true(dm_lex_longest(ctx->lx, &doc->toks, 3, doc->toks.n, LXM(LX_COUNTRY), &hit));
    assert_int_equal(hit.ntok, 3);
    assert_int_equal(dm_lex_hit_get(&hit, LX_COUNTRY)->id, xks);
    assert_true(dm_lex_longest(ctx->lx, &doc->toks, 7, doc->toks.n, LXM(LX_CITY), &hit));
    assert_int_equal(hit.ntok, 2);
    assert_int_equal(dm_lex_hit_get(&hit, LX_CITY)->id, ctx->countries[xks].capital);
    assert_true(dm_lex_longest(ctx->lx, &doc->toks, 10, doc->toks.n, LXM(LX_CADJ), &hit));
    assert_int_equal(dm_lex_hit_get(&hit, LX_CADJ)->id, xks);
    dm_doc_free(doc);
    dm_ctx_free(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(context_loads_all_lexicons),
        cmocka_unit_test(tables_are_consistent),
        cmocka_unit_test(states_by_name_alias_and_adjective),
        cmocka_unit_test(country_names_and_adjectives_are_different_types),
        cmocka_unit_test(longest_state_name_wins),
        cmocka_unit_test(state_names_keep_their_case_rules),
        cmocka_unit_test(capitals_and_their_former_names),
        cmocka_unit_test(organizations_by_acronym_and_name),
        cmocka_unit_test(organization_table_and_parents),
        cmocka_unit_test(titles_and_their_roles),
        cmocka_unit_test(honorifics),
        cmocka_unit_test(longest_title_wins),
        cmocka_unit_test(roles_by_name),
        cmocka_unit_test(topics_by_name),
        cmocka_unit_test(topic_words_are_found),
        cmocka_unit_test(countries_by_code),
        cmocka_unit_test(malformed_lexicons_are_reported_with_origin_and_line),
        cmocka_unit_test(loaded_lexicon_entries_are_found),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("gazetteer", tests, NULL, NULL);
}
