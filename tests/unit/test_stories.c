/* Stories: published dates (crawler marker, header, trailer, caller's date),
 * digest pages split under their stamps, and datelines. */
#include "helpers.h"

static void assert_date(dm_date d, int y, int m, int day) {
    assert_int_equal(d.y, y);
    assert_int_equal(d.m, m);
    assert_int_equal(d.d, day);
}

/* The name of the dateline city of story k, or "-". */
static const char *dateline_city(const dm_doc *doc, size_t k) {
    int c = doc->stories[k].dateline_city;
    return c >= 0 ? test_ctx()->cities[c].name : "-";
}

/* The text of the first sentence of story k, in a static buffer. */
static const char *story_first_sentence(const dm_doc *doc, size_t k) {
    static char buf[256];
    const dm_sent *s = &doc->sents[doc->stories[k].s0];
    size_t a = doc->toks.v[s->t0].start, b = doc->toks.v[s->t1 - 1].end;
    size_t n = b - a < sizeof buf ? b - a : sizeof buf - 1;
    memcpy(buf, doc->text + a, n);
    buf[n] = 0;
    return buf;
}

static void crawler_marker_sets_published(void **state) {
    (void)state;
    /* on a line too long to be a header: only the marker can give the date */
    dm_doc *doc = test_segment(" date 2023-09-21 The foreign ministers of Kazakhstan and Japan met in the capital "
                               "and discussed trade, transport corridors, energy and the climate agenda.\n",
                               NULL);
    assert_date(doc->published, 2023, 9, 21);
    assert_int_equal(doc->nstories, 1);
    assert_date(doc->stories[0].date, 2023, 9, 21);
    dm_doc_free(doc);
    /* the marker wins over a later header date */
    doc = test_segment(" date 2023-09-21 \nPublished January 08, 2022\nThe ministers met.\n", NULL);
    assert_date(doc->published, 2023, 9, 21);
    dm_doc_free(doc);
}

static void no_date_anywhere_leaves_published_unknown(void **state) {
    (void)state;
    dm_doc *doc = test_segment("The foreign ministers met and discussed trade.\nThey agreed to meet again.\n", NULL);
    assert_int_equal(doc->published.y, 0);
    assert_int_equal(doc->nstories, 1);
    assert_int_equal(doc->stories[0].date.y, 0);
    assert_int_equal(doc->stories[0].dateline_city, -1);
    assert_int_equal(doc->stories[0].dateline_country, -1);
    dm_doc_free(doc);
}

static void one_story_covers_the_whole_document(void **state) {
    (void)state;
    const char *text = "Leaders meet\n\nThe presidents met. They talked.\nMore talks followed.\n";
    dm_doc *doc = test_segment(text, NULL);
    assert_int_equal(doc->nstories, 1);
    assert_int_equal(doc->stories[0].s0, 0);
    assert_int_equal(doc->stories[0].s1, doc->nsents);
    assert_int_equal(doc->stories[0].start, 0);
    assert_int_equal(doc->stories[0].end, strlen(text) - 1);
    for (size_t k = 0; k < doc->nsents; k++) assert_int_equal(doc->sents[k].story, 0);
    dm_doc_free(doc);
}

static void digest_stamps_split_stories_with_their_own_dates(void **state) {
    (void)state;
    const char *text = "Kazakhstan and China sign trade deal\n"
                       "\n"
                       "01.06.2022, 15:45 4021\n"
                       "The two sides signed a trade agreement.\n"
                       "Officials praised the deal.\n"
                       "\n"
                       "Uzbek president visits Azerbaijan\n"
                       "\n"
                       "03.06.2022, 10:30 3100\n"
                       "The president arrived for talks.\n"
                       "\n"
                       "Mongolia hosts forum\n"
                       "15.07.2022, 09:05 77\n"
                       "A forum opened.\n";
    dm_doc *doc = test_segment(text, NULL);
    assert_int_equal(doc->nstories, 3);
    assert_date(doc->stories[0].date, 2022, 6, 1);
    assert_date(doc->stories[1].date, 2022, 6, 3);
    assert_date(doc->stories[2].date, 2022, 7, 15);
    /* each story starts at its headline */
    assert_string_equal(story_first_sentence(doc, 0), "Kazakhstan and China sign trade deal");
    assert_string_equal(story_first_sentence(doc, 1), "Uzbek president visits Azerbaijan");
    assert_string_equal(story_first_sentence(doc, 2), "Mongolia hosts forum");
    /* stories are contiguous and cover every sentence */
    assert_int_equal(doc->stories[0].s0, 0);
    assert_int_equal(doc->stories[0].s1, doc->stories[1].s0);
    assert_int_equal(doc->stories[1].s1, doc->stories[2].s0);
    assert_int_equal(doc->stories[2].s1, doc->nsents);
    for (size_t k = 0; k < 3; k++)
        for (uint32_t s = doc->stories[k].s0; s < doc->stories[k].s1; s++) assert_int_equal(doc->sents[s].story, k);
    /* byte ranges follow the sentences */
    assert_int_equal(doc->stories[1].start, (uint32_t)(strstr(text, "Uzbek president") - text));
    assert_int_equal(doc->stories[0].end, (uint32_t)(strstr(text, "the deal.") - text) + 9);
    /* the document's date is the first story's */
    assert_date(doc->published, 2022, 6, 1);
    dm_doc_free(doc);
}

