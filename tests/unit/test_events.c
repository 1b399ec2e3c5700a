/* Events from whole documents: meetings, visits, calls, gatherings and
 * signings, with their participants, status, dates, places, topics and
 * evidence. */
#include "helpers.h"

#define MAX_EV 32

/* The display key of participant k: a person's name, a state's or an organization's code. */
static const char *part_key(const dm_doc *doc, const dm_part *p) {
    switch (p->kind) {
    case P_PERSON: return doc->x->people[p->id].name;
    case P_COUNTRY: return code_of(p->id);
    default: return test_ctx()->orgs[p->id].code;
    }
}

/* Does the event have a participant whose key contains needle? */
static int has_part(const dm_doc *doc, const dm_event *e, const char *needle) {
    for (int k = 0; k < e->nparts; k++) {
        const char *key = part_key(doc, &e->parts[k]);
        if (key && strstr(key, needle)) return 1;
    }
    return 0;
}

/* The person of the event whose name contains needle. */
static const dm_person *part_person(const dm_doc *doc, const dm_event *e, const char *needle) {
    for (int k = 0; k < e->nparts; k++)
        if (e->parts[k].kind == P_PERSON && strstr(doc->x->people[e->parts[k].id].name, needle))
            return &doc->x->people[e->parts[k].id];
    fail_msg("no participant \"%s\"", needle);
    return NULL;
}

static const char *date_str(dm_date d) {
    static char buf[4][16];
    static int k;
    k = (k + 1) % 4;
    dm_date_format(d, buf[k]);
    return buf[k];
}

/* The event's country (ISO code) and city, "-" when unknown. */
static const char *place_country(const dm_event *e) {
    if (e->country >= 0) return code_of(e->country);
    if (e->city >= 0) return code_of(test_ctx()->cities[e->city].country);
    return "-";
}
static const char *place_city(const dm_event *e) { return e->city >= 0 ? test_ctx()->cities[e->city].name : "-"; }

/* Live events of one kind, in order. */
static size_t events_of(const dm_doc *doc, int kind, const dm_event **out, size_t max) {
    const dm_event *all[MAX_EV];
    size_t n = live_events(doc, all, MAX_EV), m = 0;
    for (size_t k = 0; k < n && m < max; k++)
        if (all[k]->kind == kind) out[m++] = all[k];
    return m;
}

/* The only live event of a document; fails unless there is exactly one. */
static const dm_event *only_event(const dm_doc *doc) {
    const dm_event *ev[MAX_EV];
    size_t n = live_events(doc, ev, MAX_EV);
    if (n != 1) fail_msg("%zu events, expected 1:\n%s", n, dm_doc_json((dm_doc *)doc, NULL));
    return ev[0];
}

static int topic_bit(const char *name) {
    int t = dm_topic_of(name);
    assert_true(t >= 0);
    return t;
}
static int has_topic(const dm_event *e, const char *name) { return (e->topics >> topic_bit(name)) & 1u; }

/* Is the span exactly the sentence that starts with the given text? */
static void assert_span_is_sentence(const dm_doc *doc, dm_span sp, const char *sentence) {
    const char *p = strstr(doc->text, sentence);
    assert_non_null(p);
    assert_int_equal(sp.start, (uint32_t)(p - doc->text));
    assert_int_equal(sp.end, sp.start + strlen(sentence));
}

/* ---- meetings ---- */

static void met_with(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto in "
                               "Santiago on Monday.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_int_equal(e->nparts, 2);
    const dm_person *a = part_person(doc, e, "Abenov"), *b = part_person(doc, e, "Pinto");
    assert_string_equal(a->name, "Daulet Abenov");
    assert_string_equal(code_of(a->country), "KAZ");
    assert_int_equal(a->role, R_FOREIGN_MINISTER);
    assert_string_equal(code_of(b->country), "CHL");
    assert_string_equal(place_city(e), "Santiago");
    assert_string_equal(place_country(e), "CHL");
    /* Monday before Wednesday 13 March 2024 */
    assert_string_equal(date_str(e->date.from), "2024-03-11");
    assert_int_equal(e->date.to.y, 0);
    dm_doc_free(doc);
}

