/* Mentions: titles with their roles and states, names after and before
 * titles, titles and pronouns that refer back, and states that are not
 * mentions ("US dollars"). Sentences go through dm_find_mentions one by one,
 * as the pipeline runs them. */
#include "helpers.h"

#define MAX_SENTS 32

typedef struct {
    dm_doc *doc;
    dm_mentions ms[MAX_SENTS];
} scanned;

/* Segments text and finds the mentions of every sentence in order; the
 * first person of a sentence becomes its subject, as in the pipeline. */
static scanned *scan_text(const char *text) {
    scanned *sc = calloc(1, sizeof *sc);
    assert_non_null(sc);
    sc->doc = test_segment(text, "2024-03-13");
    dm_doc *doc = sc->doc;
    assert_true(doc->nsents <= MAX_SENTS);
    doc->x = dm_arena_alloc(&doc->arena, sizeof *doc->x);
    dm_mention_state st = {.story = 0, .home_country = -1, .last_person = -1, .last_subject = -1, .main_actor = -1};
    for (size_t s = 0; s < doc->nsents; s++) {
        if (doc->sents[s].story != st.story) {
            st.story = doc->sents[s].story;
            st.last_person = st.last_subject = -1;
        }
        dm_find_mentions(test_ctx(), doc, s, &st, NULL, &sc->ms[s]);
        for (size_t k = 0; k < sc->ms[s].n; k++)
            if (sc->ms[s].v[k].kind == MK_PERSON) {
                st.last_subject = sc->ms[s].v[k].id;
                break;
            }
    }
    return sc;
}

static void scan_free(scanned *sc) {
    dm_doc_free(sc->doc);
    free(sc);
}

/* The token where the n-th (from 1) occurrence of needle starts. */

/* The mention of one of the kinds (bit per MK_*) covering the n-th needle's first token, or NULL. */
static const dm_mention *mention_nth(const scanned *sc, const char *needle, int nth, unsigned kinds) {
    size_t i = test_token_at(sc->doc, needle, nth);
    for (size_t s = 0; s < sc->doc->nsents; s++)
        for (size_t k = 0; k < sc->ms[s].n; k++) {
            const dm_mention *m = &sc->ms[s].v[k];
            if (m->t0 <= i && i < m->t1 && (kinds & (1u << m->kind))) return m;
        }
    return NULL;
}

#define PERSONS ((1u << MK_PERSON) | (1u << MK_PRONOUN))

/* The person the n-th needle refers to; fails when it refers to nobody. */
static const dm_person *person_nth(const scanned *sc, const char *needle, int nth) {
    const dm_mention *m = mention_nth(sc, needle, nth, PERSONS);
    if (!m) fail_msg("\"%s\" is no person mention", needle);
    return &sc->doc->x->people[m->id];
}
static const dm_person *person_at(const scanned *sc, const char *needle) { return person_nth(sc, needle, 1); }

/* The text a mention covers, in a static buffer. */
static const char *mention_text(const scanned *sc, const dm_mention *m) {
    static char buf[256];
    const dm_tokens *t = &sc->doc->toks;
    size_t a = t->v[m->t0].start, b = t->v[m->t1 - 1].end;
    size_t n = b - a < sizeof buf ? b - a : sizeof buf - 1;
    memcpy(buf, sc->doc->text + a, n);
    buf[n] = 0;
    return buf;
}

static const char *org_code(int org) { return org >= 0 ? test_ctx()->orgs[org].code : "-"; }

static void assert_person(const dm_person *p, const char *name, int role, const char *country) {
    assert_non_null(p->name);
    assert_string_equal(p->name, name);
    assert_string_equal(DM_ROLE_NAMES[p->role], DM_ROLE_NAMES[role]);
    assert_string_equal(code_of(p->country), country);
}

/* ---- compound titles ---- */

static void adjective_and_compound_title(void **state) {
    (void)state;
    scanned *sc = scan_text("Kazakh Deputy Prime Minister and Foreign Minister Daulet Abenov met with the guests.\n");
    const dm_mention *m = mention_nth(sc, "Kazakh", 1, PERSONS);
    assert_non_null(m);
    assert_string_equal(mention_text(sc, m), "Kazakh Deputy Prime Minister and Foreign Minister Daulet Abenov");
    const dm_person *p = &sc->doc->x->people[m->id];
    assert_person(p, "Daulet Abenov", R_FOREIGN_MINISTER, "KAZ");
    assert_non_null(p->title);
    assert_non_null(strstr(p->title, "Deputy Prime Minister and Foreign Minister"));
    /* the name holds no title words */
    assert_null(strstr(p->name, "Minister"));
    scan_free(sc);
}

