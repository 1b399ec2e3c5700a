/* The person table: one record per person however the name is written,
 * the fullest name and title kept, and lookups by title. */
#include "helpers.h"

/* The index of the person whose name is exactly name, or -1. */
static int person_named(const dm_doc *doc, const char *name) {
    for (size_t i = 0; i < doc->x->npeople; i++)
        if (doc->x->people[i].name && strcmp(doc->x->people[i].name, name) == 0) return (int)i;
    return -1;
}

/* How many named (not anonymous) people have a name containing word. */
static int people_with(const dm_doc *doc, const char *word) {
    int n = 0;
    for (size_t i = 0; i < doc->x->npeople; i++) {
        const dm_person *p = &doc->x->people[i];
        if (!p->anonymous && p->name && strstr(p->name, word)) n++;
    }
    return n;
}

static int country(const char *code) { return dm_country_by_code(test_ctx(), code); }


static void surname_and_initial_are_the_same_person(void **state) {
    (void)state;
    dm_doc *doc = test_extract("ASTANA – Kazakh Foreign Minister Murat Nurtleu met with the Ambassador of Norway "
                               "Ingrid Solberg on Monday.\nNurtleu briefed his guest on the reforms under way. "
                               "M. Nurtleu also thanked Solberg for her support.\n",
                               "2024-03-13");
    assert_int_equal(people_with(doc, "Nurtleu"), 1);
    assert_int_equal(people_with(doc, "Solberg"), 1);
    int p = person_named(doc, "Murat Nurtleu");
    assert_true(p >= 0);
    assert_int_equal(doc->x->people[p].country, country("KAZ"));
    assert_int_equal(doc->x->people[p].role, R_FOREIGN_MINISTER);
    dm_doc_free(doc);
}

static void initial_glued_and_full_name_merge_fuller_wins(void **state) {
    (void)state;
    /* the short form first */
    dm_doc *doc = test_extract("President of Mongolia U.Khurelsukh received the Ambassador of Japan Kenji Mori in "
                               "Ulaanbaatar.\nKhurelsukh Ukhnaa noted the growth of mutual trade.\n",
                               "2024-03-13");
    assert_int_equal(people_with(doc, "Khurelsukh"), 1);
    int p = person_named(doc, "Khurelsukh Ukhnaa");
    assert_true(p >= 0);
    assert_int_equal(doc->x->people[p].role, R_HEAD_OF_STATE);
    assert_int_equal(doc->x->people[p].country, country("MNG"));
    dm_doc_free(doc);
    /* the full form first: it stays */
    doc = test_extract("President of Mongolia Khurelsukh Ukhnaa received the Ambassador of Japan Kenji Mori in "
                       "Ulaanbaatar.\nU.Khurelsukh noted the growth of mutual trade.\n",
                       "2024-03-13");
    assert_int_equal(people_with(doc, "Khurelsukh"), 1);
    assert_true(person_named(doc, "Khurelsukh Ukhnaa") >= 0);
    dm_doc_free(doc);
}

static void same_family_name_different_given_names_stay_two(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Foreign Minister of Peru Ana Torres met with Trade Minister of Chile Luis Torres in "
                               "Lima.\nL. Torres praised the talks.\n",
                               "2024-03-13");
    int ana = person_named(doc, "Ana Torres"), luis = person_named(doc, "Luis Torres");
    assert_true(ana >= 0);
    assert_true(luis >= 0);
    assert_int_not_equal(ana, luis);
    /* "L. Torres" is Luis, not a third person and not Ana */
    assert_int_equal(people_with(doc, "Torres"), 2);
    assert_int_equal(doc->x->people[ana].role, R_FOREIGN_MINISTER);
    assert_int_equal(doc->x->people[luis].role, R_MINISTER);
    assert_int_equal(doc->x->people[ana].country, country("PER"));
    assert_int_equal(doc->x->people[luis].country, country("CHL"));
    dm_doc_free(doc);
}

