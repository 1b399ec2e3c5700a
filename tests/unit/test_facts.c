/* Figures: amounts of money, and the trade, investment, export, company and
 * joint-project facts of whole documents. */
#include "helpers.h"
#include <math.h>

/* ---- amounts ---- */

typedef struct {
    int ok;
    dm_amount am;
    size_t nbytes; /* bytes the amount covers */
} money;

/* Parses an amount at the token where needle starts in text. */
static money money_at(const char *text, const char *needle) {
    money r;
    memset(&r, 0, sizeof r);
    dm_doc *doc = test_segment(text, NULL);
    size_t i = test_token_at(doc, needle, 1);
    r.ok = dm_parse_money(doc, i, doc->toks.n, &r.am);
    if (r.ok) {
        assert_int_equal(r.am.t0, i);
        assert_true(r.am.t1 > i && r.am.t1 <= doc->toks.n);
        r.nbytes = doc->toks.v[r.am.t1 - 1].end - doc->toks.v[i].start;
    }
    dm_doc_free(doc);
    return r;
}

static void assert_money(const char *text, const char *needle, double value, const char *unit, const char *covers) {
    money r = money_at(text, needle);
    if (!r.ok) fail_msg("\"%s\" is no amount", needle);
    if (fabs(r.am.value - value) > 0.5) fail_msg("\"%s\": %.1f, expected %.1f", needle, r.am.value, value);
    assert_string_equal(r.am.unit, unit);
    /* the amount covers exactly its words */
    assert_int_equal(r.nbytes, strlen(covers));
    assert_memory_equal(strstr(text, needle), covers, strlen(covers));
}

static void dollar_sign_and_scale_word(void **state) {
    (void)state;
    assert_money("Trade reached $1.9 billion last year.", "$1.9", 1900000000.0, "USD", "$1.9 billion");
    assert_money("Investments of $24bn were made.", "$24bn", 24000000000.0, "USD", "$24bn");
    assert_money("The fund holds US$30 billion in assets.", "US$30", 30000000000.0, "USD", "US$30 billion");
    assert_money("A grant of $350,000 was approved.", "$350,000", 350000.0, "USD", "$350,000");
}

static void currency_words_after_the_number(void **state) {
    (void)state;
    assert_money("Exports reached 53 million US dollars in May.", "53", 53000000.0, "USD", "53 million US dollars");
    assert_money("Contracts for 45,428,000,000 yen were signed.", "45,428", 45428000000.0, "JPY", "45,428,000,000 yen");
    assert_money("Output was 2.5 trillion tenge last year.", "2.5", 2500000000000.0, "KZT", "2.5 trillion tenge");
    assert_money("They pledged 1.2 billion euros to the project.", "1.2", 1200000000.0, "EUR", "1.2 billion euros");
}

static void currency_codes_and_symbols_before_the_number(void **state) {
    (void)state;
    assert_money("Trade rose to USD 3 bln 290 mln over the year.", "USD", 3290000000.0, "USD", "USD 3 bln 290 mln");
    assert_money("Deals worth dlrs 7.1 billion were signed.", "dlrs", 7100000000.0, "USD", "dlrs 7.1 billion");
    assert_money("The bank lent \xe2\x82\xac" "720 million to the port.", "\xe2\x82\xac", 720000000.0, "EUR",
                 "\xe2\x82\xac" "720 million");
}

static void sum_of_scaled_parts(void **state) {
    (void)state;
    assert_money("Trade reached $5bn 800mln in 2023.", "$5bn", 5800000000.0, "USD", "$5bn 800mln");
}

static void numbers_without_currency_are_not_money(void **state) {
    (void)state;
    assert_false(money_at("About 15 million tons were shipped.", "15").ok);
    assert_false(money_at("Some 120 companies work here.", "120").ok);
    assert_false(money_at("In 2023 the sides met.", "2023").ok);
    /* the amount starts at the currency, not at the qualifier */
    assert_false(money_at("It reached more than $2 billion.", "more").ok);
}

/* ---- facts of documents ---- */

static const char *party(const dm_fact *f, int k) { return code_of(f->parties[k]); }

/* The only fact of a document with this metric; fails unless there is exactly one. */
static const dm_fact *only_fact(const dm_doc *doc, int metric) {
    const dm_fact *found = NULL;
    int n = 0;
    for (size_t k = 0; k < doc->x->nfacts; k++)
        if (doc->x->facts[k].metric == metric) {
            found = &doc->x->facts[k];
            n++;
        }
    if (n != 1) fail_msg("%d %s facts, expected 1:\n%s", n, dm_metric_name(metric), dm_doc_json((dm_doc *)doc, NULL));
    return found;
}

static void assert_value(const dm_fact *f, double v, const char *unit) {
    if (fabs(f->value - v) > 0.5) fail_msg("value %.1f, expected %.1f", f->value, v);
    assert_string_equal(f->unit, unit);
}

static void assert_change(const dm_fact *f, double pct) {
    assert_true(f->has_change);
    if (fabs(f->change - pct) > 0.05) fail_msg("change %.2f, expected %.2f", f->change, pct);
}