static void dashed_compound_title_with_state_after(void **state) {
    (void)state;
    scanned *sc = scan_text("Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Daulet Abenov opened "
                            "the session.\n");
    const dm_person *p = person_at(sc, "Deputy Prime");
    assert_person(p, "Daulet Abenov", R_FOREIGN_MINISTER, "KAZ");
    assert_non_null(strstr(p->title, "Minister of Foreign Affairs of Kazakhstan"));
    scan_free(sc);
}

static void possessive_state_before_title(void **state) {
    (void)state;
    scanned *sc = scan_text("Japan's Foreign Minister Hiroko Tanabe arrived in Hanoi.\n");
    assert_person(person_at(sc, "Japan"), "Hiroko Tanabe", R_FOREIGN_MINISTER, "JPN");
    scan_free(sc);
}

static void external_affairs_minister_with_initial(void **state) {
    (void)state;
    scanned *sc = scan_text("Indian External Affairs Minister R. Venkatesh held talks in Muscat.\n");
    assert_person(person_at(sc, "Indian"), "R. Venkatesh", R_FOREIGN_MINISTER, "IND");
    scan_free(sc);
}

static void chairman_of_a_government_is_head_of_government(void **state) {
    (void)state;
    scanned *sc = scan_text("Chairman of the Russian Government Pavel Orlov chaired the meeting.\n");
    const dm_person *p = person_at(sc, "Chairman");
    assert_string_equal(p->name, "Pavel Orlov");
    assert_int_equal(p->role, R_HEAD_OF_GOVERNMENT);
    scan_free(sc);
}

static void chairman_of_a_parliament_chamber_is_legislator(void **state) {
    (void)state;
    scanned *sc = scan_text("Chairman of the National Council of the Federal Assembly of the Swiss Confederation "
                            "B. Keller welcomed the delegation.\n");
    assert_person(person_at(sc, "Chairman"), "B. Keller", R_LEGISLATOR, "CHE");
    scan_free(sc);
}

static void ambassador_belongs_to_the_sending_state(void **state) {
    (void)state;
    scanned *sc = scan_text("Ambassador of Switzerland to Kazakhstan Stefan Imhof presented his credentials.\n"
                            "Ambassador of Kazakhstan to Austria Dana Omarova attended too.\n");
    assert_person(person_at(sc, "Ambassador of Switzerland"), "Stefan Imhof", R_AMBASSADOR, "CHE");
    assert_person(person_at(sc, "Ambassador of Kazakhstan"), "Dana Omarova", R_AMBASSADOR, "KAZ");
    scan_free(sc);
}

static void apposition_names_an_organization_official(void **state) {
    (void)state;
    scanned *sc = scan_text("The annual conference began in Vienna.\n"
                            "Anna Lindqvist, the Secretary-General of the OSCE, opened the conference.\n");
    const dm_person *p = person_at(sc, "Anna");
    assert_string_equal(p->name, "Anna Lindqvist");
    assert_int_equal(p->role, R_ORG_OFFICIAL);
    assert_string_equal(org_code(p->org), "OSCE");
    /* the organization is a mention of its own too */
    const dm_mention *o = mention_nth(sc, "OSCE", 1, 1u << MK_ORG);
    assert_non_null(o);
    assert_string_equal(org_code(o->id), "OSCE");
    scan_free(sc);
}

static void organization_before_title(void **state) {
    (void)state;
    scanned *sc = scan_text("UN Secretary-General Carlos Ferreira addressed the forum.\n");
    const dm_person *p = person_at(sc, "UN");
    assert_string_equal(p->name, "Carlos Ferreira");
    assert_int_equal(p->role, R_ORG_OFFICIAL);
    assert_string_equal(org_code(p->org), "UN");
    scan_free(sc);
}