static void name_string_spaces_glued_initials(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Prime Minister of Mongolia Kh.Battulga received the Ambassador of Korea Park Jisoo "
                               "in Ulaanbaatar.\n",
                               "2024-03-13");
    assert_true(person_named(doc, "Kh. Battulga") >= 0);
    assert_int_equal(person_named(doc, "Kh.Battulga"), -1);
    /* straight from the tokens */
    size_t a = test_token_at(doc, "Kh.Battulga", 1);
    assert_string_equal(dm_name_string(doc, a, a + 3), "Kh. Battulga");
    size_t b = test_token_at(doc, "Park", 1);
    assert_string_equal(dm_name_string(doc, b, b + 2), "Park Jisoo");
    dm_doc_free(doc);
    /* a hyphenated given name keeps its hyphen glued */
    doc = test_segment("Kassym-Jomart Tokayev spoke.\n", NULL);
    size_t k = test_token_at(doc, "Kassym", 1);
    assert_string_equal(dm_name_string(doc, k, k + 4), "Kassym-Jomart Tokayev");
    dm_doc_free(doc);
}

/* A common word as a surname, last ("Lena Park", "John Church") or first ("Park Jin"); a
 * place with such a word stays a place ("Central Park"). */
static void common_word_surnames(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Foreign Minister Lena Park met Ambassador John Church and Foreign Minister Park Jin "
                               "near Central Park in Accra.\n",
                               "2024-03-13");
    assert_true(person_named(doc, "Lena Park") >= 0);
    assert_true(person_named(doc, "John Church") >= 0);
    assert_true(person_named(doc, "Park Jin") >= 0);
    assert_int_equal(person_named(doc, "Lena"), -1);
    assert_int_equal(person_named(doc, "Central Park"), -1);
    dm_doc_free(doc);
}

static void fullest_title_is_kept(void **state) {
    (void)state;
    /* the long title after a short one */
    dm_doc *doc = test_extract("Minister Aigerim Bekova of Kazakhstan arrived in Rome on Monday.\nKazakh Deputy Prime "
                               "Minister and Foreign Minister Aigerim Bekova met with Italian Foreign Minister "
                               "Paolo Verdi.\n",
                               "2024-03-13");
    int p = person_named(doc, "Aigerim Bekova");
    assert_true(p >= 0);
    assert_int_equal(people_with(doc, "Bekova"), 1);
    assert_non_null(doc->x->people[p].title);
    assert_non_null(strstr(doc->x->people[p].title, "Deputy Prime Minister and Foreign Minister"));
    assert_int_equal(doc->x->people[p].role, R_FOREIGN_MINISTER);
    dm_doc_free(doc);
    /* the long title first, a short one after: the long one stays */
    doc = test_extract("Kazakh Deputy Prime Minister and Foreign Minister Aigerim Bekova met with Italian Foreign "
                       "Minister Paolo Verdi in Rome.\nLater, Minister Bekova visited a museum.\n",
                       "2024-03-13");
    p = person_named(doc, "Aigerim Bekova");
    assert_true(p >= 0);
    assert_int_equal(people_with(doc, "Bekova"), 1);
    assert_non_null(doc->x->people[p].title);
    assert_non_null(strstr(doc->x->people[p].title, "Deputy Prime Minister and Foreign Minister"));
    assert_int_equal(doc->x->people[p].role, R_FOREIGN_MINISTER);
    dm_doc_free(doc);
}

static void find_title_by_role_and_country(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Mongolia Khurelsukh Ukhnaa received the Ambassador of Japan Kenji Mori "
                               "and Foreign Minister of Japan Emi Sato in Ulaanbaatar.\n",
                               "2024-03-13");
    int mori = person_named(doc, "Kenji Mori"), sato = person_named(doc, "Emi Sato"),
        kh = person_named(doc, "Khurelsukh Ukhnaa");
    assert_true(mori >= 0 && sato >= 0 && kh >= 0);
    int jpn = country("JPN"), mng = country("MNG");
    assert_int_equal(dm_people_find_title(doc, 0, R_AMBASSADOR, jpn, -1, -1), mori);
    assert_int_equal(dm_people_find_title(doc, 0, R_FOREIGN_MINISTER, jpn, -1, -1), sato);
    assert_int_equal(dm_people_find_title(doc, 0, R_HEAD_OF_STATE, mng, -1, -1), kh);
    assert_int_equal(dm_people_find_title(doc, 0, R_HEAD_OF_STATE, -1, -1, -1), kh);
    /* "the Minister" may be a foreign minister */
    assert_int_equal(dm_people_find_title(doc, 0, R_MINISTER, jpn, -1, -1), sato);
    /* nobody holds these */
    assert_int_equal(dm_people_find_title(doc, 0, R_AMBASSADOR, mng, -1, -1), -1);
    assert_int_equal(dm_people_find_title(doc, 0, R_HEAD_OF_GOVERNMENT, -1, -1, -1), -1);
    /* any role of a state: the latest mentioned of Japan's */
    assert_int_equal(dm_people_find_title(doc, 0, -1, jpn, -1, -1), sato);
    /* preferring a state: Mongolia's person over the later Japanese ones */
    assert_int_equal(dm_people_find_title(doc, 0, -1, -1, -1, mng), kh);
    dm_doc_free(doc);
}

