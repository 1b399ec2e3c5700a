/* The tokenizer: spans, kinds, folded forms and flags. */
#include "helpers.h"

/* A document holding only tokens. */
static dm_doc *tokenize(const char *text) {
    dm_doc *doc = test_doc(text, NULL);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    return doc;
}

/* Asserts the texts of all tokens of doc (a NULL-terminated list). */
static void assert_tokens(const dm_doc *doc, const char *const *want) {
    size_t n = 0;
    while (want[n]) n++;
    if (doc->toks.n != n) {
        for (size_t i = 0; i < doc->toks.n; i++) fprintf(stderr, "  token %zu: [%s]\n", i, tok_text(doc, i));
    }
    assert_int_equal(doc->toks.n, n);
    for (size_t i = 0; i < n; i++) assert_string_equal(tok_text(doc, i), want[i]);
}

static int has(const dm_doc *doc, size_t i, int flag) { return (doc->toks.v[i].flags & flag) != 0; }

static void tokens_are_byte_spans_into_the_text(void **state) {
    (void)state;
    dm_doc *doc = tokenize("Hello, world.");
    assert_int_equal(doc->toks.n, 4);
    static const uint32_t spans[4][2] = {{0, 5}, {5, 6}, {7, 12}, {12, 13}};
    static const uint8_t kinds[4] = {TK_WORD, TK_PUNCT, TK_WORD, TK_PUNCT};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(doc->toks.v[i].start, spans[i][0]);
        assert_int_equal(doc->toks.v[i].end, spans[i][1]);
        assert_int_equal(doc->toks.v[i].kind, kinds[i]);
    }
    assert_string_equal(dm_tok_fold(&doc->toks, 0), "hello");
    assert_int_equal(doc->toks.v[0].flen, 5);
    assert_true(dm_tok_is(&doc->toks, 2, "world"));
    assert_false(dm_tok_is(&doc->toks, 2, "World"));
    assert_false(dm_tok_is(&doc->toks, 4, "world")); /* past the end */
    /* the same folded form has the same hash */
    dm_doc *other = tokenize("HELLO hello");
    assert_int_equal(other->toks.v[0].hash, doc->toks.v[0].hash);
    assert_int_equal(other->toks.v[1].hash, doc->toks.v[0].hash);
    assert_int_not_equal(doc->toks.v[2].hash, doc->toks.v[0].hash);
    dm_doc_free(other);
    dm_doc_free(doc);
}