static void held_talks(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Uzbekistan Timur Rashidov and President of Turkmenistan Myrat Annayev "
                               "held talks in Ashgabat.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_true(has_part(doc, e, "Timur Rashidov"));
    assert_true(has_part(doc, e, "Myrat Annayev"));
    assert_int_equal(e->nparts, 2);
    assert_string_equal(place_city(e), "Ashgabat");
    assert_string_equal(place_country(e), "TKM");
    /* no date in the sentence: the story's own */
    assert_string_equal(date_str(e->date.from), "2024-03-13");
    dm_doc_free(doc);
}

static void received_is_hosted_in_the_hosts_state(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali received Foreign Minister of Chile Rosa Pinto.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_true(has_part(doc, e, "Seitkali"));
    assert_true(has_part(doc, e, "Pinto"));
    assert_string_equal(dm_event_cameo(doc, e), "043");
    assert_string_equal(place_country(e), "KAZ");
    dm_doc_free(doc);
    /* hosted, with the city named */
    doc = test_extract("Prime Minister of Japan Kenji Arai hosted President of Kenya Samuel Kiprop in Tokyo.\n",
                       "2024-03-13");
    e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_string_equal(dm_event_cameo(doc, e), "043");
    assert_string_equal(place_city(e), "Tokyo");
    assert_string_equal(place_country(e), "JPN");
    dm_doc_free(doc);
}

static void was_received_by(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Foreign Minister of Chile Rosa Pinto was received by President of Kazakhstan Arman "
                               "Seitkali.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_true(has_part(doc, e, "Pinto"));
    assert_true(has_part(doc, e, "Seitkali"));
    /* the one who receives hosts */
    assert_string_equal(dm_event_cameo(doc, e), "043");
    assert_string_equal(place_country(e), "KAZ");
    dm_doc_free(doc);
}

static void discussed_with(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov discussed with Ambassador of Chile Rosa Pinto "
                               "the prospects of cooperation in mining.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_true(has_part(doc, e, "Abenov"));
    assert_int_equal(part_person(doc, e, "Pinto")->role, R_AMBASSADOR);
    dm_doc_free(doc);
}

static void will_meet_with_a_list_gives_one_planned_meeting_each(void **state) {
    (void)state;
    dm_doc *doc = test_extract("During the visit, Kazakh Foreign Minister Daulet Abenov will meet with President of "
                               "Chile Carlos Mendez, Prime Minister of Peru Jorge Salas and Foreign Minister of "
                               "Argentina Lucia Ortiz.\n",
                               "2024-03-13");
    const dm_event *ev[MAX_EV];
    size_t n = events_of(doc, EV_MEETING, ev, MAX_EV);
    assert_int_equal(n, 3);
    static const char *const other[] = {"Carlos Mendez", "Jorge Salas", "Lucia Ortiz"};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(ev[k]->status, ST_PLANNED);
        assert_int_equal(ev[k]->nparts, 2);
        assert_true(has_part(doc, ev[k], "Abenov"));
        assert_true(has_part(doc, ev[k], other[k]));
        assert_string_equal(dm_event_cameo(doc, ev[k]), "036");
    }
    assert_int_equal(part_person(doc, ev[1], "Salas")->role, R_HEAD_OF_GOVERNMENT);
    dm_doc_free(doc);
}

static void will_meet_tomorrow_is_planned_for_the_next_day(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali will meet with President of Chile Carlos Mendez "
                               "in Astana tomorrow.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->status, ST_PLANNED);
    assert_string_equal(date_str(e->date.from), "2024-03-14");
    assert_string_equal(place_city(e), "Astana");
    dm_doc_free(doc);
}

/* ---- visits ---- */

static void paid_an_official_visit(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov paid an official visit to Chile on 11-12 March.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_VISIT);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_int_equal(e->nparts, 1);
    assert_true(has_part(doc, e, "Daulet Abenov"));
    assert_string_equal(place_country(e), "CHL");
    assert_string_equal(dm_event_cameo(doc, e), "042");
    assert_string_equal(date_str(e->date.from), "2024-03-11");
    assert_string_equal(date_str(e->date.to), "2024-03-12");
    dm_doc_free(doc);
}