static void find_by_word_and_name(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Mongolia Khurelsukh Ukhnaa received the Ambassador of Japan Kenji Mori "
                               "in Ulaanbaatar.\n",
                               "2024-03-13");
    int mori = person_named(doc, "Kenji Mori");
    assert_true(mori >= 0);
    assert_int_equal(dm_people_find_word(doc, 0, "mori"), mori);
    assert_int_equal(dm_people_find_word(doc, 0, "tanaka"), -1);
    dm_doc_free(doc);
}

/* dm_people_add directly, on a segmented document. */
static void add_merges_forms_of_one_name(void **state) {
    (void)state;
    dm_doc *doc = test_segment("Gulnara Sadykova. Sadykova. G. Sadykova. Timur Sadykov. T.Sadykova.\n", NULL);
    doc->x = dm_arena_alloc(&doc->arena, sizeof *doc->x);
    size_t full = test_token_at(doc, "Gulnara", 1), sur = test_token_at(doc, "Sadykova. G", 1), ini = test_token_at(doc, "G. Sadykova", 1),
           other = test_token_at(doc, "Timur", 1), wrong = test_token_at(doc, "T.Sadykova", 1);
    int kaz = country("KAZ");
    int a = dm_people_add(doc, 0, full, full + 2, "Minister", 1, R_MINISTER, kaz, -1);
    int b = dm_people_add(doc, 0, sur, sur + 1, NULL, 0, 0, -1, -1);
    int c = dm_people_add(doc, 0, ini, ini + 3, NULL, 0, 0, -1, -1);
    assert_int_equal(b, a);
    assert_int_equal(c, a);
    assert_string_equal(doc->x->people[a].name, "Gulnara Sadykova");
    assert_int_equal(doc->x->people[a].role, R_MINISTER);
    assert_int_equal(doc->x->people[a].country, kaz);
    /* another family name */
    int d = dm_people_add(doc, 0, other, other + 2, NULL, 0, 0, -1, -1);
    assert_int_not_equal(d, a);
    /* an initial that fits nobody's given name is someone else */
    int e = dm_people_add(doc, 0, wrong, wrong + 3, NULL, 0, 0, -1, -1);
    assert_int_not_equal(e, a);
    assert_string_equal(doc->x->people[e].name, "T. Sadykova");
    assert_int_equal(doc->x->npeople, 3);
    dm_doc_free(doc);
}

static void add_keeps_states_apart(void **state) {
    (void)state;
    /* the same surname of two states is two people */
    dm_doc *doc = test_segment("Lee. Lee.\n", NULL);
    doc->x = dm_arena_alloc(&doc->arena, sizeof *doc->x);
    int a = dm_people_add(doc, 0, 0, 1, "Ambassador", 1, R_AMBASSADOR, country("KOR"), -1);
    int b = dm_people_add(doc, 0, 2, 3, "Minister", 1, R_MINISTER, country("SGP"), -1);
    assert_int_not_equal(a, b);
    /* an anonymous office holder is never merged with a named one */
    int c = dm_people_add_anonymous(doc, 0, "the President of Korea", R_HEAD_OF_STATE, country("KOR"), -1);
    assert_int_not_equal(c, a);
    assert_int_equal(dm_people_add_anonymous(doc, 0, "the President of Korea", R_HEAD_OF_STATE, country("KOR"), -1), c);
    assert_true(doc->x->people[c].anonymous);
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(surname_and_initial_are_the_same_person),
        cmocka_unit_test(initial_glued_and_full_name_merge_fuller_wins),
        cmocka_unit_test(same_family_name_different_given_names_stay_two),
        cmocka_unit_test(name_string_spaces_glued_initials),
        cmocka_unit_test(common_word_surnames),
        cmocka_unit_test(fullest_title_is_kept),
        cmocka_unit_test(find_title_by_role_and_country),
        cmocka_unit_test(find_by_word_and_name),
        cmocka_unit_test(add_merges_forms_of_one_name),
        cmocka_unit_test(add_keeps_states_apart),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("people", tests, test_group_setup, NULL);
}
