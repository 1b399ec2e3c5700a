/* The phrase lexicon on its own: longest match, type masks, case rules,
 * several entries per key, line breaks. */
#include "helpers.h"

static void add(dm_lexicon *lx, const char *phrase, uint8_t type, uint16_t id) {
    dm_lex_add(lx, phrase, strlen(phrase), type, id);
}

/* A document holding only tokens. */
static dm_doc *tokenize(const char *text) {
    dm_doc *doc = test_doc(text, NULL);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    return doc;
}

/* Looks up text from its token i to the end with mask; returns tokens matched (0: none). */
static size_t lookup(const dm_lexicon *lx, const char *text, size_t i, uint32_t mask, dm_lex_hit *hit) {
    dm_doc *doc = tokenize(text);
    int found = dm_lex_longest(lx, &doc->toks, i, doc->toks.n, mask, hit);
    assert_int_equal(found != 0, hit->ntok != 0);
    dm_doc_free(doc);
    return hit->ntok;
}

#define ALL (LXM(LX_COUNTRY) | LXM(LX_CADJ) | LXM(LX_CITY) | LXM(LX_ORG) | LXM(LX_TITLE) | LXM(LX_TOPIC))

static void empty_lexicon_matches_nothing(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    assert_int_equal(dm_lex_size(lx), 0);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Kazakhstan", 0, ALL, &hit), 0);
    assert_int_equal(hit.n, 0);
    dm_lex_free(lx);
}

static void single_word_match(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Kazakhstan", LX_COUNTRY, 3);
    assert_int_equal(dm_lex_size(lx), 1);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Kazakhstan and Japan", 0, ALL, &hit), 1);
    assert_int_equal(hit.n, 1);
    assert_int_equal(hit.e[0].type, LX_COUNTRY);
    assert_int_equal(hit.e[0].id, 3);
    assert_int_equal(lookup(lx, "Kazakhstan and Japan", 1, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "Kazakhstani", 0, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "Kazakh", 0, ALL, &hit), 0);
    dm_lex_free(lx);
}

static void longest_match_wins(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Central Asia", LX_TOPIC, 1);
    add(lx, "Central Asia Summit", LX_ORG, 2);
    add(lx, "Central", LX_COUNTRY, 3);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "the Central Asia Summit opened", 1, ALL, &hit), 3);
    assert_int_equal(hit.n, 1);
    assert_int_equal(hit.e[0].id, 2);
    assert_int_equal(lookup(lx, "Central Asia countries", 0, ALL, &hit), 2);
    assert_int_equal(hit.e[0].id, 1);
    assert_int_equal(lookup(lx, "Central banks", 0, ALL, &hit), 1);
    assert_int_equal(hit.e[0].id, 3);
    /* a longer phrase that only partly matches falls back to the longest whole one */
    assert_int_equal(lookup(lx, "Central Asia Summits", 0, ALL, &hit), 2);
    assert_int_equal(hit.e[0].id, 1);
    dm_lex_free(lx);
}

static void end_bounds_the_match(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Central Asia", LX_TOPIC, 1);
    add(lx, "Central Asia Summit", LX_ORG, 2);
    dm_doc *doc = tokenize("Central Asia Summit");
    dm_lex_hit hit;
    assert_true(dm_lex_longest(lx, &doc->toks, 0, 2, ALL, &hit));
    assert_int_equal(hit.ntok, 2);
    assert_int_equal(hit.e[0].id, 1);
    assert_false(dm_lex_longest(lx, &doc->toks, 0, 1, ALL, &hit));
    assert_int_equal(hit.ntok, 0);
    dm_doc_free(doc);
    dm_lex_free(lx);
}

static void type_mask_filters_entries(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "New York", LX_CITY, 10);
    add(lx, "New York Times", LX_ORG, 11);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "New York Times", 0, ALL, &hit), 3);
    assert_int_equal(hit.e[0].type, LX_ORG);
    /* with cities only, the longer organization is skipped */
    assert_int_equal(lookup(lx, "New York Times", 0, LXM(LX_CITY), &hit), 2);
    assert_int_equal(hit.e[0].type, LX_CITY);
    assert_int_equal(hit.e[0].id, 10);
    assert_int_equal(lookup(lx, "New York Times", 0, LXM(LX_COUNTRY) | LXM(LX_TITLE), &hit), 0);
    assert_int_equal(lookup(lx, "New York Times", 0, LXM(LX_ORG) | LXM(LX_CITY), &hit), 3);
    dm_lex_free(lx);
}