static void arrived_on_an_official_visit(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kenya Samuel Kiprop arrived in Tokyo on an official visit on Tuesday.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_VISIT);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_true(has_part(doc, e, "Kiprop"));
    assert_string_equal(place_city(e), "Tokyo");
    assert_string_equal(place_country(e), "JPN");
    assert_string_equal(date_str(e->date.from), "2024-03-12");
    dm_doc_free(doc);
}

static void will_visit_a_list_gives_one_planned_visit_each(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Next week Kazakh Foreign Minister Daulet Abenov will visit Chile, Peru and "
                               "Argentina.\n",
                               "2024-03-13");
    const dm_event *ev[MAX_EV];
    size_t n = events_of(doc, EV_VISIT, ev, MAX_EV);
    assert_int_equal(n, 3);
    static const char *const dest[] = {"CHL", "PER", "ARG"};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(ev[k]->status, ST_PLANNED);
        assert_int_equal(ev[k]->nparts, 1);
        assert_true(has_part(doc, ev[k], "Abenov"));
        assert_string_equal(place_country(ev[k]), dest[k]);
        /* next week: Monday 18 to Sunday 24 March */
        assert_string_equal(date_str(ev[k]->date.from), "2024-03-18");
        assert_string_equal(date_str(ev[k]->date.to), "2024-03-24");
    }
    dm_doc_free(doc);
}

static void accepted_invitation_is_a_planned_visit_of_the_invited(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali invited President of Chile Carlos Mendez to pay "
                               "a state visit to Kazakhstan, which was accepted.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_VISIT);
    assert_int_equal(e->status, ST_PLANNED);
    assert_int_equal(e->nparts, 1);
    assert_true(has_part(doc, e, "Carlos Mendez"));
    assert_false(has_part(doc, e, "Seitkali"));
    assert_string_equal(place_country(e), "KAZ");
    /* an announced visit has no date unless one is given */
    assert_int_equal(e->date.from.y, 0);
    dm_doc_free(doc);
}

static void planned_state_visit_in_a_month(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Uzbek President Timur Rashidov will pay a state visit to Kazakhstan in May.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_VISIT);
    assert_int_equal(e->status, ST_PLANNED);
    assert_string_equal(place_country(e), "KAZ");
    assert_string_equal(date_str(e->date.from), "2024-05");
    dm_doc_free(doc);
}

/* ---- calls ---- */

