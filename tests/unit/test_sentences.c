/* Sentence segmentation: full stops, abbreviations, initials, quotes, line
 * breaks and headlines. */
#include "helpers.h"

/* The text of sentence k of doc, NUL-terminated in a static buffer. */
static const char *sent_text(const dm_doc *doc, size_t k) {
    static char buf[512];
    const dm_sent *s = &doc->sents[k];
    size_t a = doc->toks.v[s->t0].start, b = doc->toks.v[s->t1 - 1].end;
    size_t n = b - a < sizeof buf ? b - a : sizeof buf - 1;
    memcpy(buf, doc->text + a, n);
    buf[n] = 0;
    return buf;
}

/* Segments text and asserts its sentences (a NULL-terminated list); returns the document. */
static dm_doc *assert_sentences(const char *text, const char *const *want) {
    dm_doc *doc = test_segment(text, NULL);
    size_t n = 0;
    while (want[n]) n++;
    if (doc->nsents != n)
        for (size_t k = 0; k < doc->nsents; k++) fprintf(stderr, "  sentence %zu: [%s]\n", k, sent_text(doc, k));
    assert_int_equal(doc->nsents, n);
    for (size_t k = 0; k < n; k++) assert_string_equal(sent_text(doc, k), want[k]);
    /* sentences cover every token, in order, without gaps */
    assert_int_equal(doc->sents[0].t0, 0);
    for (size_t k = 1; k < n; k++) assert_int_equal(doc->sents[k].t0, doc->sents[k - 1].t1);
    assert_int_equal(doc->sents[n - 1].t1, doc->toks.n);
    return doc;
}

static void full_stops_end_sentences(void **state) {
    (void)state;
    static const char *const want[] = {"The ministers met.", "They signed an agreement.", "Talks continue.", NULL};
    dm_doc *doc = assert_sentences("The ministers met. They signed an agreement. Talks continue.", want);
    for (size_t k = 0; k < doc->nsents; k++) assert_int_equal(doc->sents[k].headline, 0);
    dm_doc_free(doc);
}

static void exclamation_and_question_marks_end_sentences(void **state) {
    (void)state;
    static const char *const want[] = {"What a visit!", "Will they meet again?", "Yes.", NULL};
    dm_doc_free(assert_sentences("What a visit! Will they meet again? Yes.", want));
}

static void abbreviations_do_not_end_sentences(void **state) {
    (void)state;
    static const char *const want[] = {
        "The talks on Sept. 21 were led by Gen. Petrov and Mr. Smith.",
        "Resolution No. 5 passed.",
        NULL};
    dm_doc_free(assert_sentences("The talks on Sept. 21 were led by Gen. Petrov and Mr. Smith. Resolution No. 5 passed.",
                                 want));
}

static void more_abbreviations(void **state) {
    (void)state;
    static const char *const want[] = {"Dr. Aliyev met Prof. Kim on Jan. 16 at St. Petersburg.", "It went well.",
                                       NULL};
    dm_doc_free(assert_sentences("Dr. Aliyev met Prof. Kim on Jan. 16 at St. Petersburg. It went well.", want));
}

static void initials_do_not_end_sentences(void **state) {
    (void)state;
    static const char *const want[] = {"Swiss Ambassador D. Grichting met E. Idrissov in Astana.",
                                       "Kh. Battulga attended.", NULL};
    dm_doc_free(
        assert_sentences("Swiss Ambassador D. Grichting met E. Idrissov in Astana. Kh. Battulga attended.", want));
}

static void dotted_abbreviation_inside_a_sentence(void **state) {
    (void)state;
    static const char *const want[] = {"The U.S. Secretary of State arrived in Washington, D.C. on Monday.",
                                       "He left.", NULL};
    dm_doc_free(assert_sentences("The U.S. Secretary of State arrived in Washington, D.C. on Monday. He left.", want));
}

static void ordinary_word_before_a_full_stop_ends_it(void **state) {
    (void)state;
    /* "Astana." is not an abbreviation or an initial */
    static const char *const want[] = {"He flew to Astana.", "Talks began.", NULL};
    dm_doc_free(assert_sentences("He flew to Astana. Talks began.", want));
}

static void lowercase_after_a_full_stop_continues(void **state) {
    (void)state;
    static const char *const want[] = {"The figure was approx. five percent and growing.", NULL};
    dm_doc_free(assert_sentences("The figure was approx. five percent and growing.", want));
}

static void lowercase_after_any_full_stop_continues(void **state) {
    (void)state;
    /* "pct" is no known abbreviation, but a lowercase word does not start a sentence */
    static const char *const want[] = {"Trade rose 5 pct. in May.", "Exports fell.", NULL};
    dm_doc_free(assert_sentences("Trade rose 5 pct. in May. Exports fell.", want));
}

static void full_stop_without_a_following_space_continues(void **state) {
    (void)state;
    static const char *const want[] = {"Details are on Akorda.Kz and Gov.Kz today.", "Read them.", NULL};
    dm_doc_free(assert_sentences("Details are on Akorda.Kz and Gov.Kz today. Read them.", want));
}

static void a_number_after_a_full_stop_starts_a_sentence(void **state) {
    (void)state;
    static const char *const want[] = {"Trade grew.", "2023 was a record year.", NULL};
    dm_doc_free(assert_sentences("Trade grew. 2023 was a record year.", want));
}