static void sentences_before_the_first_headline_belong_to_the_first_story(void **state) {
    (void)state;
    char text[2048] = "News digest of the week\n";
    /* a long preamble: the first stamp is past the lines searched for a header date */
    for (int k = 0; k < 15; k++) strcat(text, "Selected stories follow.\n");
    strcat(text, "Kazakhstan and China sign trade deal\n"
                 "01.06.2022, 15:45 4021\n"
                 "The two sides signed a trade agreement.\n"
                 "Uzbek president visits Azerbaijan\n"
                 "03.06.2022, 10:30 3100\n"
                 "The president arrived for talks.\n");
    dm_doc *doc = test_segment(text, NULL);
    assert_int_equal(doc->nstories, 2);
    assert_int_equal(doc->stories[0].s0, 0);
    assert_int_equal(doc->stories[0].start, 0);
    assert_string_equal(story_first_sentence(doc, 1), "Uzbek president visits Azerbaijan");
    assert_date(doc->stories[0].date, 2022, 6, 1);
    assert_date(doc->stories[1].date, 2022, 6, 3);
    /* the document's date is the first story's */
    assert_date(doc->published, 2022, 6, 1);
    dm_doc_free(doc);
}

static void trailer_line_sets_published(void **state) {
    (void)state;
    /* far enough from the top that only the trailer can give the date */
    char text[2048] = "";
    for (int k = 0; k < 16; k++) strcat(text, "The ministers discussed trade.\n");
    strcat(text, "///nCa, 21 February 2024\n");
    dm_doc *doc = test_segment(text, NULL);
    assert_date(doc->published, 2024, 2, 21);
    assert_date(doc->stories[0].date, 2024, 2, 21);
    dm_doc_free(doc);
    /* a source line with a date among the last lines */
    text[0] = 0;
    for (int k = 0; k < 16; k++) strcat(text, "The ministers discussed trade.\n");
    strcat(text, "Source: Kazinform, 3 March 2024\nBack to top button\n");
    doc = test_segment(text, NULL);
    assert_date(doc->published, 2024, 3, 3);
    dm_doc_free(doc);
}

static void trailer_inside_the_last_line_sets_published(void **state) {
    (void)state;
    dm_doc *doc = test_segment("The foreign ministers held talks in the capital on regional security, trade, transport "
                               "corridors, water management and the climate agenda for the coming year and beyond. "
                               "///nCa, 9 March 2023 [photo]\n",
                               NULL);
    assert_date(doc->published, 2023, 3, 9);
    dm_doc_free(doc);
}

static void short_header_line_sets_published(void **state) {
    (void)state;
    /* followed by enough lines that only the header scan can see it */
    dm_doc *doc = test_segment("Published January 08, 2022 | 02:40 PM\n"
                               "The foreign ministers held talks in the capital.\n"
                               "They discussed regional security and trade.\n"
                               "They also discussed transport.\n"
                               "Both sides praised the talks.\n",
                               NULL);
    assert_date(doc->published, 2022, 1, 8);
    assert_date(doc->stories[0].date, 2022, 1, 8);
    dm_doc_free(doc);
}

static void iso_header_line_sets_published(void **state) {
    (void)state;
    dm_doc *doc = test_segment("Updated: 2010-09-27 14:01\nThe ministers met.\n", NULL);
    assert_date(doc->published, 2010, 9, 27);
    dm_doc_free(doc);
}

static void date_given_by_the_caller_sets_published(void **state) {
    (void)state;
    dm_doc *doc = test_segment("The foreign ministers held talks in the capital.\n", "2024-03-13");
    assert_date(doc->given_date, 2024, 3, 13);
    assert_date(doc->published, 2024, 3, 13);
    assert_date(doc->stories[0].date, 2024, 3, 13);
    dm_doc_free(doc);
    /* it wins over a date written in a header line */
    doc = test_segment("Published January 08, 2022\nThe ministers met.\n", "2024-03-13");
    assert_date(doc->published, 2024, 3, 13);
    dm_doc_free(doc);
}

static void invalid_date_from_the_caller_is_ignored(void **state) {
    (void)state;
    dm_doc *doc = test_segment("The foreign ministers held talks in the capital.\n", "2023-02-30");
    assert_int_equal(doc->given_date.y, 0);
    assert_int_equal(doc->published.y, 0);
    dm_doc_free(doc);
    doc = test_segment("The foreign ministers held talks in the capital.\n", "yesterday");
    assert_int_equal(doc->published.y, 0);
    dm_doc_free(doc);
}