static void phone_conversation(void **state) {
    (void)state;
    dm_doc *doc = test_extract("President of Kazakhstan Arman Seitkali had a phone conversation with President of "
                               "Chile Carlos Mendez.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_CALL);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_int_equal(e->nparts, 2);
    assert_true(has_part(doc, e, "Seitkali"));
    assert_true(has_part(doc, e, "Mendez"));
    dm_doc_free(doc);
    /* spoke by phone: a call, not a meeting */
    doc = test_extract("President of Kazakhstan Arman Seitkali spoke by phone with President of Chile Carlos Mendez "
                       "on Monday.\n",
                       "2024-03-13");
    e = only_event(doc);
    assert_int_equal(e->kind, EV_CALL);
    assert_string_equal(date_str(e->date.from), "2024-03-11");
    dm_doc_free(doc);
}

/* ---- gatherings ---- */

static void summit_to_be_held(void **state) {
    (void)state;
    dm_doc *doc = test_extract("The next SCO summit is to be held in Astana on 3-4 July 2024.\n", "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MULTILATERAL);
    assert_int_equal(e->status, ST_PLANNED);
    assert_true(e->org >= 0);
    assert_string_equal(test_ctx()->orgs[e->org].code, "SCO");
    assert_string_equal(place_city(e), "Astana");
    assert_string_equal(place_country(e), "KAZ");
    assert_string_equal(date_str(e->date.from), "2024-07-03");
    assert_string_equal(date_str(e->date.to), "2024-07-04");
    dm_doc_free(doc);
}

static void council_meeting_held(void **state) {
    (void)state;
    dm_doc *doc = test_extract("The meeting of the Council of Foreign Ministers of the OTS was held in Astana on 3 "
                               "November 2023.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MULTILATERAL);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_string_equal(test_ctx()->orgs[e->org].code, "OTS");
    assert_string_equal(date_str(e->date.from), "2023-11-03");
    assert_string_equal(place_city(e), "Astana");
    dm_doc_free(doc);
}

/* ---- signings ---- */

static void signed_agreement_between_two_states(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Following the talks, Kazakhstan and Chile signed an Agreement on Visa Exemption for "
                               "Holders of Diplomatic Passports.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_AGREEMENT);
    assert_int_equal(e->status, ST_OCCURRED);
    assert_int_equal(e->nparts, 2);
    assert_int_equal(e->parts[0].kind, P_COUNTRY);
    assert_int_equal(e->parts[1].kind, P_COUNTRY);
    assert_true(has_part(doc, e, "KAZ"));
    assert_true(has_part(doc, e, "CHL"));
    assert_non_null(e->title);
    assert_string_equal(e->title, "Agreement on Visa Exemption for Holders of Diplomatic Passports");
    assert_string_equal(dm_event_cameo(doc, e), "057");
    dm_doc_free(doc);
}

static void signed_by_ministers_has_signatories(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Kazakh Foreign Minister Daulet Abenov and Chilean Foreign Minister Rosa Pinto signed a "
                               "Joint Statement on Strategic Partnership.\n",
                               "2024-03-13");
    const dm_event *ev[MAX_EV];
    assert_int_equal(events_of(doc, EV_AGREEMENT, ev, MAX_EV), 1);
    const dm_event *e = ev[0];
    assert_true(has_part(doc, e, "KAZ"));
    assert_true(has_part(doc, e, "CHL"));
    assert_string_equal(e->title, "Joint Statement on Strategic Partnership");
    assert_int_equal(e->nsignatories, 2);
    dm_doc_free(doc);
}

static void will_be_signed_is_planned(void **state) {
    (void)state;
    dm_doc *doc = test_extract("A Memorandum on Cooperation in Tourism between Kazakhstan and Chile will be signed in "
                               "April.\n",
                               "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_AGREEMENT);
    assert_int_equal(e->status, ST_PLANNED);
    assert_true(has_part(doc, e, "KAZ"));
    assert_true(has_part(doc, e, "CHL"));
    assert_non_null(e->title);
    assert_non_null(strstr(e->title, "Memorandum on Cooperation in Tourism"));
    assert_string_equal(date_str(e->date.from), "2024-04");
    dm_doc_free(doc);
}

/* ---- a story's sentences together ---- */

static void same_meeting_told_twice_is_one_event(void **state) {
    (void)state;
    const char *s1 = "Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto in "
                     "Santiago on Monday.";
    const char *s3 = "Abenov also held talks with Pinto at the ministry.";
    char text[512];
    snprintf(text, sizeof text, "%s\nSantiago was the first stop of his tour of the region.\n%s\n", s1, s3);
    dm_doc *doc = test_extract(text, "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_int_equal(e->kind, EV_MEETING);
    assert_int_equal(e->nparts, 2);
    assert_int_equal(e->nevidence, 2);
    assert_span_is_sentence(doc, e->evidence[0], s1);
    assert_span_is_sentence(doc, e->evidence[1], s3);
    assert_string_equal(date_str(e->date.from), "2024-03-11");
    dm_doc_free(doc);
}

static void topics_from_the_following_sentence(void **state) {
    (void)state;
    const char *s2 = "The sides discussed trade, renewable energy and cooperation in education.";
    char text[512];
    snprintf(text, sizeof text,
             "Kazakh Foreign Minister Daulet Abenov held talks with Chilean Foreign Minister Rosa Pinto in "
             "Santiago.\n%s\n",
             s2);
    dm_doc *doc = test_extract(text, "2024-03-13");
    const dm_event *e = only_event(doc);
    assert_true(has_topic(e, "trade"));
    assert_true(has_topic(e, "energy"));
    assert_true(has_topic(e, "education"));
    assert_false(has_topic(e, "security"));
    assert_false(has_topic(e, "health"));
    /* the sentence that gave them is evidence too */
    assert_int_equal(e->nevidence, 2);
    assert_span_is_sentence(doc, e->evidence[1], s2);
    dm_doc_free(doc);
}

static void relative_dates_resolve_against_each_storys_date(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Abenov meets Pinto in Santiago\n\n12.03.2024, 10:15 1234\n"
                               "Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto in "
                               "Santiago on Monday.\n\n"
                               "Seitkali receives Mendez\n\n05.02.2024, 11:00 987\n"
                               "President of Kazakhstan Arman Seitkali received President of Chile Carlos Mendez on "
                               "Friday.\n",
                               NULL);
    const dm_event *ev[MAX_EV];
    size_t n = events_of(doc, EV_MEETING, ev, MAX_EV);
    assert_int_equal(n, 2);
    assert_true(has_part(doc, ev[0], "Abenov"));
    /* Tuesday 12 March 2024 -> Monday the 11th */
    assert_string_equal(date_str(ev[0]->date.from), "2024-03-11");
    assert_true(has_part(doc, ev[1], "Seitkali"));
    /* Monday 5 February 2024 -> Friday the 2nd, not a Friday near the first story's date */
    assert_string_equal(date_str(ev[1]->date.from), "2024-02-02");
    dm_doc_free(doc);
    doc = test_extract("Kazakh Foreign Minister Daulet Abenov met with Chilean Foreign Minister Rosa Pinto in "
                       "Santiago yesterday.\n",
                       "2024-03-01");
    assert_string_equal(date_str(only_event(doc)->date.from), "2024-02-29");
    dm_doc_free(doc);
}

static void evidence_spans_lie_inside_the_text(void **state) {
    (void)state;
    dm_doc *doc = test_extract(" date 2024-03-13 \nASTANA \xe2\x80\x93 President of Kazakhstan Arman Seitkali received "
                               "Foreign Minister of Chile Rosa Pinto.\r\nThe sides discussed trade and tourism.\r\n"
                               "Next week Pinto will visit Peru and Argentina.\r\n"
                               "Kazakhstan and Chile signed an Agreement on Air Services.\r\n",
                               NULL);
    const dm_event *ev[MAX_EV];
    size_t n = live_events(doc, ev, MAX_EV);
    assert_true(n >= 3);
    for (size_t k = 0; k < n; k++) {
        assert_true(ev[k]->nevidence >= 1);
        for (int j = 0; j < ev[k]->nevidence; j++) {
            dm_span sp = ev[k]->evidence[j];
            assert_true(sp.start < sp.end);
            assert_true(sp.end <= doc->len);
            /* a span starts and ends on text, not on spaces or line breaks */
            assert_false(doc->text[sp.start] == ' ' || doc->text[sp.start] == '\n' || doc->text[sp.start] == '\r');
            assert_false(doc->text[sp.end - 1] == ' ' || doc->text[sp.end - 1] == '\n' ||
                         doc->text[sp.end - 1] == '\r');
            /* and is the span of one of the document's sentences */
            int sentence = 0;
            for (size_t s = 0; s < doc->nsents; s++) {
                const dm_sent *se = &doc->sents[s];
                if (doc->toks.v[se->t0].start == sp.start && doc->toks.v[se->t1 - 1].end == sp.end) sentence = 1;
            }
            assert_true(sentence);
        }
    }
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(met_with),
        cmocka_unit_test(held_talks),
        cmocka_unit_test(received_is_hosted_in_the_hosts_state),
        cmocka_unit_test(was_received_by),
        cmocka_unit_test(discussed_with),
        cmocka_unit_test(will_meet_with_a_list_gives_one_planned_meeting_each),
        cmocka_unit_test(will_meet_tomorrow_is_planned_for_the_next_day),
        cmocka_unit_test(paid_an_official_visit),
        cmocka_unit_test(arrived_on_an_official_visit),
        cmocka_unit_test(will_visit_a_list_gives_one_planned_visit_each),
        cmocka_unit_test(accepted_invitation_is_a_planned_visit_of_the_invited),
        cmocka_unit_test(planned_state_visit_in_a_month),
        cmocka_unit_test(phone_conversation),
        cmocka_unit_test(summit_to_be_held),
        cmocka_unit_test(council_meeting_held),
        cmocka_unit_test(signed_agreement_between_two_states),
        cmocka_unit_test(signed_by_ministers_has_signatories),
        cmocka_unit_test(will_be_signed_is_planned),
        cmocka_unit_test(same_meeting_told_twice_is_one_event),
        cmocka_unit_test(topics_from_the_following_sentence),
        cmocka_unit_test(relative_dates_resolve_against_each_storys_date),
        cmocka_unit_test(evidence_spans_lie_inside_the_text),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("events", tests, test_group_setup, NULL);
}