static void acronym_matches_only_in_capitals(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "US", LX_COUNTRY, 7);
    add(lx, "U.S.", LX_COUNTRY, 7);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "the US and China", 1, ALL, &hit), 1);
    assert_int_equal(hit.e[0].id, 7);
    assert_int_equal(lookup(lx, "let us go", 1, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "Us", 0, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "the U.S. and China", 1, ALL, &hit), 1);
    assert_int_equal(lookup(lx, "the u.s. and China", 1, ALL, &hit), 0);
    dm_lex_free(lx);
}

static void capitalized_entry_needs_a_capital(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Astana", LX_CITY, 1);
    add(lx, "Turkey", LX_COUNTRY, 2);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Astana", 0, ALL, &hit), 1);
    assert_int_equal(lookup(lx, "ASTANA", 0, ALL, &hit), 1);
    assert_int_equal(lookup(lx, "astana", 0, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "roast turkey", 1, ALL, &hit), 0);
    assert_int_equal(lookup(lx, "visited Turkey", 1, ALL, &hit), 1);
    dm_lex_free(lx);
}

static void lowercase_entry_matches_any_case(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "foreign minister", LX_TITLE, 4);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "the foreign minister said", 1, ALL, &hit), 2);
    assert_int_equal(lookup(lx, "Foreign Minister Sato", 0, ALL, &hit), 2);
    assert_int_equal(lookup(lx, "FOREIGN MINISTER", 0, ALL, &hit), 2);
    assert_int_equal(hit.e[0].id, 4);
    dm_lex_free(lx);
}

static void accents_and_apostrophes_are_folded(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "T\xc3\xbcrkiye", LX_COUNTRY, 1);
    add(lx, "People's Republic", LX_COUNTRY, 2);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Turkiye", 0, ALL, &hit), 1);
    assert_int_equal(lookup(lx, "T\xc3\xbcrkiye", 0, ALL, &hit), 1);
    assert_int_equal(lookup(lx, "People\xe2\x80\x99s Republic", 0, ALL, &hit), 3);
    assert_int_equal(hit.e[0].id, 2);
    dm_lex_free(lx);
}

static void hyphenated_phrases_match(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Nur-Sultan", LX_CITY, 5);
    add(lx, "secretary-general", LX_TITLE, 6);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "in Nur-Sultan today", 1, ALL, &hit), 3);
    assert_int_equal(hit.e[0].id, 5);
    assert_int_equal(lookup(lx, "UN Secretary-General", 1, ALL, &hit), 3);
    assert_int_equal(hit.e[0].id, 6);
    assert_int_equal(lookup(lx, "Nur Sultan", 0, ALL, &hit), 0);
    dm_lex_free(lx);
}

static void several_entries_for_one_key(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Georgia", LX_COUNTRY, 20);
    add(lx, "Georgia", LX_CITY, 21);
    add(lx, "Georgia", LX_ORG, 22);
    assert_int_equal(dm_lex_size(lx), 3);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Georgia", 0, ALL, &hit), 1);
    assert_int_equal(hit.n, 3);
    /* in the order they were added */
    assert_int_equal(hit.e[0].type, LX_COUNTRY);
    assert_int_equal(hit.e[1].type, LX_CITY);
    assert_int_equal(hit.e[2].type, LX_ORG);
    assert_int_equal(dm_lex_hit_get(&hit, LX_CITY)->id, 21);
    assert_int_equal(dm_lex_hit_get(&hit, LX_COUNTRY)->id, 20);
    assert_null(dm_lex_hit_get(&hit, LX_TITLE));
    /* the mask keeps only the wanted ones */
    assert_int_equal(lookup(lx, "Georgia", 0, LXM(LX_CITY) | LXM(LX_ORG), &hit), 1);
    assert_int_equal(hit.n, 2);
    assert_null(dm_lex_hit_get(&hit, LX_COUNTRY));
    assert_int_equal(dm_lex_hit_get(&hit, LX_ORG)->id, 22);
    dm_lex_free(lx);
}

static void case_rules_apply_per_entry(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "WHO", LX_ORG, 1);  /* acronym */
    add(lx, "who", LX_TOPIC, 2); /* any case */
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "WHO", 0, ALL, &hit), 1);
    assert_int_equal(hit.n, 2);
    assert_int_equal(lookup(lx, "who", 0, ALL, &hit), 1);
    assert_int_equal(hit.n, 1);
    assert_int_equal(hit.e[0].type, LX_TOPIC);
    assert_int_equal(lookup(lx, "who", 0, LXM(LX_ORG), &hit), 0);
    dm_lex_free(lx);
}