static void multibyte_spans_and_folds(void **state) {
    (void)state;
    dm_doc *doc = tokenize("T\xc3\xbcrkiye \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
    static const char *const want[] = {"T\xc3\xbcrkiye", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[0].end, 8);
    assert_string_equal(dm_tok_fold(&doc->toks, 0), "turkiye");
    assert_string_equal(dm_tok_fold(&doc->toks, 1), "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
    assert_true(has(doc, 1, TF_CAP));
    dm_doc_free(doc);
}

static void possessive_s_is_split_off(void **state) {
    (void)state;
    dm_doc *doc = tokenize("Kazakhstan's President and Uzbekistan\xe2\x80\x99s leader");
    static const char *const want[] = {"Kazakhstan", "'s", "President", "and", "Uzbekistan", "\xe2\x80\x99s", "leader",
                                       NULL};
    assert_tokens(doc, want);
    assert_string_equal(dm_tok_fold(&doc->toks, 1), "'s");
    assert_string_equal(dm_tok_fold(&doc->toks, 5), "'s");
    assert_string_equal(dm_tok_fold(&doc->toks, 0), "kazakhstan");
    assert_string_equal(dm_tok_fold(&doc->toks, 4), "uzbekistan");
    for (size_t i = 1; i <= 5; i += 4) {
        assert_int_equal(doc->toks.v[i].kind, TK_WORD);
        assert_false(has(doc, i, TF_SPACE));
        assert_false(has(doc, i, TF_CAP | TF_UPPER | TF_LOWER));
    }
    dm_doc_free(doc);
}

static void possessive_s_at_end_of_text_and_capital_s(void **state) {
    (void)state;
    dm_doc *doc = tokenize("the UN'S role and Astana's");
    static const char *const want[] = {"the", "UN", "'S", "role", "and", "Astana", "'s", NULL};
    assert_tokens(doc, want);
    assert_string_equal(dm_tok_fold(&doc->toks, 2), "'s");
    assert_string_equal(dm_tok_fold(&doc->toks, 6), "'s");
    dm_doc_free(doc);
}

static void inner_apostrophes_keep_names_whole(void **state) {
    (void)state;
    dm_doc *doc = tokenize("O'Neil met Nu\xe2\x80\x99" "amani and O'Sullivan.");
    static const char *const want[] = {"O'Neil", "met", "Nu\xe2\x80\x99" "amani", "and", "O'Sullivan", ".", NULL};
    assert_tokens(doc, want);
    assert_string_equal(dm_tok_fold(&doc->toks, 0), "o'neil");
    assert_string_equal(dm_tok_fold(&doc->toks, 2), "nu'amani");
    assert_int_equal(doc->toks.v[2].kind, TK_WORD);
    dm_doc_free(doc);
}

static void hyphens_are_tokens_glued_without_space(void **state) {
    (void)state;
    dm_doc *doc = tokenize("President Kassym-Jomart Tokayev");
    static const char *const want[] = {"President", "Kassym", "-", "Jomart", "Tokayev", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[2].kind, TK_PUNCT);
    assert_true(has(doc, 1, TF_SPACE));
    assert_false(has(doc, 2, TF_SPACE));
    assert_false(has(doc, 3, TF_SPACE));
    assert_true(has(doc, 3, TF_CAP));
    assert_true(has(doc, 4, TF_SPACE));
    dm_doc_free(doc);
}

static void dashes_are_tokens(void **state) {
    (void)state;
    dm_doc *doc = tokenize("ASTANA \xe2\x80\x93 Talks");
    static const char *const want[] = {"ASTANA", "\xe2\x80\x93", "Talks", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[1].kind, TK_PUNCT);
    assert_true(has(doc, 1, TF_SPACE));
    dm_doc_free(doc);
}

static void dotted_abbreviations_are_one_token(void **state) {
    (void)state;
    dm_doc *doc = tokenize("the U.S. and Washington, D.C. agreed");
    static const char *const want[] = {"the", "U.S.", "and", "Washington", ",", "D.C.", "agreed", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[1].kind, TK_WORD);
    assert_true(has(doc, 1, TF_DOTTED));
    assert_true(has(doc, 5, TF_DOTTED));
    assert_true(has(doc, 1, TF_UPPER));
    assert_true(has(doc, 1, TF_CAP));
    assert_string_equal(dm_tok_fold(&doc->toks, 1), "u.s.");
    assert_false(has(doc, 3, TF_DOTTED));
    dm_doc_free(doc);
}

static void dotted_abbreviation_at_end_of_sentence(void **state) {
    (void)state;
    dm_doc *doc = tokenize("He visited the U.S.");
    static const char *const want[] = {"He", "visited", "the", "U.S.", NULL};
    assert_tokens(doc, want);
    assert_true(has(doc, 3, TF_DOTTED));
    dm_doc_free(doc);
}

static void initial_glued_to_name_is_split(void **state) {
    (void)state;
    dm_doc *doc = tokenize("Kh.Battulga");
    static const char *const want[] = {"Kh", ".", "Battulga", NULL};
    assert_tokens(doc, want);
    assert_false(has(doc, 1, TF_SPACE));
    assert_false(has(doc, 2, TF_SPACE));
    assert_false(has(doc, 0, TF_DOTTED));
    assert_int_equal(doc->toks.v[1].kind, TK_PUNCT);
    dm_doc_free(doc);
}

static void initial_with_a_full_stop_is_not_dotted(void **state) {
    (void)state;
    dm_doc *doc = tokenize("D. Grichting and E.Idrissov");
    static const char *const want[] = {"D", ".", "Grichting", "and", "E", ".", "Idrissov", NULL};
    assert_tokens(doc, want);
    assert_false(has(doc, 0, TF_DOTTED));
    assert_false(has(doc, 4, TF_DOTTED));
    dm_doc_free(doc);
    /* initials glued to a name are not a dotted abbreviation either */
    doc = tokenize("N.A.Nazarbayev");
    static const char *const want2[] = {"N", ".", "A", ".", "Nazarbayev", NULL};
    assert_tokens(doc, want2);
    dm_doc_free(doc);
}

static void numbers_keep_inner_dots_and_commas(void **state) {
    (void)state;
    dm_doc *doc = tokenize("grew 1.9 percent to 45,428,000,000 in 2023.");
    static const char *const want[] = {"grew", "1.9", "percent", "to", "45,428,000,000", "in", "2023", ".", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[1].kind, TK_NUM);
    assert_int_equal(doc->toks.v[4].kind, TK_NUM);
    assert_int_equal(doc->toks.v[6].kind, TK_NUM);
    assert_int_equal(doc->toks.v[7].kind, TK_PUNCT);
    assert_string_equal(dm_tok_fold(&doc->toks, 4), "45,428,000,000");
    /* number flags carry no case */
    assert_false(has(doc, 6, TF_CAP | TF_UPPER | TF_LOWER));
    dm_doc_free(doc);
}

static void currency_amount_splits_into_three(void **state) {
    (void)state;
    dm_doc *doc = tokenize("$24bn");
    static const char *const want[] = {"$", "24", "bn", NULL};
    assert_tokens(doc, want);
    assert_int_equal(doc->toks.v[0].kind, TK_PUNCT);
    assert_int_equal(doc->toks.v[1].kind, TK_NUM);
    assert_int_equal(doc->toks.v[2].kind, TK_WORD);
    assert_false(has(doc, 1, TF_SPACE));
    assert_false(has(doc, 2, TF_SPACE));
    dm_doc_free(doc);
}

static void case_flags(void **state) {
    (void)state;
    dm_doc *doc = tokenize("NATO Astana kazakh iPhone \xc3\x9c" "NL \xc3\xa9t\xc3\xa9 A");
    assert_int_equal(doc->toks.n, 7);
    /* NATO */
    assert_true(has(doc, 0, TF_CAP));
    assert_true(has(doc, 0, TF_UPPER));
    assert_false(has(doc, 0, TF_LOWER));
    /* Astana */
    assert_true(has(doc, 1, TF_CAP));
    assert_false(has(doc, 1, TF_UPPER));
    assert_false(has(doc, 1, TF_LOWER));
    /* kazakh */
    assert_true(has(doc, 2, TF_LOWER));
    assert_false(has(doc, 2, TF_CAP | TF_UPPER));
    /* iPhone */
    assert_true(has(doc, 3, TF_LOWER));
    assert_false(has(doc, 3, TF_CAP | TF_UPPER));
    /* ÜNL: a non-ASCII capital */
    assert_true(has(doc, 4, TF_CAP));
    assert_true(has(doc, 4, TF_UPPER));
    /* été */
    assert_true(has(doc, 5, TF_LOWER));
    /* A single capital letter */
    assert_true(has(doc, 6, TF_CAP));
    assert_true(has(doc, 6, TF_UPPER));
    dm_doc_free(doc);
}

static void space_flag(void **state) {
    (void)state;
    dm_doc *doc = tokenize("a b,c  (d)");
    static const char *const want[] = {"a", "b", ",", "c", "(", "d", ")", NULL};
    assert_tokens(doc, want);
    static const int spaced[] = {0, 1, 0, 0, 1, 0, 0};
    for (size_t i = 0; i < 7; i++) assert_int_equal(has(doc, i, TF_SPACE), spaced[i]);
    dm_doc_free(doc);
}

static void line_and_paragraph_breaks(void **state) {
    (void)state;
    dm_doc *doc = tokenize("one two\nthree\n\nfour\n \t \nfive six");
    static const char *const want[] = {"one", "two", "three", "four", "five", "six", NULL};
    assert_tokens(doc, want);
    assert_false(has(doc, 0, TF_NL | TF_PARA));
    assert_false(has(doc, 1, TF_NL | TF_PARA));
    assert_true(has(doc, 2, TF_NL));
    assert_false(has(doc, 2, TF_PARA));
    assert_true(has(doc, 2, TF_SPACE));
    assert_true(has(doc, 3, TF_NL));
    assert_true(has(doc, 3, TF_PARA));
    /* a line holding only white space is a blank line */
    assert_true(has(doc, 4, TF_NL));
    assert_true(has(doc, 4, TF_PARA));
    assert_false(has(doc, 5, TF_NL | TF_PARA));
    dm_doc_free(doc);
    /* single line breaks in a row are not paragraphs */
    doc = tokenize("a\nb\nc\nd");
    for (size_t i = 1; i < 4; i++) {
        assert_true(has(doc, i, TF_NL));
        assert_false(has(doc, i, TF_PARA));
    }
    dm_doc_free(doc);
}

static void no_break_space_and_crlf_are_white_space(void **state) {
    (void)state;
    dm_doc *doc = tokenize("Astana\xc2\xa0Kazakhstan\r\nBaku\r\n\r\nTashkent");
    static const char *const want[] = {"Astana", "Kazakhstan", "Baku", "Tashkent", NULL};
    assert_tokens(doc, want);
    assert_true(has(doc, 1, TF_SPACE));
    assert_false(has(doc, 1, TF_NL));
    assert_true(has(doc, 2, TF_NL));
    assert_false(has(doc, 2, TF_PARA));
    assert_true(has(doc, 3, TF_NL));
    assert_true(has(doc, 3, TF_PARA));
    assert_int_equal(doc->toks.v[1].start, 8);
    dm_doc_free(doc);
}

static void initials(void **state) {
    (void)state;
    dm_doc *doc = tokenize("D Kh Zh KH Al d Dmitry 5");
    assert_int_equal(doc->toks.n, 8);
    assert_true(dm_tok_is_initial(&doc->toks, 0));  /* D */
    assert_true(dm_tok_is_initial(&doc->toks, 1));  /* Kh */
    assert_true(dm_tok_is_initial(&doc->toks, 2));  /* Zh */
    assert_false(dm_tok_is_initial(&doc->toks, 3)); /* KH: an acronym */
    assert_false(dm_tok_is_initial(&doc->toks, 4)); /* Al */
    assert_false(dm_tok_is_initial(&doc->toks, 5)); /* lowercase */
    assert_false(dm_tok_is_initial(&doc->toks, 6)); /* a name */
    assert_false(dm_tok_is_initial(&doc->toks, 7)); /* a number */
    assert_false(dm_tok_is_initial(&doc->toks, 8)); /* past the end */
    dm_doc_free(doc);
}

static void many_tokens_grow_the_arrays(void **state) {
    (void)state;
    /* enough text to grow the token vector and the fold pool several times */
    size_t words = 3000;
    char *text = malloc(words * 12 + 1);
    size_t n = 0;
    for (size_t k = 0; k < words; k++) n += (size_t)sprintf(text + n, "Word%c%zu ", 'a' + (int)(k % 26), k % 10);
    dm_doc *doc = tokenize(text);
    assert_int_equal(doc->toks.n, 2 * words);
    for (size_t k = 0; k < words; k += 97) {
        char want[16];
        snprintf(want, sizeof want, "word%c", 'a' + (int)(k % 26));
        assert_string_equal(dm_tok_fold(&doc->toks, 2 * k), want);
        assert_int_equal(doc->toks.v[2 * k + 1].kind, TK_NUM);
    }
    dm_doc_free(doc);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_are_byte_spans_into_the_text),
        cmocka_unit_test(multibyte_spans_and_folds),
        cmocka_unit_test(possessive_s_is_split_off),
        cmocka_unit_test(possessive_s_at_end_of_text_and_capital_s),
        cmocka_unit_test(inner_apostrophes_keep_names_whole),
        cmocka_unit_test(hyphens_are_tokens_glued_without_space),
        cmocka_unit_test(dashes_are_tokens),
        cmocka_unit_test(dotted_abbreviations_are_one_token),
        cmocka_unit_test(dotted_abbreviation_at_end_of_sentence),
        cmocka_unit_test(initial_glued_to_name_is_split),
        cmocka_unit_test(initial_with_a_full_stop_is_not_dotted),
        cmocka_unit_test(numbers_keep_inner_dots_and_commas),
        cmocka_unit_test(currency_amount_splits_into_three),
        cmocka_unit_test(case_flags),
        cmocka_unit_test(space_flag),
        cmocka_unit_test(line_and_paragraph_breaks),
        cmocka_unit_test(no_break_space_and_crlf_are_white_space),
        cmocka_unit_test(initials),
        cmocka_unit_test(many_tokens_grow_the_arrays),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("tokens", tests, NULL, NULL);
}