static void trade_with_year_change_and_more_than(void **state) {
    (void)state;
    dm_doc *doc = test_extract("In 2023, trade turnover between Kazakhstan and Japan amounted to more than $1.9 "
                               "billion, 71% more than a year earlier.\n",
                               "2024-03-13");
    assert_int_equal(doc->x->nfacts, 1);
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "JPN");
    assert_value(f, 1.9e9, "USD");
    assert_int_equal(f->qualifier, '>');
    assert_int_equal(f->year, 2023);
    assert_change(f, 71);
    assert_int_equal(f->since, 0);
    dm_doc_free(doc);
}

static void nearly_and_last_year(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Last year, trade turnover between Kazakhstan and Chile reached nearly $240 million.\n",
                               "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "CHL");
    assert_value(f, 2.4e8, "USD");
    assert_int_equal(f->qualifier, '<');
    assert_int_equal(f->year, 2023);
    assert_false(f->has_change);
    dm_doc_free(doc);
}

static void around_and_increased_by_percent(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Trade between Uzbekistan and Kenya reached around $45 million last year, having "
                               "increased by 23.1%.\n",
                               "2021-06-30");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_string_equal(party(f, 0), "UZB");
    assert_string_equal(party(f, 1), "KEN");
    assert_value(f, 4.5e7, "USD");
    assert_int_equal(f->qualifier, '~');
    /* against the document's own date */
    assert_int_equal(f->year, 2020);
    assert_change(f, 23.1);
    dm_doc_free(doc);
}

static void fell_by_percent_is_negative(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Trade turnover between Kazakhstan and Italy fell by 12% to $9.1 billion in 2023.\n",
                               "2024-08-13");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_value(f, 9.1e9, "USD");
    assert_int_equal(f->qualifier, '=');
    assert_int_equal(f->year, 2023);
    assert_change(f, -12);
    dm_doc_free(doc);
}

static void grew_by_a_third(void **state) {
    (void)state;
    dm_doc *doc = test_extract("The bilateral trade between Peru and Kazakhstan grew by a third in 2022, to $90 "
                               "million.\n",
                               "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_string_equal(party(f, 0), "PER");
    assert_string_equal(party(f, 1), "KAZ");
    assert_value(f, 9e7, "USD");
    assert_int_equal(f->year, 2022);
    assert_change(f, 33.3);
    dm_doc_free(doc);
}

static void part_of_a_year(void **state) {
    (void)state;
    dm_doc *doc = test_extract("In the first half of 2024, trade turnover between Kazakhstan and Italy amounted to "
                               "$7.9 billion.\n",
                               "2024-08-13");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_int_equal(f->year, 2024);
    assert_non_null(f->part);
    assert_string_equal(f->part, "H1");
    dm_doc_free(doc);
    doc = test_extract("This year, trade between Kazakhstan and Chile has already exceeded $60 million.\n",
                       "2024-08-13");
    f = only_fact(doc, MET_TRADE);
    assert_int_equal(f->qualifier, '>');
    assert_int_equal(f->year, 2024);
    assert_non_null(f->part);
    assert_string_equal(f->part, "ytd");
    dm_doc_free(doc);
}

static void goal_to_increase_is_a_target(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali received President of Chile Carlos Mendez.\n"
                               "The parties set a goal to increase trade turnover to $500 million.\n",
                               "2024-03-13");
    assert_int_equal(doc->x->nfacts, 1);
    const dm_fact *f = only_fact(doc, MET_TARGET);
    assert_true((strcmp(party(f, 0), "KAZ") == 0 && strcmp(party(f, 1), "CHL") == 0) ||
                (strcmp(party(f, 0), "CHL") == 0 && strcmp(party(f, 1), "KAZ") == 0));
    assert_value(f, 5e8, "USD");
    dm_doc_free(doc);
    doc = test_extract("The sides aim to bring bilateral trade between Kazakhstan and Malaysia to $1 billion by "
                       "2030.\n",
                       "2024-03-13");
    f = only_fact(doc, MET_TARGET);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "MYS");
    assert_value(f, 1e9, "USD");
    assert_int_equal(f->year, 2030);
    dm_doc_free(doc);
}

static void investment_investor_first_with_since(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Since 2005, Japanese companies have invested over $8 billion in Kazakhstan.\n",
                               "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_INVESTMENT);
    assert_string_equal(party(f, 0), "JPN");
    assert_string_equal(party(f, 1), "KAZ");
    assert_value(f, 8e9, "USD");
    assert_int_equal(f->qualifier, '>');
    assert_int_equal(f->since, 2005);
    /* a cumulative figure has no year of its own */
    assert_int_equal(f->year, 0);
    dm_doc_free(doc);
    /* the recipient first in the sentence */
    doc = test_extract("The volume of Swiss investment in Kazakhstan exceeded $35 billion since 1993.\n", "2024-03-13");
    f = only_fact(doc, MET_INVESTMENT);
    assert_string_equal(party(f, 0), "CHE");
    assert_string_equal(party(f, 1), "KAZ");
    assert_value(f, 3.5e10, "USD");
    assert_int_equal(f->qualifier, '>');
    assert_int_equal(f->since, 1993);
    dm_doc_free(doc);
}