static void assistant_secretary_of_state_is_deputy_minister(void **state) {
    (void)state;
    scanned *sc = scan_text("U.S. Assistant Secretary of State Brian Hollis arrived in Dushanbe.\n");
    assert_person(person_at(sc, "U.S."), "Brian Hollis", R_DEPUTY_MINISTER, "USA");
    scan_free(sc);
}

static void portfolio_minister_with_state_after(void **state) {
    (void)state;
    scanned *sc = scan_text("Minister of Territorial Development and Infrastructure of Armenia Armen Hakobyan "
                            "toured the site.\n");
    const dm_person *p = person_at(sc, "Minister");
    assert_person(p, "Armen Hakobyan", R_MINISTER, "ARM");
    assert_null(strstr(p->name, "Infrastructure"));
    scan_free(sc);
}

static void state_after_the_name(void **state) {
    (void)state;
    scanned *sc = scan_text("President Samuel Kiprop of Kenya opened the summit.\n");
    const dm_person *p = person_at(sc, "President");
    assert_person(p, "Samuel Kiprop", R_HEAD_OF_STATE, "KEN");
    scan_free(sc);
}

static void emir_with_particles_in_the_name(void **state) {
    (void)state;
    scanned *sc = scan_text("Emir of Qatar Sheikh Hamad bin Khalid Al Nasser received the envoy.\n");
    const dm_person *p = person_at(sc, "Emir");
    assert_int_equal(p->role, R_HEAD_OF_STATE);
    assert_string_equal(code_of(p->country), "QAT");
    assert_non_null(strstr(p->name, "Hamad bin Khalid"));
    scan_free(sc);
}

static void counterpart_takes_state_and_rank(void **state) {
    (void)state;
    scanned *sc = scan_text("Georgian Economy Minister Levan Beridze met his Turkish counterpart Ahmet Yilmaz in "
                            "Batumi.\n");
    assert_person(person_at(sc, "Georgian"), "Levan Beridze", R_MINISTER, "GEO");
    const dm_person *p = person_at(sc, "Turkish counterpart");
    assert_string_equal(p->name, "Ahmet Yilmaz");
    assert_string_equal(code_of(p->country), "TUR");
    assert_int_equal(p->role, R_MINISTER);
    scan_free(sc);
}

static void list_of_titled_people(void **state) {
    (void)state;
    scanned *sc = scan_text("Uzbek Foreign Minister Bakhtiyor Saidov, Deputy Foreign Minister of Tajikistan Sodiq "
                            "Imomi and Kyrgyz Ambassador Aibek Moldokulov attended.\n");
    assert_person(person_at(sc, "Uzbek"), "Bakhtiyor Saidov", R_FOREIGN_MINISTER, "UZB");
    assert_person(person_at(sc, "Deputy Foreign"), "Sodiq Imomi", R_DEPUTY_MINISTER, "TJK");
    assert_person(person_at(sc, "Kyrgyz"), "Aibek Moldokulov", R_AMBASSADOR, "KGZ");
    assert_int_equal(sc->doc->x->npeople, 3);
    scan_free(sc);
}

/* ---- references back ---- */

static void title_alone_refers_to_the_person_named_earlier(void **state) {
    (void)state;
    scanned *sc = scan_text("President of Kazakhstan Arman Seitkali received Kazakh Foreign Minister Daulet Abenov "
                            "and Ambassador of Chile Rosa Pinto.\nThe President stressed the importance of trade. "
                            "The Kazakh Foreign Minister briefed the guests.\n");
    const dm_person *pres = person_at(sc, "President of Kazakhstan");
    const dm_person *fm = person_at(sc, "Kazakh Foreign");
    assert_string_equal(pres->name, "Arman Seitkali");
    assert_string_equal(fm->name, "Daulet Abenov");
    assert_ptr_equal(person_at(sc, "The President"), pres);
    assert_ptr_equal(person_at(sc, "The Kazakh Foreign"), fm);
    /* no new people came from the bare titles */
    assert_int_equal(sc->doc->x->npeople, 3);
    scan_free(sc);
}

static void surname_alone_refers_to_the_person_named_earlier(void **state) {
    (void)state;
    scanned *sc = scan_text("Ambassador of Chile Rosa Pinto met with Kazakh Foreign Minister Daulet Abenov.\n"
                            "Pinto thanked Abenov for the warm welcome.\n");
    assert_ptr_equal(person_nth(sc, "Pinto", 2), person_nth(sc, "Pinto", 1));
    assert_ptr_equal(person_nth(sc, "Abenov", 2), person_nth(sc, "Abenov", 1));
    assert_int_equal(sc->doc->x->npeople, 2);
    scan_free(sc);
}