static void duplicate_entry_is_added_once_with_the_laxer_rule(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Astana", LX_CITY, 1);
    add(lx, "Astana", LX_CITY, 1);
    assert_int_equal(dm_lex_size(lx), 1);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "astana", 0, ALL, &hit), 0);
    add(lx, "astana", LX_CITY, 1);
    assert_int_equal(dm_lex_size(lx), 1);
    assert_int_equal(lookup(lx, "astana", 0, ALL, &hit), 1);
    assert_int_equal(hit.n, 1);
    /* another id is another entry */
    add(lx, "Astana", LX_CITY, 2);
    assert_int_equal(dm_lex_size(lx), 2);
    dm_lex_free(lx);
}

static void phrases_do_not_cross_a_line_break(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Central Asia", LX_TOPIC, 1);
    add(lx, "Central", LX_COUNTRY, 2);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Central\nAsia", 0, ALL, &hit), 1);
    assert_int_equal(hit.e[0].id, 2);
    assert_int_equal(lookup(lx, "Central\r\n\r\nAsia", 0, LXM(LX_TOPIC), &hit), 0);
    /* but a line break before the first token does not matter */
    assert_int_equal(lookup(lx, "text\nCentral Asia", 1, ALL, &hit), 2);
    dm_lex_free(lx);
}

static void empty_and_blank_phrases_are_ignored(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "", LX_TOPIC, 1);
    add(lx, "   ", LX_TOPIC, 1);
    assert_int_equal(dm_lex_size(lx), 0);
    dm_lex_free(lx);
}

static void many_phrases_grow_the_table(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    char phrase[64];
    size_t n = 12000; /* two-token phrases: 24000 nodes, more than the first table holds */
    for (size_t k = 0; k < n; k++) {
        snprintf(phrase, sizeof phrase, "place%zu city%zu", k, k % 97);
        add(lx, phrase, LX_CITY, (uint16_t)k);
    }
    assert_int_equal(dm_lex_size(lx), n);
    dm_lex_hit hit;
    for (size_t k = 0; k < n; k += 997) {
        snprintf(phrase, sizeof phrase, "Place%zu City%zu", k, k % 97);
        assert_int_equal(lookup(lx, phrase, 0, ALL, &hit), 4);
        assert_int_equal(hit.e[0].id, k);
    }
    assert_int_equal(lookup(lx, "place5 city6", 0, ALL, &hit), 0);
    dm_lex_free(lx);
}

/* Lookups first ask whether any phrase of the wanted types starts with the word:
 * a phrase's inner word, a word starting only other types' phrases, and a phrase
 * added after lookups have run must all be answered right. */
static void first_word_filter_follows_types_and_additions(void **state) {
    (void)state;
    dm_lexicon *lx = dm_lex_new();
    add(lx, "Central Bank", LX_ORG, 1);
    dm_lex_hit hit;
    assert_int_equal(lookup(lx, "Central Bank", 0, LXM(LX_ORG), &hit), 2);
    assert_int_equal(lookup(lx, "Central Bank", 0, LXM(LX_TOPIC), &hit), 0); /* starts only an org */
    assert_int_equal(lookup(lx, "Bank", 0, ALL, &hit), 0);                  /* an inner word starts nothing */
    add(lx, "bank", LX_TOPIC, 4);                                          /* added later */
    assert_int_equal(lookup(lx, "Bank", 0, LXM(LX_TOPIC), &hit), 1);
    assert_int_equal(lookup(lx, "Central Bank", 0, LXM(LX_TOPIC), &hit), 0);
    assert_int_equal(lookup(lx, "the central bank", 2, LXM(LX_TOPIC), &hit), 1);
    dm_lex_free(lx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_lexicon_matches_nothing),
        cmocka_unit_test(single_word_match),
        cmocka_unit_test(longest_match_wins),
        cmocka_unit_test(end_bounds_the_match),
        cmocka_unit_test(type_mask_filters_entries),
        cmocka_unit_test(acronym_matches_only_in_capitals),
        cmocka_unit_test(capitalized_entry_needs_a_capital),
        cmocka_unit_test(lowercase_entry_matches_any_case),
        cmocka_unit_test(accents_and_apostrophes_are_folded),
        cmocka_unit_test(hyphenated_phrases_match),
        cmocka_unit_test(several_entries_for_one_key),
        cmocka_unit_test(case_rules_apply_per_entry),
        cmocka_unit_test(duplicate_entry_is_added_once_with_the_laxer_rule),
        cmocka_unit_test(phrases_do_not_cross_a_line_break),
        cmocka_unit_test(empty_and_blank_phrases_are_ignored),
        cmocka_unit_test(many_phrases_grow_the_table),
        cmocka_unit_test(first_word_filter_follows_types_and_additions),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("lexicon", tests, NULL, NULL);
}