static void exports_exporter_first(void **state) {
    (void)state;
    dm_doc *doc = test_extract("In 2023, Kazakh exports to Japan totalled $1.2 billion.\n", "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_EXPORT);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "JPN");
    assert_value(f, 1.2e9, "USD");
    assert_int_equal(f->year, 2023);
    dm_doc_free(doc);
    doc = test_extract("Exports from Uzbekistan to Kenya totalled $12 million in 2023.\n", "2024-03-13");
    f = only_fact(doc, MET_EXPORT);
    assert_string_equal(party(f, 0), "UZB");
    assert_string_equal(party(f, 1), "KEN");
    assert_value(f, 1.2e7, "USD");
    dm_doc_free(doc);
}

static void companies_origin_then_host(void **state) {
    (void)state;
    dm_doc *doc = test_extract("About 120 Turkish companies operate in Uzbekistan.\n", "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_COMPANIES);
    assert_string_equal(party(f, 0), "TUR");
    assert_string_equal(party(f, 1), "UZB");
    assert_value(f, 120, "");
    assert_int_equal(f->qualifier, '~');
    dm_doc_free(doc);
    doc = test_extract("More than 435 companies with Korean capital work in Kazakhstan.\n", "2024-03-13");
    f = only_fact(doc, MET_COMPANIES);
    assert_string_equal(party(f, 0), "KOR");
    assert_string_equal(party(f, 1), "KAZ");
    assert_value(f, 435, "");
    assert_int_equal(f->qualifier, '>');
    dm_doc_free(doc);
}

static void joint_projects(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakhstan and Korea are implementing 13 joint projects worth $5 billion.\n",
                               "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_JOINT);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "KOR");
    assert_value(f, 13, "");
    /* the projects' worth is no trade or investment figure */
    for (size_t k = 0; k < doc->x->nfacts; k++) assert_int_equal(doc->x->facts[k].metric, MET_JOINT);
    dm_doc_free(doc);
}

static void two_countries_resolve_to_the_pair_named_earlier(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali received President of Chile Carlos Mendez in "
                               "Astana.\nTrade between the two countries reached $150 million in 2023.\n",
                               "2024-03-13");
    const dm_fact *f = only_fact(doc, MET_TRADE);
    assert_string_equal(party(f, 0), "KAZ");
    assert_string_equal(party(f, 1), "CHL");
    assert_value(f, 1.5e8, "USD");
    assert_int_equal(f->year, 2023);
    dm_doc_free(doc);
}

static void surplus_and_loan_are_not_facts(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Japan recorded a trade surplus of $3 billion with Kazakhstan. Japan granted a loan of "
                               "$400 million to Kazakhstan.\n",
                               "2024-03-13");
    assert_int_equal(doc->x->nfacts, 0);
    dm_doc_free(doc);
    doc = test_extract("Kazakhstan and Italy signed a loan agreement of $250 million for trade infrastructure.\n",
                       "2024-03-13");
    assert_int_equal(doc->x->nfacts, 0);
    dm_doc_free(doc);
}

static void same_figure_twice_is_one_fact(void **state) {
    (void)state;
    dm_doc *doc = test_extract("In 2023, trade turnover between Kazakhstan and Japan amounted to $1.9 billion.\n"
                               "Trade between Japan and Kazakhstan was $1.9 billion in 2023, the minister "
                               "recalled.\n",
                               "2024-03-13");
    assert_int_equal(doc->x->nfacts, 1);
    const dm_fact *f = &doc->x->facts[0];
    /* its evidence is the sentence that first told it */
    const char *s1 = "In 2023, trade turnover between Kazakhstan and Japan amounted to $1.9 billion.";
    assert_int_equal(f->evidence.start, (uint32_t)(strstr(doc->text, s1) - doc->text));
    assert_int_equal(f->evidence.end, f->evidence.start + strlen(s1));
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dollar_sign_and_scale_word),
        cmocka_unit_test(currency_words_after_the_number),
        cmocka_unit_test(currency_codes_and_symbols_before_the_number),
        cmocka_unit_test(sum_of_scaled_parts),
        cmocka_unit_test(numbers_without_currency_are_not_money),
        cmocka_unit_test(trade_with_year_change_and_more_than),
        cmocka_unit_test(nearly_and_last_year),
        cmocka_unit_test(around_and_increased_by_percent),
        cmocka_unit_test(fell_by_percent_is_negative),
        cmocka_unit_test(grew_by_a_third),
        cmocka_unit_test(part_of_a_year),
        cmocka_unit_test(goal_to_increase_is_a_target),
        cmocka_unit_test(investment_investor_first_with_since),
        cmocka_unit_test(exports_exporter_first),
        cmocka_unit_test(companies_origin_then_host),
        cmocka_unit_test(joint_projects),
        cmocka_unit_test(two_countries_resolve_to_the_pair_named_earlier),
        cmocka_unit_test(surplus_and_loan_are_not_facts),
        cmocka_unit_test(same_figure_twice_is_one_fact),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("facts", tests, test_group_setup, NULL);
}