static void pronoun_after_a_named_subject(void **state) {
    (void)state;
    scanned *sc = scan_text("Foreign Minister of Chile Rosa Pinto arrived in Astana on Monday.\n"
                            "She met with President of Kazakhstan Arman Seitkali.\n"
                            "He noted the growth of trade.\n");
    const dm_person *pinto = person_at(sc, "Foreign Minister of Chile");
    const dm_person *seitkali = person_at(sc, "President of Kazakhstan");
    assert_ptr_equal(person_at(sc, "She"), pinto);
    assert_ptr_equal(person_at(sc, "He "), seitkali);
    const dm_mention *m = mention_nth(sc, "She", 1, PERSONS);
    assert_int_equal(m->kind, MK_PRONOUN);
    scan_free(sc);
}

/* ---- states that are not mentions ---- */

static void us_dollars_is_not_the_united_states(void **state) {
    (void)state;
    scanned *sc = scan_text("Trade reached 53 million US dollars last year.\n"
                            "The US and Canada issued a statement.\n");
    int usa = dm_country_by_code(test_ctx(), "USA");
    /* the currency is no state */
    assert_null(mention_nth(sc, "US dollars", 1, (1u << MK_COUNTRY) | (1u << MK_CADJ)));
    /* while the state is */
    const dm_mention *m = mention_nth(sc, "US and", 1, 1u << MK_COUNTRY);
    assert_non_null(m);
    assert_int_equal(m->id, usa);
    scan_free(sc);
}

static void states_cities_and_adjectives(void **state) {
    (void)state;
    scanned *sc = scan_text("Talks between Kazakhstan and Japan were held in Astana with Italian experts.\n");
    const dm_mention *k = mention_nth(sc, "Kazakhstan", 1, 1u << MK_COUNTRY);
    const dm_mention *j = mention_nth(sc, "Japan", 1, 1u << MK_COUNTRY);
    const dm_mention *a = mention_nth(sc, "Astana", 1, 1u << MK_CITY);
    const dm_mention *i = mention_nth(sc, "Italian", 1, 1u << MK_CADJ);
    assert_non_null(k);
    assert_non_null(j);
    assert_non_null(a);
    assert_non_null(i);
    assert_string_equal(code_of(k->id), "KAZ");
    assert_string_equal(code_of(j->id), "JPN");
    assert_string_equal(code_of(i->id), "ITA");
    assert_string_equal(test_ctx()->cities[a->id].name, "Astana");
    assert_string_equal(code_of(test_ctx()->cities[a->id].country), "KAZ");
    /* no people here */
    assert_int_equal(sc->doc->x->npeople, 0);
    scan_free(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(adjective_and_compound_title),
        cmocka_unit_test(dashed_compound_title_with_state_after),
        cmocka_unit_test(possessive_state_before_title),
        cmocka_unit_test(external_affairs_minister_with_initial),
        cmocka_unit_test(chairman_of_a_government_is_head_of_government),
        cmocka_unit_test(chairman_of_a_parliament_chamber_is_legislator),
        cmocka_unit_test(ambassador_belongs_to_the_sending_state),
        cmocka_unit_test(apposition_names_an_organization_official),
        cmocka_unit_test(organization_before_title),
        cmocka_unit_test(assistant_secretary_of_state_is_deputy_minister),
        cmocka_unit_test(portfolio_minister_with_state_after),
        cmocka_unit_test(state_after_the_name),
        cmocka_unit_test(emir_with_particles_in_the_name),
        cmocka_unit_test(counterpart_takes_state_and_rank),
        cmocka_unit_test(list_of_titled_people),
        cmocka_unit_test(title_alone_refers_to_the_person_named_earlier),
        cmocka_unit_test(surname_alone_refers_to_the_person_named_earlier),
        cmocka_unit_test(pronoun_after_a_named_subject),
        cmocka_unit_test(us_dollars_is_not_the_united_states),
        cmocka_unit_test(states_cities_and_adjectives),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("mentions", tests, test_group_setup, NULL);
}