static void decimal_numbers_do_not_split(void **state) {
    (void)state;
    static const char *const want[] = {"Trade grew by 1.9 percent to $3.5 billion.", "Exports rose.", NULL};
    dm_doc_free(assert_sentences("Trade grew by 1.9 percent to $3.5 billion. Exports rose.", want));
}

static void closing_quote_stays_with_its_sentence(void **state) {
    (void)state;
    static const char *const want[] = {"He said \xe2\x80\x9cyes.\xe2\x80\x9d", "Then they left.", NULL};
    dm_doc_free(assert_sentences("He said \xe2\x80\x9cyes.\xe2\x80\x9d Then they left.", want));
    static const char *const want2[] = {"She asked \"why?\"", "Nobody answered.", NULL};
    dm_doc_free(assert_sentences("She asked \"why?\" Nobody answered.", want2));
    static const char *const want3[] = {"(It was signed.)", "Both sides agreed.", NULL};
    dm_doc_free(assert_sentences("(It was signed.) Both sides agreed.", want3));
}

static void opening_quote_starts_a_sentence(void **state) {
    (void)state;
    static const char *const want[] = {"The minister spoke.", "\xe2\x80\x9cWe agree,\xe2\x80\x9d he said.", NULL};
    dm_doc_free(assert_sentences("The minister spoke. \xe2\x80\x9cWe agree,\xe2\x80\x9d he said.", want));
}

static void every_line_break_ends_a_sentence(void **state) {
    (void)state;
    static const char *const want[] = {"The ministers met in", "Astana on Monday and", "signed a memorandum.",
                                       NULL};
    dm_doc_free(assert_sentences("The ministers met in\nAstana on Monday and\nsigned a memorandum.", want));
}

static void a_line_break_after_an_abbreviation_ends_it(void **state) {
    (void)state;
    static const char *const want[] = {"Talks were held with Gen.", "Petrov present.", NULL};
    dm_doc_free(assert_sentences("Talks were held with Gen.\nPetrov present.", want));
}

static void line_without_final_punctuation_is_a_headline(void **state) {
    (void)state;
    static const char *const want[] = {"Kazakhstan and Uzbekistan sign trade deal",
                                       "The presidents met in Astana.", "Details:", "They agreed on trade.", NULL};
    dm_doc *doc = assert_sentences("Kazakhstan and Uzbekistan sign trade deal\n\nThe presidents met in Astana.\n"
                                   "Details:\nThey agreed on trade.",
                                   want);
    assert_int_equal(doc->sents[0].headline, 1);
    assert_int_equal(doc->sents[1].headline, 0);
    assert_int_equal(doc->sents[2].headline, 0); /* a colon introduces what follows */
    assert_int_equal(doc->sents[3].headline, 0);
    dm_doc_free(doc);
}

static void part_of_a_line_is_not_a_headline(void **state) {
    (void)state;
    /* the second sentence ends a line but does not start one */
    static const char *const want[] = {"The ministers met.", "Talks will continue", NULL};
    dm_doc *doc = assert_sentences("The ministers met. Talks will continue", want);
    assert_int_equal(doc->sents[0].headline, 0);
    assert_int_equal(doc->sents[1].headline, 0);
    dm_doc_free(doc);
}

static void very_long_unpunctuated_line_is_not_a_headline(void **state) {
    (void)state;
    char text[400] = "";
    for (int k = 0; k < 30; k++) strcat(text, "word ");
    dm_doc *doc = test_segment(text, NULL);
    assert_int_equal(doc->nsents, 1);
    assert_int_equal(doc->sents[0].headline, 0);
    dm_doc_free(doc);
}

static void is_abbreviation(void **state) {
    (void)state;
    assert_true(dm_is_abbreviation("sept"));
    assert_true(dm_is_abbreviation("gen"));
    assert_true(dm_is_abbreviation("no"));
    assert_true(dm_is_abbreviation("mr"));
    assert_false(dm_is_abbreviation("astana"));
    assert_false(dm_is_abbreviation("Mr")); /* folded forms only */
    assert_false(dm_is_abbreviation(""));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_stops_end_sentences),
        cmocka_unit_test(exclamation_and_question_marks_end_sentences),
        cmocka_unit_test(abbreviations_do_not_end_sentences),
        cmocka_unit_test(more_abbreviations),
        cmocka_unit_test(initials_do_not_end_sentences),
        cmocka_unit_test(dotted_abbreviation_inside_a_sentence),
        cmocka_unit_test(ordinary_word_before_a_full_stop_ends_it),
        cmocka_unit_test(lowercase_after_a_full_stop_continues),
        cmocka_unit_test(lowercase_after_any_full_stop_continues),
        cmocka_unit_test(full_stop_without_a_following_space_continues),
        cmocka_unit_test(a_number_after_a_full_stop_starts_a_sentence),
        cmocka_unit_test(decimal_numbers_do_not_split),
        cmocka_unit_test(closing_quote_stays_with_its_sentence),
        cmocka_unit_test(opening_quote_starts_a_sentence),
        cmocka_unit_test(every_line_break_ends_a_sentence),
        cmocka_unit_test(a_line_break_after_an_abbreviation_ends_it),
        cmocka_unit_test(line_without_final_punctuation_is_a_headline),
        cmocka_unit_test(part_of_a_line_is_not_a_headline),
        cmocka_unit_test(very_long_unpunctuated_line_is_not_a_headline),
        cmocka_unit_test(is_abbreviation),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("sentences", tests, NULL, NULL);
}