static void capitalized_dateline_with_dash(void **state) {
    (void)state;
    dm_doc *doc = test_segment("ASTANA \xe2\x80\x93 The foreign ministers of Kazakhstan and Japan held talks.\n", NULL);
    assert_string_equal(dateline_city(doc, 0), "Astana");
    assert_string_equal(code_of(doc->stories[0].dateline_country), "KAZ");
    dm_doc_free(doc);
}

static void dateline_after_the_crawler_marker(void **state) {
    (void)state;
    dm_doc *doc = test_segment(" date 2023-09-21 ASTANA \xe2\x80\x93 The ministers met.\n", NULL);
    assert_date(doc->published, 2023, 9, 21);
    assert_string_equal(dateline_city(doc, 0), "Astana");
    dm_doc_free(doc);
}

static void dateline_with_country_and_date(void **state) {
    (void)state;
    dm_doc *doc = test_segment("BAKU, Azerbaijan, April 15. The Organization of Turkic States held a summit.\n", NULL);
    assert_string_equal(dateline_city(doc, 0), "Baku");
    assert_string_equal(code_of(doc->stories[0].dateline_country), "AZE");
    dm_doc_free(doc);
    /* a city in capitals before a comma is a dateline without a country */
    doc = test_segment("TASHKENT, June 5 (UzA) -- The president received the delegation.\n", NULL);
    assert_string_equal(dateline_city(doc, 0), "Tashkent");
    assert_string_equal(code_of(doc->stories[0].dateline_country), "UZB");
    dm_doc_free(doc);
    /* in mixed case the country after the comma is what makes it a dateline */
    doc = test_segment("Tashkent, Uzbekistan (UzA) -- The president received the delegation.\n", NULL);
    assert_string_equal(dateline_city(doc, 0), "Tashkent");
    assert_string_equal(code_of(doc->stories[0].dateline_country), "UZB");
    dm_doc_free(doc);
}

static void dateline_below_a_headline(void **state) {
    (void)state;
    dm_doc *doc = test_segment("Kazakhstan and Japan discuss trade\n\nASTANA - The ministers met.\n", NULL);
    assert_string_equal(dateline_city(doc, 0), "Astana");
    dm_doc_free(doc);
}

static void city_in_a_sentence_is_not_a_dateline(void **state) {
    (void)state;
    dm_doc *doc = test_segment("Moscow, Beijing and Astana discussed the agenda.\n", NULL);
    assert_int_equal(doc->stories[0].dateline_city, -1);
    assert_int_equal(doc->stories[0].dateline_country, -1);
    dm_doc_free(doc);
    doc = test_segment("Astana hosted the talks.\n", NULL);
    assert_int_equal(doc->stories[0].dateline_city, -1);
    dm_doc_free(doc);
}

static void each_digest_story_has_its_own_dateline(void **state) {
    (void)state;
    dm_doc *doc = test_segment("Ministers meet in Astana\n"
                               "06.05.2024, 11:45 3120\n"
                               "ASTANA \xe2\x80\x93 The ministers met.\n"
                               "Prime minister visits Japan\n"
                               "14.05.2024, 10:30 5123\n"
                               "TOKYO \xe2\x80\x93 The prime minister arrived.\n",
                               NULL);
    assert_int_equal(doc->nstories, 2);
    assert_string_equal(dateline_city(doc, 0), "Astana");
    assert_string_equal(code_of(doc->stories[0].dateline_country), "KAZ");
    assert_string_equal(dateline_city(doc, 1), "Tokyo");
    assert_string_equal(code_of(doc->stories[1].dateline_country), "JPN");
    assert_date(doc->stories[0].date, 2024, 5, 6);
    assert_date(doc->stories[1].date, 2024, 5, 14);
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(crawler_marker_sets_published),
        cmocka_unit_test(no_date_anywhere_leaves_published_unknown),
        cmocka_unit_test(one_story_covers_the_whole_document),
        cmocka_unit_test(digest_stamps_split_stories_with_their_own_dates),
        cmocka_unit_test(sentences_before_the_first_headline_belong_to_the_first_story),
        cmocka_unit_test(trailer_line_sets_published),
        cmocka_unit_test(trailer_inside_the_last_line_sets_published),
        cmocka_unit_test(short_header_line_sets_published),
        cmocka_unit_test(iso_header_line_sets_published),
        cmocka_unit_test(date_given_by_the_caller_sets_published),
        cmocka_unit_test(invalid_date_from_the_caller_is_ignored),
        cmocka_unit_test(capitalized_dateline_with_dash),
        cmocka_unit_test(dateline_after_the_crawler_marker),
        cmocka_unit_test(dateline_with_country_and_date),
        cmocka_unit_test(dateline_below_a_headline),
        cmocka_unit_test(city_in_a_sentence_is_not_a_dateline),
        cmocka_unit_test(each_digest_story_has_its_own_dateline),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("stories", tests, NULL, NULL);
}
