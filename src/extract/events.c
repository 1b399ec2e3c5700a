#include "../core/words.h"
#include "events.h"
#include "../text/tokens.h"
#include "../text/wordclass.h"
#include "dates.h"
#include "people.h"
#include <string.h>

/* ---- small helpers ---- */

typedef struct {
    const dm_ctx *ctx;
    dm_doc *doc;
    const dm_tokens *t;
    size_t s, t0, t1;
    const dm_mentions *ms;
    dm_story_ctx *sc;
    const dm_mention **at; /* each token's mention (index_mentions), or NULL: scan */
    struct date_list *dates; /* [2], by date_near's `future`: the sentence's dates, once parsed */
} sent_ctx;

DM_HOT_INLINE const char *FW(const sent_ctx *c, size_t i) { return i >= c->t0 && i < c->t1 ? dm_tok_fold(c->t, i) : DM_NO_WORD; }
DM_HOT_INLINE int is(const sent_ctx *c, size_t i, const char *w) { return dm_eq(FW(c, i), w); }
/* The word class bits of token i (text/wordclass.h); 0 outside the sentence and for punctuation and figures. */
DM_HOT_INLINE uint32_t WCB(const sent_ctx *c, size_t i) { return i >= c->t0 && i < c->t1 ? c->t->v[i].wc : 0; }
static int is_comma(const sent_ctx *c, size_t i) { return is(c, i, ",") || is(c, i, ";"); }

/* The mention covering token i: one starting there first, else the narrowest. */
static int better_at(const dm_mention *m, const dm_mention *best, size_t i) {
    return !best || (m->t0 == i && best->t0 != i) ||
           ((m->t0 == i) == (best->t0 == i) && m->t1 - m->t0 < best->t1 - best->t0);
}

static const dm_mention *mention_at(const sent_ctx *c, size_t i) {
    if (c->at) return i >= c->t0 && i < c->t1 ? c->at[i - c->t0] : NULL;
    const dm_mention *best = NULL;
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->t0 <= i && i < m->t1 && better_at(m, best, i)) best = m;
    }
    return best;
}

/* Fills at[] (one slot a token of the sentence) with each token's mention as mention_at
 * chooses it, so the many lookups of a sentence do not scan all its mentions. */
static void index_mentions(sent_ctx *c, const dm_mention **at) {
    for (size_t i = c->t0; i < c->t1; i++) at[i - c->t0] = NULL;
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        for (size_t i = m->t0; i < m->t1; i++)
            if (i >= c->t0 && i < c->t1 && better_at(m, at[i - c->t0], i)) at[i - c->t0] = m;
    }
    c->at = at;
}

static dm_extraction *X(const sent_ctx *c) { return c->doc->x; }
static dm_person *person(const sent_ctx *c, int p) { return &X(c)->people[p]; }

/* ---- triggers ---- */

enum { TR_VERB = 1, TR_NOUN = 2 };

typedef struct {
    size_t at;    /* token of the trigger word */
    size_t end;   /* first token after the trigger phrase */
    uint8_t kind; /* EV_* */
    uint8_t form; /* TR_VERB / TR_NOUN */
    uint8_t received; /* received/hosted: the subject hosts */
    uint8_t call_on;  /* "call on X": a visit of respect to X */
    uint8_t passive;  /* "was received by" */
    uint8_t typed;    /* a visit said to be state/official/working */
    uint8_t plural;
    uint8_t by_phone; /* "... by phone", "over the phone": the clause before says who */
    uint8_t taken;    /* "take him to X": the one taken, right after the verb, visits */
} trigger;

static const char *const MEET_VERBS[] = {"met", "meet", "meets", "meeting", "received", "receives", "receive",
                                         "receiving", "hosted", "hosts", "host", "hosting", "welcomed", "welcomes",
                                         NULL};
static const char *const MEET_NOUNS[] = {"talks", "meeting", "meetings", "negotiations", "discussions",
                                         "consultations", "consultation", "conversation", "ceremony", "audience",
                                         "dialogue", NULL};
static const char *const MULTI_NOUNS[] = {"summit", "session", "conference", "forum", "congress", "ministerial",
                                          "council", "retreat", NULL};
static const char *const VISIT_WORDS[] = {"visit", "visits", "visited", "visiting", "trip", "travel", "travels",
                                          "travelled", "traveled", "travelling", "traveling", "tour", "leave",
                                          "leaves", "left", "depart", "departs", "departed", "heads", "headed",
                                          "heading", "head", "fly", "flies", "flew", "flying",
                                          /* the next leg of a trip: only with a place after "to" (find_triggers) */
                                          "continue", "continues", "continued", "proceed", "proceeds", "proceeded",
                                          NULL};
static const char *const SIGN_WORDS[] = {"signed", "sign", "signing", "inked", NULL};
static const char *const DOC_NOUNS[] = {"statement", "declaration", "communique", "communiqué", "agreement",
                                        "agreements", "memorandum", "treaty", "plan", "program", "programme",
                                        "roadmap", "protocol", "documents", "document", "accord", "memorandums",
                                        "memoranda", "mou", "mous", "moc", "mocs", "pact", "pacts", "accords",
                                        "treaties", "protocols", NULL};

static const char *const OTHER_TRIGGERS[] = {
    "phone", "telephone", "spoke", "spoken", "talked", "speak", "speaks", "telephoned", "phoned", "video", "videoconference",
    "discussed", "discusses", "conferred", "arrived", "arrives", "arrive", "adopted", "announced", "concluded",
    "courtesy", "call", "calls", "called", "calling", "gathered", "convened", "assembled", "exchange", "exchanged",
    "exchanging", "expected", "due", "take", "takes", "took", "taking", NULL};

static const char *const FUTURE_BEFORE[] = {"will", "would", "shall", "'ll", "plans", "planned", "plan",
                                            "scheduled", "expected", "upcoming", "forthcoming", "next", "future",
                                            "invitation", "invited", "invite", "intends", "intend", "preparation",
                                            "preparations", "prepare", "preparing", "arrange", "proposed",
                                            "suggested", "propose", "agreed", "soon", "coming", NULL};

/* The words at which continue_focus looks for "took place", "was held", "headed by", "attended by". */
static const char *const FOCUS_VERBS[] = {"took", "was", "being", "came", "headed", "led", "hosted", "chaired",
                                          "one", "side", "delegation", "attended", "participated", "attendance",
                                          "joined", NULL};

/* Words before a trigger that make it a mere reference ("thanked him for his participation in the Congress"). */
static const char *const NOT_AN_EVENT_BEFORE[] = {
    "thanked", "participation", "about", "outcomes", "results", "importance", "uniqueness", "commended",
    "initiative", "declaration", "decisions", "proposals", "since", "previous",
    "ideas", NULL};

static const char *const ASIDE_WORDS[] = {"margins", "sidelines", "margin", "sideline", NULL};

void dm_events_register_words(void) {
    dm_wordclass_add(FOCUS_VERBS, WC_FOCUS);
    dm_wordclass_add(FUTURE_BEFORE, WC_FUTURE);
    dm_wordclass_add(MEET_VERBS, WC_TRIGGER | WC_MEET_VERB);
    dm_wordclass_add(MEET_NOUNS, WC_TRIGGER | WC_MEET_NOUN);
    dm_wordclass_add(MULTI_NOUNS, WC_TRIGGER | WC_MULTI_NOUN);
    dm_wordclass_add(VISIT_WORDS, WC_TRIGGER | WC_VISIT);
    dm_wordclass_add(SIGN_WORDS, WC_TRIGGER | WC_SIGN);
    dm_wordclass_add(OTHER_TRIGGERS, WC_TRIGGER);
    dm_wordclass_add(DOC_NOUNS, WC_DOC_NOUN);
    dm_wordclass_add(NOT_AN_EVENT_BEFORE, WC_NOT_EVENT_BEFORE);
    dm_wordclass_add(ASIDE_WORDS, WC_ASIDE);
}


static int phone_near(const sent_ctx *c, size_t i) {
    for (size_t k = i > c->t0 + 3 ? i - 3 : c->t0; k < i + 4 && k < c->t1; k++)
        if (is(c, k, "phone") || is(c, k, "telephone") || is(c, k, "video") || is(c, k, "videoconference") ||
            is(c, k, "videolink"))
            return 1;
    return 0;
}

static int has_with_after(const sent_ctx *c, size_t i, size_t span) {
    for (size_t k = i + 1; k < c->t1 && k <= i + span; k++) {
        if (is(c, k, "with") || is(c, k, "between")) return 1;
        if (is_comma(c, k) || is(c, k, ".")) return 0;
    }
    return 0;
}

static int org_near(const sent_ctx *c, size_t at, size_t before, size_t after);
static int held_before(const sent_ctx *c, size_t i);

/* A summit of two, which is a meeting: no organization named near it, and a counterpart after
 * it ("a summit with Prime Minister X", "the summit between X and Y"), "a bilateral summit", or
 * two people named before it who hold it ("X and Y held a summit in Tokyo"). */
static int bilateral_summit(const sent_ctx *c, size_t i) {
    if (!is(c, i, "summit") || org_near(c, i, 8, 10) >= 0) return 0;
    if (is(c, i + 1, "with") || is(c, i + 1, "between") || (i > c->t0 && is(c, i - 1, "bilateral"))) return 1;
    if (!held_before(c, i)) return 0;
    size_t people = 0;
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->t0 >= i) break;
        if (m->kind == MK_PERSON) people++;
        else if (m->kind == MK_TITLE && m->plural) return 0; /* "the leaders of A, B and C held a summit" */
    }
    return people == 2;
}

/* "the next round of consultations would be held in Yerevan", "the talks were held in Prague
 * between ...": a passive "held" just after the noun. */
static int held_after(const sent_ctx *c, size_t i) {
    for (size_t k = i + 1; k < c->t1 && k <= i + 4; k++) {
        if (is(c, k, ",") || is(c, k, ".")) return 0;
        if (is(c, k, "held") && k > i + 1 &&
            (is(c, k - 1, "be") || is(c, k - 1, "been") || is(c, k - 1, "was") || is(c, k - 1, "were")))
            return 1;
    }
    return 0;
}

/* The organization whose officials, named as a group, end just before token i ("G20 foreign
 * ministers met", "the NATO defence ministers' meeting", "foreign ministers of the BRICS
 * countries gathered"), or -1. */
static int org_body_before(const sent_ctx *c, size_t i) {
    size_t k = i;
    if (k > c->t0 && (is(c, k - 1, "'") || is(c, k - 1, "’") || is(c, k - 1, "'s"))) k--;
    for (size_t j = 0; j < c->ms->n; j++) {
        const dm_mention *m = &c->ms->v[j];
        if (m->kind != MK_TITLE || !m->plural || m->t1 > k || m->t1 + 24 < k) continue;
        int org = m->org;
        /* "of the BRICS countries" after the title */
        for (size_t q = 0; q < c->ms->n && org < 0; q++) {
            const dm_mention *o = &c->ms->v[q];
            if (o->kind == MK_ORG && o->t0 >= m->t1 && o->t1 <= k) org = o->id;
        }
        if (org < 0) continue;
        /* only the group's own words between it and i: "(heads of state) and government of the
         * Economic Community of West African States (ECOWAS) met"; the organization's names
         * count as none */
        size_t words = 0;
        for (size_t q = m->t1; q < k && org >= 0; q++) {
            const dm_mention *o = mention_at(c, q);
            if (o && o->kind == MK_ORG) {
                q = o->t1 - 1;
                continue;
            }
            if (!(is(c, q, "of") || is(c, q, "the") || is(c, q, "countries") || is(c, q, "member") ||
                  is(c, q, "states") || is(c, q, "(") || is(c, q, ")") ||
                  (q == m->t1 && is(c, q, "and") && is(c, q + 1, "government"))))
                org = -1;
            else if (++words > 6)
                org = -1;
        }
        if (org >= 0) return org;
    }
    return -1;
}

/* A gathering's proper name that begins with its organization's: "the 31st APEC Economic
 * Leaders' Meeting" (token i is the capitalized "Meeting"); only capitalized words and
 * possessives stand between the two. */
static int org_named_event(const sent_ctx *c, size_t i) {
    if (!(c->t->v[i].flags & TF_CAP)) return 0;
    for (size_t k = i, words = 0; k > c->t0 && words < 6; k--, words++) {
        const dm_mention *m = mention_at(c, k - 1);
        if (m && m->kind == MK_ORG) return 1;
        if (!(c->t->v[k - 1].flags & TF_CAP) && !is(c, k - 1, "'") && !is(c, k - 1, "\xE2\x80\x99") &&
            !is(c, k - 1, "'s"))
            return 0;
    }
    return 0;
}

/* The states named within mention m ("the foreign ministers of China, Pakistan and Afghanistan"),
 * at most max of them, into out; returns how many. */
static size_t states_within(const sent_ctx *c, const dm_mention *m, int *out, size_t max) {
    size_t n = 0;
    for (size_t j = 0; j < c->ms->n && n < max; j++) {
        const dm_mention *x = &c->ms->v[j];
        if (x->t0 >= m->t0 && x->t1 <= m->t1 && (x->kind == MK_COUNTRY || x->kind == MK_CADJ)) out[n++] = x->id;
    }
    return n;
}

/* Is a person named in the sentence before token i? */
static int person_before(const sent_ctx *c, size_t i) {
    for (size_t k = 0; k < c->ms->n; k++)
        if (c->ms->v[k].kind == MK_PERSON && c->ms->v[k].t1 <= i) return 1;
    return 0;
}

/* "co-chair", "co-chaired" (three tokens: the hyphen is one) opening at k */
static int co_chair_at(const sent_ctx *c, size_t k) {
    return is(c, k, "co") && is(c, k + 1, "-") &&
           (is(c, k + 2, "chair") || is(c, k + 2, "chaired") || is(c, k + 2, "chairs") || is(c, k + 2, "chairing"));
}

/* Where the co-chairs are named just after the verb: "met under the co-chairmanship of A and B",
 * "met, co-chaired by A and B"; 0 when not. */
static size_t co_chairs_from(const sent_ctx *c, size_t from) {
    for (size_t k = from; k + 3 < c->t1 && k < from + 8; k++) {
        if (!is(c, k, "co") || !is(c, k + 1, "-")) continue;
        if ((is(c, k + 2, "chairmanship") || is(c, k + 2, "chairship") || is(c, k + 2, "chairpersonship")) &&
            is(c, k + 3, "of"))
            return k + 4;
        if (is(c, k + 2, "chaired") && is(c, k + 3, "by")) return k + 4;
    }
    return 0;
}

static int held_before(const sent_ctx *c, size_t i) {
    for (size_t k = i; k > c->t0 && k + 14 > i; k--) { /* "held the 12th Viet Nam - Republic of Korea Strategic Dialogue" */
        const char *f = FW(c, k - 1);
        if (dm_eq(f, ",") || dm_eq(f, ".") || dm_eq(f, ";")) return 0;
        if (dm_eq(f, "held") || dm_eq(f, "hold") || dm_eq(f, "holds") || dm_eq(f, "holding") ||
            dm_eq(f, "had") || dm_eq(f, "have") || dm_eq(f, "conducted") || (k >= c->t0 + 3 && co_chair_at(c, k - 3)))
            return 1;
        /* "after talks", "following their talks at ..." */
        if (k == i && (dm_eq(f, "after") || dm_eq(f, "following") || dm_eq(f, "before"))) return 1;
        if (k + 1 == i && (dm_eq(f, "after") || dm_eq(f, "following") || dm_eq(f, "before")) &&
            (is(c, k, "their") || is(c, k, "bilateral") || is(c, k, "official")))
            return 1;
        /* "X and his counterpart Y agreed ... during talks in Lima", "... at a meeting in Lima":
         * the talks frame what named people did (without a name before them, as in "During the
         * talks, the sides ...", they are the story's talks, told already) */
        if ((k == i || (k + 1 == i && (is(c, k, "their") || is(c, k, "a") || is(c, k, "bilateral")))) &&
            (dm_eq(f, "during") || (dm_eq(f, "at") && k + 1 == i)) && person_before(c, k - 1))
            return 1;
    }
    return 0;
}

static int reference_only(const sent_ctx *c, size_t i) {
    for (size_t k = i > c->t0 + 6 ? i - 6 : c->t0; k < i; k++)
        if ((WCB(c, k) & WC_NOT_EVENT_BEFORE)) return 1;
    return 0;
}

/* "The ministers discussed the latest round of nuclear talks between Iran and the US": talks that are
 * the object of discussing or reviewing are a subject of the conversation, not an event told here. */
static int discussed_topic(const sent_ctx *c, size_t i) {
    static const char *const TOPIC_VERBS[] = {"discussed", "discussing", "reviewed", "reviewing", "briefed", NULL};
    for (size_t k = i; k > c->t0 && k + 6 > i; k--) {
        const char *f = FW(c, k - 1);
        if (dm_eq(f, ",") || dm_eq(f, ";") || dm_eq(f, "and") || dm_eq(f, "during") || dm_eq(f, "at")) return 0;
        if (dm_word_in(TOPIC_VERBS, f)) return 1;
    }
    return 0;
}

/* Is token i part of a person's title ("the Chairman of the Council of Ministers")? */
static int inside_title(const sent_ctx *c, size_t i) {
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if ((m->kind == MK_PERSON || (m->kind == MK_TITLE && !m->plural)) && m->t0 <= i && i < m->t1) return 1;
    }
    return 0;
}

/* Is the verb at i passive ("was received", "was later received", "were warmly welcomed")?
 * 1 for a past auxiliary (was, were, been), 2 for a present one (is, being), else 0;
 * at most one adverb may come between. */
static int passive_aux(const sent_ctx *c, size_t i) {
    static const char *const ADVERBS[] = {"also", "later", "then", "first", "again", "today", "yesterday", "too",
                                          "separately", "subsequently", "warmly", "cordially", "officially", NULL};
    size_t k = i;
    if (k > c->t0 + 1 && dm_word_in(ADVERBS, FW(c, k - 1))) k--;
    if (k <= c->t0) return 0;
    k--;
    if (is(c, k, "was") || is(c, k, "were") || is(c, k, "been")) return 1;
    return is(c, k, "is") || is(c, k, "being") ? 2 : 0;
}

/* Does a date ("on Monday", "next week", "in June") stand at i, with "to" after it? */
static int dated_to(const sent_ctx *c, size_t i) {
    size_t k = i + (is(c, i, "on") || is(c, i, "in"));
    dm_datex dx;
    return k < c->t1 && dm_date_parse(c->doc, k, c->t1, c->sc->date, 1, &dx) && is(c, k + dx.ntok, "to");
}

/* A word of an organization's name ("Consultative Meeting of the Heads of State") told as a frame
 * of cooperation, not a gathering: "coordination within the UN and the Consultative Meeting",
 * "in the framework of the Conference on ..." (a list of organizations may stand between). */
static int institution_named_at(const sent_ctx *c, size_t i) {
    const dm_mention *m = mention_at(c, i);
    if (!m || m->kind != MK_ORG) return 0;
    size_t k = m->t0;
    while (k > c->t0) {
        const dm_mention *o = mention_at(c, k - 1);
        if (o && o->kind == MK_ORG && o->t0 < k) k = o->t0;
        else if (is(c, k - 1, "the") || is(c, k - 1, ",") || is(c, k - 1, "and")) k--;
        else break;
    }
    return k > c->t0 && (is(c, k - 1, "within") || (is(c, k - 1, "of") && k > c->t0 + 1 && is(c, k - 2, "framework")));
}

/* An event said not to happen: "did not meet", "will not attend", "has never visited", "no plans
 * for X to hold talks", "ruled out a visit", "declined to meet" (in the trigger's clause, a few
 * words before it; "not only", "not just" and "whether or not" deny nothing). */
static int denied(const sent_ctx *c, size_t at) {
    for (size_t k = at; k > c->t0 && k + 9 > at; k--) {
        const char *f = FW(c, k - 1);
        if (dm_eq(f, ".") || dm_eq(f, ";") || dm_eq(f, ",") || dm_eq(f, "but") || dm_eq(f, "after") ||
            dm_eq(f, "before") || dm_eq(f, "while"))
            return 0;
        int near = k + 4 >= at; /* "did not meet", "didn't meet", "will not formally attend" */
        int nt = dm_ends_with(f, "n't"); /* "didn't" as one word, or "n't" */
        int apos_t = dm_eq(f, "t") && k > c->t0 + 1 && (is(c, k - 2, "'") || is(c, k - 2, "\xE2\x80\x99"));
        if (near && (dm_eq(f, "not") || nt || apos_t || dm_eq(f, "never")) && !is(c, k, "only") && !is(c, k, "just") &&
            !(k > c->t0 + 1 && is(c, k - 2, "or")))
            return 1;
        if ((dm_eq(f, "no") && (is(c, k, "plans") || is(c, k, "plan") || is(c, k, "intention"))) ||
            (dm_eq(f, "ruled") && is(c, k, "out")) ||
            ((dm_eq(f, "declined") || dm_eq(f, "refused") || dm_eq(f, "declines") || dm_eq(f, "refuses")) &&
             is(c, k, "to")))
            return 1;
    }
    return 0;
}

static size_t find_triggers(const sent_ctx *c, trigger *out, size_t max) {
    size_t n = 0;
    for (size_t i = c->t0; i < c->t1 && n < max; i++) {
        if (c->t->v[i].kind != TK_WORD || !(c->t->v[i].wc & WC_TRIGGER)) continue;
        if ((c->t->v[i].flags & TF_CAP) && institution_named_at(c, i)) continue;
        const char *f = FW(c, i);
        trigger tr = {0};
        tr.at = i;
        tr.end = i + 1;
        if ((is(c, i, "phone") || is(c, i, "telephone")) &&
            (is(c, i + 1, "conversation") || is(c, i + 1, "call") || is(c, i + 1, "talks") || is(c, i + 1, "talk"))) {
            tr.kind = EV_CALL;
            tr.form = TR_NOUN;
            tr.end = i + 2;
            i++;
        } else if ((is(c, i, "spoke") || is(c, i, "spoken") || is(c, i, "talked") || is(c, i, "speak") ||
                    is(c, i, "speaks")) &&
                   (phone_near(c, i + 1) || is(c, i + 2, "phone"))) {
            tr.kind = EV_CALL;
            tr.form = TR_VERB;
        } else if ((is(c, i, "phone") || is(c, i, "telephone")) && i > c->t0 &&
                   (is(c, i - 1, "by") || is(c, i - 1, "via") ||
                    (is(c, i - 1, "the") && i > c->t0 + 1 && is(c, i - 2, "over")))) {
            /* "X and Y discussed Gaza by phone", "X briefed Y over the phone" */
            tr.kind = EV_CALL;
            tr.form = TR_NOUN;
            tr.by_phone = 1;
        } else if ((is(c, i, "telephoned") || is(c, i, "phoned"))) {
            tr.kind = EV_CALL;
            tr.form = TR_VERB;
        } else if ((is(c, i, "video") && (is(c, i + 1, "conference") || is(c, i + 1, "call"))) ||
                   is(c, i, "videoconference")) {
            /* "X joined the ministers by videoconference": a participant of the gathering told, no call */
            int joined = 0;
            for (size_t k = i; k > c->t0 && k + 5 > i && !joined; k--)
                joined = is(c, k - 1, "joined") || is(c, k - 1, "join") || is(c, k - 1, "joining");
            if (joined) continue;
            tr.kind = EV_CALL; /* becomes multilateral with an organization */
            tr.form = TR_NOUN;
            tr.end = is(c, i, "video") ? i + 2 : i + 1;
            if (is(c, i, "video")) i++;
        } else if ((is(c, i, "discussed") || is(c, i, "discusses") || is(c, i, "talked") || is(c, i, "conferred")) &&
                   (is(c, i + 1, "with") || (is(c, i + 1, "it") && is(c, i + 2, "with")))) {
            if (phone_near(c, i)) continue;
            tr.kind = EV_MEETING;
            tr.form = TR_VERB;
        } else if ((is(c, i, "call") || is(c, i, "calls") || is(c, i, "called") || is(c, i, "calling")) &&
                   is(c, i + 1, "on")) {
            /* "will call on Prime Minister X" pays a visit; "called on X to act" urges */
            if (i > c->t0 && (is(c, i - 1, "courtesy") || is(c, i - 1, "phone") || is(c, i - 1, "telephone"))) continue;
            size_t k = i + 2 + is(c, i + 2, "the");
            const dm_mention *pm = NULL;
            for (size_t j = 0; j < c->ms->n; j++)
                if (c->ms->v[j].kind == MK_PERSON && c->ms->v[j].t0 == k) pm = &c->ms->v[j];
            if (!pm || is(c, pm->t1, "to")) continue;
            tr.kind = EV_MEETING;
            tr.form = TR_NOUN;
            tr.end = i + 2;
            tr.call_on = 1;
            i++;
        } else if (is(c, i, "courtesy") && (is(c, i + 1, "call") || is(c, i + 1, "calls")) && is(c, i + 2, "on")) {
            tr.kind = EV_MEETING;
            tr.form = TR_NOUN;
            tr.end = i + 2;
            i++;
        } else if ((is(c, i, "gathered") || is(c, i, "convened") || is(c, i, "assembled")) &&
                   org_body_before(c, i) >= 0 && !is(c, i + 1, "by")) {
            /* "Foreign ministers of the BRICS countries gathered in Moscow" */
            tr.kind = EV_MULTILATERAL;
            tr.form = TR_VERB;
        } else if ((c->t->v[i].wc & WC_MEET_VERB) && !(is(c, i, "meeting") || is(c, i, "host"))) {
            if ((is(c, i, "received") || is(c, i, "receive") || is(c, i, "receives")) &&
                (is(c, i + 1, "a") || is(c, i + 1, "an")) && !is(c, i + 2, "delegation"))
                continue; /* "received a copy of the letter" */
            if (phone_near(c, i)) continue;
            /* "The meeting, hosted by X, ...": a participle describing an event already told */
            int aux = passive_aux(c, i);
            if (is(c, i + 1, "by") && !aux) continue;
            tr.kind = EV_MEETING;
            tr.form = TR_VERB;
            tr.received = f[0] == 'r' || f[0] == 'h' || f[0] == 'w'; /* received, hosted, welcomed */
            if (aux == 1 && is(c, i + 1, "by")) tr.passive = 1;
        } else if (is(c, i, "meeting") || is(c, i, "meetings")) {
            /* "meeting of the SCO Council" is multilateral; "meeting with X" bilateral */
            if (org_body_before(c, i) >= 0 || org_named_event(c, i)) { /* "the G20 foreign ministers' meeting" */
                tr.kind = EV_MULTILATERAL;
                tr.form = TR_NOUN;
            } else if (is(c, i + 1, "of") && !has_with_after(c, i, 3)) {
                tr.kind = EV_MULTILATERAL;
                tr.form = TR_NOUN;
            } else if (has_with_after(c, i, 2) || held_before(c, i)) {
                tr.kind = EV_MEETING;
                tr.form = TR_NOUN;
                tr.plural = f[7] == 's';
            } else if (i > c->t0 && (is(c, i - 1, "summit") || is(c, i - 1, "informal"))) {
                tr.kind = EV_MULTILATERAL;
                tr.form = TR_NOUN;
            } else {
                continue;
            }
        } else if ((c->t->v[i].wc & WC_MEET_NOUN)) {
            if (phone_near(c, i)) continue;
            if (i > c->t0 && is(c, i - 1, "on") && (c->t->v[i].flags & TF_CAP)) continue; /* "... on Consultations" */
            if (!(has_with_after(c, i, 2) || held_before(c, i) || held_after(c, i))) continue;
            tr.kind = EV_MEETING;
            tr.form = TR_NOUN;
        } else if ((c->t->v[i].wc & WC_MULTI_NOUN) && bilateral_summit(c, i)) {
            tr.kind = EV_MEETING;
            tr.form = TR_NOUN;
        } else if ((c->t->v[i].wc & WC_MULTI_NOUN)) {
            if (is(c, i, "council") || is(c, i, "session")) {
                /* only as the thing convened: "session of the UN General Assembly" */
                if (!is(c, i + 1, "of")) continue;
            }
            tr.kind = EV_MULTILATERAL;
            tr.form = TR_NOUN;
        } else if (is(c, i, "take") || is(c, i, "takes") || is(c, i, "took") || is(c, i, "taking")) {
            /* "a tour that will also take him to Jordan and Israel", "the trip took the minister to
             * Lima": the one taken visits the places after "to" */
            size_t k = i + 1 + is(c, i + 1, "the");
            const dm_mention *who = mention_at(c, k);
            if (!who || who->t0 != k || (who->kind != MK_PERSON && who->kind != MK_PRONOUN && who->kind != MK_TITLE))
                continue;
            size_t to = who->t1 + is(c, who->t1, "also");
            const dm_mention *place = is(c, to, "to") ? mention_at(c, to + 1 + is(c, to + 1, "the")) : NULL;
            if (!place || (place->kind != MK_COUNTRY && place->kind != MK_CITY)) continue;
            tr.kind = EV_VISIT;
            tr.form = TR_VERB;
            tr.end = to;
            tr.taken = 1;
        } else if ((c->t->v[i].wc & WC_VISIT) || ((is(c, i, "arrived") || is(c, i, "arrives") || is(c, i, "arrive")) &&
                                               (is(c, i + 1, "in") || is(c, i + 1, "at")))) {
            /* "travel to X", "travel on to X", "travel onward to X", "travel on Monday to X" */
            int on_to = ((is(c, i + 1, "on") || is(c, i + 1, "onward") || is(c, i + 1, "onwards")) && is(c, i + 2, "to")) ||
                        dated_to(c, i + 1);
            if ((is(c, i, "trip") || (f[0] == 't' && f[1] == 'r' && f[2] == 'a')) && !is(c, i + 1, "to") &&
                !(on_to && f[0] == 't' && f[1] == 'r' && f[2] == 'a'))
                continue;
            if (is(c, i, "tour") && !is(c, i + 1, "of") && !is(c, i + 1, "to")) continue;
            /* "heads to Germany", "flew on to Tokyo", "will continue to the Philippines", "proceeded to
             * Hanoi": a place must follow "to" ("head of state", "continue to strengthen" are not trips) */
            if (f[0] == 'h' || f[0] == 'f' || f[0] == 'c' || f[0] == 'p') {
                size_t to = i + 1 + (is(c, i + 1, "on") && is(c, i + 2, "to"));
                size_t k = to + 1 + is(c, to + 1, "the");
                const dm_mention *pm = mention_at(c, k);
                if (!is(c, to, "to") || !pm || pm->t0 != k || (pm->kind != MK_CITY && pm->kind != MK_COUNTRY)) continue;
            }
            /* "will leave for Georgetown": a place must follow "for" */
            if ((f[0] == 'l' || f[0] == 'd') && !is(c, i, "visit")) {
                const dm_mention *pm = mention_at(c, i + 2);
                if (!is(c, i + 1, "for") || !pm || (pm->kind != MK_CITY && pm->kind != MK_COUNTRY)) continue;
            }
            tr.kind = EV_VISIT;
            tr.form = (is(c, i, "visit") || is(c, i, "visits") || is(c, i, "trip") || is(c, i, "tour")) ? TR_NOUN : TR_VERB;
            if (is(c, i, "visit") && i > c->t0 && (is(c, i - 1, "to") || is(c, i - 1, "will") || is(c, i - 1, "would") ||
                                                   is(c, i - 1, "and")))
                tr.form = TR_VERB;
            tr.plural = is(c, i, "visits") && !(i > c->t0 && (is(c, i - 1, "he") || is(c, i - 1, "she")));
            for (size_t k = i > c->t0 + 3 ? i - 3 : c->t0; k < i; k++)
                if (is(c, k, "state") || is(c, k, "official") || is(c, k, "working") || is(c, k, "day") ||
                    is(c, k, "paid") || is(c, k, "made") || is(c, k, "pay") || is(c, k, "make"))
                    tr.typed = 1;
            if (tr.form == TR_VERB) tr.typed = 1;
        } else if ((is(c, i, "expected") || is(c, i, "due")) && is(c, i + 1, "in") && i > c->t0 &&
                   (is(c, i - 1, "is") || is(c, i - 1, "are")) && mention_at(c, i + 2) &&
                   (mention_at(c, i + 2)->kind == MK_CITY || mention_at(c, i + 2)->kind == MK_COUNTRY)) {
            /* "Modi is expected in Moscow next week": a trip to come */
            tr.kind = EV_VISIT;
            tr.form = TR_VERB;
            tr.typed = 1;
        } else if ((c->t->v[i].wc & WC_SIGN)) {
            if (is(c, i, "sign") && !(i > c->t0 && (is(c, i - 1, "to") || is(c, i - 1, "will")))) continue;
            tr.kind = EV_AGREEMENT;
            tr.form = TR_VERB;
        } else if (is(c, i, "exchange") && i > c->t0 + 1 && (held_before(c, i)) && has_with_after(c, i, 4)) {
            /* "ministers held an exchange (of views) with X" */
            tr.kind = EV_MEETING;
            tr.form = TR_NOUN;
        } else if (is(c, i, "exchange") || is(c, i, "exchanged") || is(c, i, "exchanging")) {
            /* "witnessed the exchange of three memorandums", "agreements were exchanged" */
            int doc_noun = 0;
            int passive = passive_aux(c, i) != 0;
            /* passive: the document is the clause's subject, however long its complement
             * ("an MoU on cooperation between the institutes of India and Guyana was exchanged") */
            size_t from = i > c->t0 + (passive ? 24 : 8) ? i - (passive ? 24 : 8) : c->t0;
            for (size_t k = i; passive && k > from; k--)
                if (is(c, k - 1, ",") || is(c, k - 1, ";")) {
                    from = k;
                    break;
                }
            for (size_t k = passive ? from : i + 1; k < c->t1 && k < (passive ? i : i + 7); k++)
                if ((WCB(c, k) & WC_DOC_NOUN) && !is(c, k, "plan") && !is(c, k, "statement")) doc_noun = 1;
            if (!doc_noun) continue;
            tr.kind = EV_AGREEMENT;
            tr.form = TR_VERB;
        } else if ((is(c, i, "adopted") || is(c, i, "announced") || is(c, i, "concluded")) ) {
            int doc_noun = 0;
            for (size_t k = i + 1; k < c->t1 && k < i + 11; k++)
                if ((WCB(c, k) & WC_DOC_NOUN)) doc_noun = 1;
            if (!doc_noun) continue;
            tr.kind = EV_AGREEMENT;
            tr.form = TR_VERB;
        } else {
            continue;
        }
        if (tr.kind == EV_MULTILATERAL && reference_only(c, i)) continue;
        if (tr.kind == EV_MEETING && tr.form == TR_NOUN && discussed_topic(c, i)) continue;
        if (tr.kind == EV_MULTILATERAL && inside_title(c, i)) continue;
        /* "a leaders' retreat of the Pacific Islands Forum": the last word of an organization's name
         * that completes another gathering's noun is no second gathering */
        if (tr.kind == EV_MULTILATERAL) {
            const dm_mention *own = mention_at(c, i);
            if (own && own->kind == MK_ORG && own->t0 < i && own->t1 == i + 1 && own->t0 > c->t0 &&
                (is(c, own->t0 - 1, "of") || (is(c, own->t0 - 1, "the") && own->t0 > c->t0 + 1 && is(c, own->t0 - 2, "of"))))
                continue;
        }
        if (tr.kind == EV_MULTILATERAL && (c->t->v[tr.at].wc & WC_MULTI_NOUN) && i > c->t0 && is(c, i - 1, "the") &&
            !is(c, i + 1, "of") && !(i > c->t0 + 1 && (is(c, i - 2, "next") || is(c, i - 2, "upcoming")))) {
            const dm_mention *m = mention_at(c, i - 1);
            if (!m || m->kind != MK_ORG) continue;
        }
        if (denied(c, i)) continue;
        out[n++] = tr;
    }
    return n;
}

/* ---- status ---- */


/* A trip made, told before k ("travelled to Iceland on Monday to attend ..."): the purpose
 * infinitive after it was done, not planned. */
static int went_before(const sent_ctx *c, size_t k) {
    static const char *const WENT[] = {"travelled", "traveled", "arrived", "flew", "went", "came", "headed", NULL};
    for (size_t q = k; q > c->t0 && q + 16 > k; q--) {
        if (is(c, q - 1, ";") || (c->t->v[q - 1].wc & WC_FUTURE)) return 0;
        if (dm_word_in(WENT, FW(c, q - 1))) return 1;
    }
    return 0;
}

static int future_in(const sent_ctx *c, size_t a, size_t b) {
    for (size_t k = a; k < b; k++) {
        if (c->t->v[k].kind == TK_WORD ? (c->t->v[k].wc & WC_FUTURE) != 0 : dm_word_in(FUTURE_BEFORE, FW(c, k)))
            return 1;
        /* "is to meet", "are to discuss", "to hold", headline "to visit" */
        if (is(c, k, "to") && k + 1 < b &&
            (is(c, k + 1, "hold") || is(c, k + 1, "visit") || is(c, k + 1, "meet") || is(c, k + 1, "sign") ||
             is(c, k + 1, "make") || is(c, k + 1, "pay") || is(c, k + 1, "be") || is(c, k + 1, "discuss") ||
             is(c, k + 1, "attend") || is(c, k + 1, "organize") || is(c, k + 1, "organise") || is(c, k + 1, "host")) &&
            !went_before(c, k))
            return 1;
        /* "looked forward to attending the Summit", "looks forward to the visit" */
        if (is(c, k, "to") && k >= c->t0 + 2 && is(c, k - 1, "forward") &&
            (is(c, k - 2, "look") || is(c, k - 2, "looks") || is(c, k - 2, "looked") || is(c, k - 2, "looking")))
            return 1;
        /* "is due to travel", "are due to arrive" (not the causal "due to the weather") */
        if (is(c, k, "due") && k > c->t0 && (is(c, k - 1, "is") || is(c, k - 1, "are")) && is(c, k + 1, "to") &&
            k + 2 < c->t1 && (c->t->v[k + 2].flags & TF_LOWER) && !is(c, k + 2, "the"))
            return 1;
    }
    return 0;
}

static int host_word(const sent_ctx *c, size_t i);

/* "ahead of the Retreat in Langkawi on Sunday", "in the run-up to the summit on 5 May": an
 * event the clause leads up to is still to come. Returns 1 when a date of its own follows it,
 * 2 when none does (the clause's date is not its: "spoke on Monday ahead of the summit"), 0
 * when nothing leads up to it. */
static int led_up_to(const sent_ctx *c, const trigger *tr) {
    if (tr->form != TR_NOUN) return 0;
    int cue = 0;
    for (size_t k = tr->at; k > c->t0 && k + 8 > tr->at && !cue; k--) {
        if (is(c, k - 1, ",") || is(c, k - 1, ";") || is(c, k - 1, ".")) break;
        cue = k >= c->t0 + 2 && ((is(c, k - 2, "ahead") && is(c, k - 1, "of")) || (is(c, k - 2, "run-up") && is(c, k - 1, "to")));
    }
    if (!cue) return 0;
    for (size_t k = tr->at + 1; k < c->t1 && k < tr->at + 14; k++) {
        /* its own clause goes on past a comma: ", to be held in Brussels in December" */
        if (is(c, k, ",") && (is(c, k + 1, "to") || is(c, k + 1, "which") || is(c, k + 1, "scheduled") ||
                              is(c, k + 1, "set") || is(c, k + 1, "due") || is(c, k + 1, "planned")))
            continue;
        if (is(c, k, ",") || is(c, k, ";") || is(c, k, ".")) break;
        dm_datex dx;
        if (dm_date_parse(c->doc, k, c->t1, c->sc->date, 1, &dx) && dx.kind != DX_UNRESOLVED) return 1;
    }
    return 2;
}

/* in_relative_after, moved on over token k: a comma closes the clause, ", who" opens one */
static int relative_step(const sent_ctx *c, size_t k, int inside) {
    if (is(c, k, ",") || is(c, k, ";")) return 0;
    if ((is(c, k, "who") || is(c, k, "whose")) && is(c, k - 1, ",")) return 1;
    return inside;
}

/* Is token i inside a relative clause opened after the trigger at ("met X, who will be sworn
 * in on 7 January")? Such a clause tells of the person, not of the event. */
static int in_relative_after(const sent_ctx *c, size_t at, size_t i) {
    int inside = 0;
    for (size_t k = at + 1; k < i; k++) inside = relative_step(c, k, inside);
    return inside;
}

/* A trip told in the present tense is the schedule: "travels on to Samoa on Saturday",
 * "heads to Germany on Friday". */
static int present_trip(const sent_ctx *c, size_t i) {
    return is(c, i, "travels") || is(c, i, "leaves") || is(c, i, "heads") || is(c, i, "flies") || is(c, i, "departs");
}

/* "before travelling", "after flying": a trip told as a step of the main clause's subject. */
static int gerund_after_conjunction(const sent_ctx *c, size_t at) {
    const char *f = FW(c, at);
    return strlen(f) > 4 && dm_ends_with(f, "ing") && (is(c, at - 1, "before") || is(c, at - 1, "after"));
}

/* Where the part of the sentence holding k begins: after the last "." or ";" before it. */
static size_t sentence_clause_start(const sent_ctx *c, size_t k) {
    while (k > c->t0 && !is(c, k - 1, ".") && !is(c, k - 1, ";")) k--;
    return k;
}

/* The "for" of talks told as a trip's purpose: "for talks", "for bilateral talks", "for
 * "two-plus-two" talks" (a few words between, none a name, "and", "to" or a clause break); 0 if none. */
static size_t purpose_for(const sent_ctx *c, const trigger *tr) {
    if (tr->kind != EV_MEETING || tr->form != TR_NOUN) return 0;
    for (size_t k = tr->at; k > c->t0 && k + 8 >= tr->at; k--) {
        if (is(c, k - 1, "for")) return k - 1;
        if (is(c, k - 1, ",") || is(c, k - 1, ".") || is(c, k - 1, ";") || is(c, k - 1, "and") || is(c, k - 1, "to") ||
            mention_at(c, k - 1))
            return 0;
    }
    return 0;
}

/* led: led_up_to(c, tr), which the caller also needs for the date */
static int status_of(const sent_ctx *c, const trigger *tr, int led) {
    if (tr->kind == EV_VISIT && (is(c, tr->at, "expected") || is(c, tr->at, "due"))) return ST_PLANNED;
    if (tr->kind == EV_VISIT && tr->form == TR_VERB && present_trip(c, tr->at)) return ST_PLANNED;
    if (led) return ST_PLANNED;
    size_t a = tr->at > c->t0 + 7 ? tr->at - 7 : c->t0;
    /* the clause before the trigger */
    for (size_t k = tr->at; k > a; k--)
        if (is(c, k - 1, ".") || is(c, k - 1, ";")) {
            a = k;
            break;
        }
    /* "X and Y agreed on Sunday to expand trade during talks in Lima": the talks are where
     * they agreed, and took place unless a plan is told in the auxiliary sense */
    if (tr->form == TR_NOUN && tr->kind == EV_MEETING && tr->at > c->t0 &&
        (is(c, tr->at - 1, "during") || (tr->at > c->t0 + 1 && (is(c, tr->at - 2, "during") || is(c, tr->at - 2, "at")) &&
                                         (is(c, tr->at - 1, "their") || is(c, tr->at - 1, "a") || is(c, tr->at - 1, "bilateral"))))) {
        static const char *const AUX[] = {"will", "would", "shall", "'ll", "scheduled", "expected", "due", "plans",
                                          "planned", "upcoming", "forthcoming", "next", NULL};
        for (size_t k = a; k < tr->at; k++)
            if (dm_word_in(AUX, FW(c, k))) return ST_PLANNED;
        return ST_OCCURRED;
    }
    /* "X, who will visit Y next month, held talks with Z": a relative clause between commas
     * that closed before the trigger tells of something else */
    size_t rel0 = tr->at, rel1 = tr->at;
    for (size_t k = c->t0; k + 1 < tr->at; k++)
        if (is(c, k, ",") && (is(c, k + 1, "who") || is(c, k + 1, "which"))) {
            size_t e = k + 2;
            while (e < tr->at && !is(c, e, ",")) e++;
            if (e < tr->at) rel0 = k, rel1 = e + 1;
        }
    if (rel1 < tr->at && rel1 > a) {
        if (future_in(c, a, rel0 > a ? rel0 : a) || future_in(c, rel1, tr->at)) return ST_PLANNED;
    } else if (future_in(c, a, tr->at)) {
        return ST_PLANNED;
    }
    /* "X will hold talks in Tokyo before travelling to Manila": a step of the main clause, planned when it is */
    if (tr->kind == EV_VISIT && tr->form == TR_VERB && tr->at > c->t0 + 1 && gerund_after_conjunction(c, tr->at)) {
        if (future_in(c, sentence_clause_start(c, tr->at - 1), tr->at - 1)) return ST_PLANNED;
    }
    /* "is due to travel on to Santiago on Thursday for talks with X": talks that are a trip's
     * purpose are planned when the trip is, however far back its verb */
    size_t purpose = purpose_for(c, tr);
    if (purpose) {
        size_t k = sentence_clause_start(c, purpose);
        for (size_t v = k; v + 1 < tr->at; v++)
            if ((c->t->v[v].wc & WC_VISIT) && (future_in(c, k, v + 1) || present_trip(c, v)))
                return ST_PLANNED;
    }
    /* farther back in the clause: an invited visit ("accepted the invitation of X to carry out an official
     * visit"), the auxiliary of a coordinated verb ("will co-chair the roundtable and call on X") or of the
     * verb that holds the event ("will hold the 17th Foreign Ministers' Strategic Dialogue with X") */
    for (size_t k = tr->at; k > c->t0 && k + 16 > tr->at; k--) {
        if (is(c, k - 1, ".") || is(c, k - 1, ";")) break;
        if (tr->kind == EV_VISIT && (is(c, k - 1, "invitation") || is(c, k - 1, "invited"))) return ST_PLANNED;
        if (is(c, k - 1, "will") && (is(c, tr->at - 1, "and") || is(c, k, "hold") || is(c, k, "have") ||
                                     is(c, k, "conduct") || co_chair_at(c, k) || host_word(c, k)))
            return ST_PLANNED; /* ... "will host X for a state visit" */
        /* "will (also) attend the X Meeting and the Y Forum on Saturday": each of what is attended */
        if (tr->form == TR_NOUN && (is(c, k, "attend") || is(c, k, "join")) &&
            (is(c, k - 1, "will") || (k > c->t0 + 1 && is(c, k - 2, "will") && is(c, k - 1, "also"))))
            return ST_PLANNED;
    }
    /* "is scheduled to continue his visit to Kuala Lumpur on Monday to meet X": an infinitive's
     * event is planned when its clause says so, however far back */
    if (tr->at > c->t0 && is(c, tr->at - 1, "to") && tr->form == TR_VERB) {
        for (size_t k = tr->at - 1; k > c->t0 && k + 20 > tr->at; k--) {
            if (is(c, k - 1, ".") || is(c, k - 1, ";") || is(c, k - 1, ",")) break;
            if (c->t->v[k - 1].wc & WC_FUTURE) return ST_PLANNED;
            /* "is set to visit", "is slated to travel", "is poised to sign" */
            if ((is(c, k - 1, "set") || is(c, k - 1, "slated") || is(c, k - 1, "poised")) && is(c, k, "to") &&
                k > c->t0 + 1 && (is(c, k - 2, "is") || is(c, k - 2, "are")))
                return ST_PLANNED;
        }
    }
    /* after: "to be held", "will be signed", "is scheduled", "which was accepted" */
    int relative = 0; /* in_relative_after(c, tr->at, k), kept up as k goes on */
    for (size_t k = tr->at + 1; k < c->t1 && k < tr->at + 16; k++) {
        if (k > tr->at + 1) relative = relative_step(c, k - 1, relative);
        if (relative) continue; /* "met X, who will be sworn in" */
        if (is(c, k, "scheduled") || is(c, k, "planned") || is(c, k, "upcoming")) return ST_PLANNED;
        if ((is(c, k, "to") || is(c, k, "will") || is(c, k, "would")) && is(c, k + 1, "be") &&
            (is(c, k + 2, "held") || is(c, k + 2, "signed") || is(c, k + 2, "organized") || is(c, k + 2, "convened")))
            return ST_PLANNED;
        if (is(c, k, "will") && (is(c, k + 1, "take") || is(c, k + 1, "be"))) return ST_PLANNED;
        /* "the Summit that India is to host", "the session Baku will host" */
        if (tr->form == TR_NOUN && (is(c, k, "to") || is(c, k, "will")) &&
            (is(c, k + 1, "host") || is(c, k + 1, "hold") || is(c, k + 1, "convene") || is(c, k + 1, "chair")))
            return ST_PLANNED;
        if (is(c, k, "accepted") && tr->kind == EV_VISIT) return ST_PLANNED;
        if (is(c, k, ".")) break;
    }
    /* "During his visit to X, Y will meet ...": the main clause decides */
    if (tr->form == TR_NOUN) {
        size_t k = tr->at;
        while (k < c->t1 && !is(c, k, ",")) k++;
        if (k < c->t1 && (is(c, c->t0, "during") || is(c, c->t0, "in") || is(c, c->t0, "within"))) {
            for (size_t j = k; j < c->t1 && j < k + 12; j++)
                if (is(c, j, "will") || is(c, j, "shall")) return ST_PLANNED;
        }
    }
    return ST_OCCURRED;
}

/* ---- quotations ---- */

/* Whether tokens are inside a quotation, walked along the sentence. A sentence
 * may open inside one that began earlier: its first quote mark then closes
 * ("... this year," he said). */
typedef struct {
    size_t next;   /* the first token not yet walked over */
    int state;     /* inside a quotation before token next */
} quote_walk;

static quote_walk quote_walk_start(const sent_ctx *c) {
    quote_walk w = {c->t0, 0};
    /* how the sentence begins: its first quote mark tells */
    for (size_t i = c->t0; i < c->t1; i++) {
        const char *f = FW(c, i);
        if (dm_eq(f, "\xe2\x80\x9d")) w.state = 1;
        else if (dm_eq(f, "\"")) w.state = i > c->t0 && c->t->v[i - 1].kind == TK_PUNCT && !(c->t->v[i].flags & TF_SPACE);
        else if (dm_eq(f, "\xe2\x80\x9c")) w.state = 0;
        else continue;
        break;
    }
    return w;
}

/* Is token at (at or after the tokens walked so far) inside a quotation? */
static int quote_walk_to(const sent_ctx *c, quote_walk *w, size_t at) {
    for (; w->next < c->t1 && w->next < at; w->next++) {
        const char *f = FW(c, w->next);
        if (dm_eq(f, "\xe2\x80\x9c")) w->state = 1;
        else if (dm_eq(f, "\xe2\x80\x9d")) w->state = 0;
        else if (dm_eq(f, "\"")) w->state = !w->state;
    }
    return w->state;
}

/* ---- dates ---- */

/* The dates of a sentence that may date its events, in order: parsed once for all of
 * them (each event asked at every token again), for the story's date as it stands. */
typedef struct {
    size_t at; /* where the date opens */
    dm_datex dx;
} sentence_date;

typedef struct date_list {
    int ready;
    dm_date ref;
    size_t n, cap;
    sentence_date *v;
} date_list;

static const date_list *sentence_dates(const sent_ctx *c, int future) {
    date_list *l = &c->dates[future != 0];
    if (l->ready && !dm_date_cmp(l->ref, c->sc->date)) return l;
    l->ready = 1;
    l->ref = c->sc->date;
    l->n = 0;
    const dm_story *st = &c->doc->stories[c->sc->ms.story];
    for (size_t i = c->t0; i < c->t1; i++) {
        dm_datex dx;
        if (!dm_date_parse(c->doc, i, c->t1, c->sc->date, future, &dx) || dx.kind == DX_UNRESOLVED) continue;
        /* a name's word is no date ("Nguyen Thu Hang", "Tran Mai Anh"), nor is the dateline's
         * ("ADDIS ABABA, 20 February 2025 – ... met ... last month") */
        const dm_mention *in = mention_at(c, i);
        if (in && in->kind == MK_PERSON) continue;
        if (i >= st->dateline_t0 && i < st->dateline_t1) continue;
        DM_VEC_PUSH(&c->doc->arena, l->v, l->n, l->cap, ((sentence_date){i, dx}));
        if (dx.ntok > 1) i += dx.ntok - 1;
    }
    return l;
}

/* The date expression nearest the trigger in the sentence (skipping figures' years). */
static int date_near(const sent_ctx *c, size_t at, int future, dm_dspan *out, int *kind) {
    int best_dist = 1 << 30;
    dm_datex best = {0};
    quote_walk walk = {0}; /* along the candidates, which come in order */
    int walked = 0, trigger_quoted = 0;
    const date_list *dates = sentence_dates(c, future);
    for (size_t d = 0; d < dates->n; d++) {
        size_t i = dates->v[d].at;
        dm_datex dx = dates->v[d].dx;
        if (in_relative_after(c, at, i)) continue;
        const char *prev = i > c->t0 ? FW(c, i - 1) : "";
        if (dm_eq(prev, "since") || dm_eq(prev, "until") || dm_eq(prev, "of") || dm_eq(prev, "for") ||
            dm_eq(prev, "by") || dm_eq(prev, "than"))
            continue;
        /* a year alone next to money or percent is a figure's year, not the event's */
        if (dx.kind == DX_YEAR) {
            int money = 0;
            for (size_t k = i > c->t0 + 8 ? i - 8 : c->t0; k < i + 8 && k < c->t1; k++)
                if (is(c, k, "$") || is(c, k, "billion") || is(c, k, "million") || is(c, k, "%") || is(c, k, "bn") ||
                    is(c, k, "reached") || is(c, k, "amounted"))
                    money = 1;
            if (money || dm_eq(prev, "the") || dm_eq(prev, "in-")) continue;
        }
        if (!walked) { /* the first candidate: start the walk, and see where the trigger is */
            walk = quote_walk_start(c);
            quote_walk to_trigger = walk;
            trigger_quoted = quote_walk_to(c, &to_trigger, at);
            walked = 1;
        }
        if (quote_walk_to(c, &walk, i) != trigger_quoted) continue;
        {
            long dist = (long)i - (long)at;
            if (dist < 0) dist = -dist * 2; /* prefer dates after the trigger word */
            if (!dx.span.from.d) dist += 12; /* and dates to the day */
            /* and dates of the trigger's own clause: "X, who will visit Chile next month, held
             * talks on Monday" dates the visit next month */
            for (size_t k = i < at ? i : at; k < (i < at ? at : i); k++)
                if (is(c, k, ",")) dist += 10;
            if (i <= c->t0 + 1 && dx.span.from.d && is(c, i + dx.ntok, ",")) dist = 0; /* "On February 18, ..." */
            /* "Yesterday, ... on a visit to India from 18 to 21 March": a span just after the word is its own */
            if (dx.span.to.y && i > at && i <= at + 6) dist = -1;
            if (dist < best_dist) {
                best_dist = (int)dist;
                best = dx;
            }
        }
    }
    if (!best.ntok) return 0;
    *out = best.span;
    *kind = best.kind;
    return 1;
}

/* ---- participants ---- */

typedef struct {
    int person;
    size_t t0, t1;
    uint8_t possessive;
    uint8_t pronoun;
} pref;

static size_t persons_in(const sent_ctx *c, pref *out, size_t max) {
    size_t n = 0;
    for (size_t k = 0; k < c->ms->n && n < max; k++) {
        int p = dm_mention_person(&c->ms->v[k]);
        if (p < 0) continue;
        out[n].person = p;
        out[n].t0 = c->ms->v[k].t0;
        out[n].t1 = c->ms->v[k].t1;
        out[n].possessive = c->ms->v[k].possessive;
        out[n].pronoun = c->ms->v[k].kind == MK_PRONOUN;
        n++;
    }
    return n;
}

/* Is the person at p followed by a verb (so it is a clause's subject)? */
static int followed_by_verb(const sent_ctx *c, const pref *p) {
    size_t i = p->t1;
    if (is(c, i, "'s")) return 0;
    if (i >= c->t1) return 0;
    const dm_tok *k = &c->t->v[i];
    if (k->kind != TK_WORD || !(k->flags & TF_LOWER)) return 0;
    const char *f = FW(c, i);
    return strcmp(f, "and") && strcmp(f, "of") && strcmp(f, "in") && strcmp(f, "at") && strcmp(f, "to") &&
           strcmp(f, "on") && strcmp(f, "for") && strcmp(f, "from") && strcmp(f, "the");
}

static int has_part(const dm_event *e, uint8_t kind, int id) {
    for (int k = 0; k < e->nparts; k++)
        if (e->parts[k].kind == kind && e->parts[k].id == id) return 1;
    return 0;
}

static void add_part(dm_event *e, uint8_t kind, int id) {
    if (!has_part(e, kind, id) && e->nparts < DM_MAX_PARTS) e->parts[e->nparts++] = (dm_part){kind, id};
}

static int has_person(const dm_event *e, int p) { return has_part(e, P_PERSON, p); }

/* The last day a date or span covers, as a day number ("2024-05" ends on 31 May). */
static long last_day(const dm_dspan *d) { return dm_days(dm_date_last_day(d->to.y ? d->to : d->from)); }

/* Is the event planned for a day of the trip (or either is undated)? "Carney will travel to
 * Mexico City on Wednesday and Thursday ... The two leaders will meet at the palace on Thursday" */
static int during_trip(const dm_event *e, const dm_event *trip) {
    if (!e->date.from.y || !trip->date.from.y) return 1;
    long day = dm_days(e->date.from);
    return day >= dm_days(trip->date.from) && day <= last_day(&trip->date);
}

static int count_kind(const dm_event *e, uint8_t kind) {
    int n = 0;
    for (int k = 0; k < e->nparts; k++) n += e->parts[k].kind == kind;
    return n;
}

/* ---- places ---- */

static int place_after_prep(const sent_ctx *c, size_t from, size_t to, int *city, int *country, int want_country) {
    for (size_t i = from; i < to && i < c->t1; i++) {
        /* "in Lima", "at Lima"; "scheduled for Samarkand", "set for Lima" */
        int scheduled_for = is(c, i, "for") && i > c->t0 &&
                            (is(c, i - 1, "scheduled") || is(c, i - 1, "planned") || is(c, i - 1, "set"));
        if (!(is(c, i, "in") || is(c, i, "at") || scheduled_for || (want_country && is(c, i, "to")))) continue;
        size_t j = i + 1;
        if (is(c, j, "the")) j++;
        const dm_mention *m = mention_at(c, j);
        if (!m || m->t0 != j) {
            /* "in the Kazakh capital" */
            if (m && m->kind == MK_CADJ && is(c, m->t1, "capital")) {
            }
            continue;
        }
        if (m->kind == MK_CITY) {
            *city = m->id;
            *country = c->ctx->cities[m->id].country;
            return 1;
        }
        if (m->kind == MK_CADJ && is(c, m->t1, "capital")) {
            *country = m->id;
            *city = c->ctx->countries[m->id].capital;
            return 1;
        }
        if (m->kind == MK_COUNTRY && want_country) {
            *country = m->id;
            *city = -1;
            return 1;
        }
        /* "in Luxembourg", "in Singapore": a city-state's name is its capital's */
        int cap = m->kind == MK_COUNTRY ? c->ctx->countries[m->id].capital : -1;
        if (cap >= 0 && !strcmp(c->ctx->cities[cap].name, c->ctx->countries[m->id].name)) {
            *country = m->id;
            *city = cap;
            return 1;
        }
    }
    return 0;
}

/* "here" and "the Kazakh capital" */
static int place_words(const sent_ctx *c, int *city, int *country) {
    for (size_t i = c->t0; i < c->t1; i++) {
        if (is(c, i, "here") && c->sc->dateline_city >= 0) {
            *city = c->sc->dateline_city;
            *country = c->ctx->cities[*city].country;
            return 1;
        }
        const dm_mention *m = mention_at(c, i);
        if (m && m->t0 == i && m->kind == MK_CADJ && is(c, m->t1, "capital") && i > c->t0 && is(c, i - 1, "the")) {
            *country = m->id;
            *city = c->ctx->countries[m->id].capital;
            return 1;
        }
    }
    return 0;
}

/* "In Kazakhstan, ...", "During his visit to Mongolia, ...": the sentence's opening names the place */
static int place_opening(const sent_ctx *c, int *city, int *country) {
    size_t comma = c->t0;
    while (comma < c->t1 && comma < c->t0 + 10 && !is(c, comma, ",")) comma++;
    if (comma >= c->t1 || !is(c, comma, ",")) return 0;
    if (!(is(c, c->t0, "in") || is(c, c->t0, "during") || is(c, c->t0, "at"))) return 0;
    for (size_t i = c->t0; i < comma; i++) {
        if (!(is(c, i, "in") || is(c, i, "to"))) continue;
        const dm_mention *m = mention_at(c, i + 1);
        if (!m || m->t0 != i + 1) continue;
        if (m->kind == MK_COUNTRY) {
            *country = m->id;
            *city = -1;
            return 1;
        }
        if (m->kind == MK_CITY) {
            *city = m->id;
            *country = c->ctx->cities[m->id].country;
            return 1;
        }
    }
    return 0;
}

/* Is the event's trigger sentence inside a quotation (background in a quoted speech)? */
static int in_quotes(const sent_ctx *c, const dm_event *e) {
    (void)e;
    int open = 0;
    for (size_t i = c->t0; i < c->t1; i++) {
        const char *f = FW(c, i);
        if (dm_eq(f, "\xe2\x80\x9c")) open = 1;
        else if (dm_eq(f, "\xe2\x80\x9d")) open = 0;
        else if (dm_eq(f, "\"")) open = !open;
    }
    /* a sentence that opens or closes a quote, or ends with "he said" */
    const char *first = FW(c, c->t0);
    int quoted_start = dm_eq(first, "\"") || dm_eq(first, "\xe2\x80\x9c");
    return quoted_start || open || (c->t->v[c->t0].flags & TF_NL && dm_eq(first, "\xe2\x80\x9c"));
}

static int mention_is_pronoun(const sent_ctx *c, const pref *p) {
    const dm_mention *m = mention_at(c, p->t0);
    return m && m->kind == MK_PRONOUN;
}

/* "on the sidelines of", "on the margin of" at i (ASIDE_WORDS; a bit test, as new_event asks at every token) */
static int aside_of_at(const sent_ctx *c, size_t i) { return (WCB(c, i) & WC_ASIDE) && is(c, i + 1, "of"); }

/* "on the margins of the UN General Assembly": a gathering named as the backdrop */
static int backdrop(const sent_ctx *c, const dm_event *e) {
    for (size_t i = c->t0; i + 2 < c->t1; i++)
        if (aside_of_at(c, i)) {
            for (size_t j = i + 2; j < c->t1 && j < i + 10; j++) {
                const dm_mention *m = mention_at(c, j);
                if (m && m->kind == MK_ORG && m->id == e->org) return 1;
            }
        }
    return 0;
}

/* ---- building events ---- */

/* Does a region of a state open at token i ("State of", "Province of", "Oblast of")? */
static int region_of_at(const sent_ctx *c, size_t i) {
    static const char *const REGIONS[] = {"state", "province", "region", "oblast", "emirate", "prefecture",
                                          "governorate", NULL};
    return is(c, i + 1, "of") && dm_word_in(REGIONS, FW(c, i));
}

/* "met in Tonga", "was held in Kazakhstan", "the summit in Malta": a state right after the
 * trigger, or after the verb that holds it, is where it took place (elsewhere "in Kazakhstan"
 * is as often an economy or a war as a place). */
static int state_after_verb(const sent_ctx *c, const trigger *tr, int *country) {
    static const char *const HOLDING[] = {"met", "meet", "meets", "held", "hold", "convened", "gathered", "opened",
                                          "place", "assembled", NULL};
    for (size_t i = c->t0 + 1; i + 1 < c->t1; i++) {
        if (!is(c, i, "in") || !(i == tr->end || dm_word_in(HOLDING, FW(c, i - 1)))) continue;
        size_t j = i + 1 + is(c, i + 1, "the");
        const dm_mention *m = mention_at(c, j);
        if (m && m->t0 == j && m->kind == MK_COUNTRY && !is(c, m->t1, "'s")) {
            *country = m->id;
            return 1;
        }
    }
    return 0;
}

/* "Earlier in the day, A and B held a meeting": the day of the story's last dated event
 * before this sentence, when the sentence opens so; "On the sidelines of the meeting": the
 * day of the gathering told before; NULL otherwise. */
static const dm_event *same_day_as(const sent_ctx *c) {
    size_t i = c->t0;
    if (is(c, i, "on") || is(c, i, "and")) i++;
    int opens = ((is(c, i, "earlier") || is(c, i, "later")) &&
                 ((is(c, i + 1, "in") && is(c, i + 2, "the") && (is(c, i + 3, "day") || is(c, i + 3, "evening"))) ||
                  (is(c, i + 1, "that") && (is(c, i + 2, "day") || is(c, i + 2, "evening"))) ||
                  (is(c, i + 1, "on") && is(c, i + 2, "the") && is(c, i + 3, "same") && is(c, i + 4, "day")))) ||
                ((is(c, i, "the") || is(c, i, "that")) && is(c, i + 1, "same") && is(c, i + 2, "day")) ||
                (is(c, i, "that") && is(c, i + 1, "evening"));
    const dm_extraction *x = X(c);
    if (!opens) {
        /* "On the sidelines of the meeting, A met B": the gathering told before, on its day */
        size_t k = i + is(c, i, "the");
        if (!((is(c, k, "sidelines") || is(c, k, "margins")) && is(c, k + 1, "of") &&
              (is(c, k + 2, "the") || is(c, k + 2, "this"))))
            return NULL;
        const dm_mention *named = mention_at(c, k + 3);
        int org = named && named->kind == MK_ORG ? named->id : -1;
        for (size_t j = x->nevents; j-- > c->sc->first_event;) {
            const dm_event *e = &x->events[j];
            if (e->sent >= c->s || e->dropped || e->kind != EV_MULTILATERAL || (org >= 0 && e->org != org)) continue;
            return e->date_explicit && e->date.from.d && !e->date.to.y ? e : NULL;
        }
        return NULL;
    }
    for (size_t k = x->nevents; k-- > c->sc->first_event;) {
        const dm_event *e = &x->events[k];
        if (e->sent >= c->s) continue;
        if (!e->dropped && e->date_explicit && e->date.from.d && !e->date.to.y) return e;
    }
    return NULL;
}

static dm_event *new_event(sent_ctx *c, uint8_t kind, const trigger *tr) {
    dm_event e = {0};
    e.kind = kind;
    e.city = e.country = e.org = -1;
    e.host_person = -1;
    e.ref_event = -1;
    e.set_city = c->sc->setting_city;
    e.set_country = c->sc->setting_country;
    for (size_t i = c->t0; i + 1 < c->t1; i++)
        if (aside_of_at(c, i)) e.third_place = 1;
    /* "to the State of Chiapas": a region of the state is named, so the event is not in its capital */
    for (size_t i = c->t0 + 1; i + 1 < c->t1; i++)
        if ((c->t->v[i].flags & TF_CAP) && is(c, i - 1, "the") && region_of_at(c, i)) e.regional = 1;
    /* "in the Amazon border city of Leticia": a place the lexicon does not know, so not the capital either */
    for (size_t i = c->t0 + 2; i < c->t1; i++)
        if ((c->t->v[i].flags & TF_CAP) && is(c, i - 1, "of") &&
            (is(c, i - 2, "city") || is(c, i - 2, "town") || is(c, i - 2, "port") || is(c, i - 2, "village") ||
             is(c, i - 2, "resort")) &&
            !mention_at(c, i))
            e.regional = 1;
    e.story = c->sc->ms.story;
    e.sent = (uint32_t)c->s;
    int led = led_up_to(c, tr);
    e.status = (uint8_t)status_of(c, tr, led);
    const dm_tokens *t = c->t;
    e.evidence[0] = (dm_span){t->v[c->t0].start, t->v[c->t1 - 1].end};
    e.nevidence = 1;
    int dk;
    const dm_event *day_of = NULL;
    if (led == 2) {
        /* undated: the clause's date is the lead-up's */
    } else if (date_near(c, tr->at, e.status == ST_PLANNED, &e.date, &dk)) e.date_explicit = 1;
    else if ((day_of = same_day_as(c))) {
        e.date = (dm_dspan){day_of->date.from, {0, 0, 0}};
        e.date_explicit = 1;
    } else if (c->sc->carry_date.from.y && e.status == ST_OCCURRED) {
        e.date = c->sc->carry_date;
        e.date_explicit = 1;
    }
    /* "... will also take her to Astana on 21 February" in a story of 19 February: what is dated
     * days after the story's own date has not happened yet, whatever the verb's tense */
    if (e.status == ST_OCCURRED && e.date_explicit && e.date.from.d && c->sc->date.d &&
        dm_days(e.date.from) >= dm_days(c->sc->date) + 2)
        e.status = ST_PLANNED;
    int city = -1, country = -1;
    /* "talks in Warsaw ahead of the Council in Vienna": a meeting named by a noun is where the
     * place right after it says, before the sentence's first place */
    if ((tr->form == TR_NOUN && place_after_prep(c, tr->at + 1, tr->at + 3, &city, &country, 0)) ||
        place_after_prep(c, c->t0, c->t1, &city, &country, 0) || place_words(c, &city, &country) ||
        place_opening(c, &city, &country) || state_after_verb(c, tr, &country)) {
        e.city = city;
        e.country = country;
        e.loc_explicit = 1;
    } else if (day_of && day_of->loc_explicit && day_of->kind != EV_VISIT && day_of->city >= 0) {
        e.city = day_of->city; /* and, unless the sentence says otherwise, where that event was */
        e.country = day_of->country;
        e.loc_explicit = 1;
    }
    DM_VEC_PUSH(&c->doc->arena, X(c)->events, X(c)->nevents, X(c)->events_cap, e);
    return &X(c)->events[X(c)->nevents - 1];
}

static int org_near(const sent_ctx *c, size_t at, size_t before, size_t after) {
    int best = -1;
    long bd = 1 << 30;
    size_t a = at > c->t0 + before ? at - before : c->t0;
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->kind != MK_ORG || m->t1 <= a || m->t0 > at + after) continue;
        long d = m->t0 <= at && at < m->t1 ? 0 : (long)m->t0 - (long)at;
        if (d < 0) d = -d + 1;
        if (d < bd) bd = d, best = m->id;
    }
    return best;
}

static size_t countries_after(const sent_ctx *c, size_t from, int *out, size_t max) {
    size_t n = 0;
    /* "a session on the situation in Sudan and South Sudan": what follows is the subject, not the parties */
    size_t stop = c->t1;
    for (size_t k = from; k + 1 < c->t1 && stop == c->t1; k++)
        if ((is(c, k, "situation") || is(c, k, "crisis") || is(c, k, "conflict") || is(c, k, "war") ||
             is(c, k, "developments") || is(c, k, "settlement")) &&
            (is(c, k + 1, "in") || is(c, k + 1, "on") || is(c, k + 1, "around") || is(c, k + 1, "between")))
            stop = k;
    for (size_t k = 0; k < c->ms->n && n < max; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->t0 < from || m->t0 >= stop || (m->kind != MK_COUNTRY && m->kind != MK_CADJ)) continue;
        int dup = 0;
        for (size_t j = 0; j < n; j++) dup |= out[j] == m->id;
        if (!dup) out[n++] = m->id;
    }
    return n;
}

/* The state of a delegation named before token `before` ("the Ugandan delegation", "the
 * delegation of Uganda"), or -1. */
static int delegation_state(const sent_ctx *c, size_t before) {
    for (size_t k = c->t0; k < before; k++) {
        if (!is(c, k, "delegation")) continue;
        const dm_mention *m = k > c->t0 ? mention_at(c, k - 1) : NULL;
        if (m && (m->kind == MK_CADJ || m->kind == MK_COUNTRY) && m->t1 == k) return m->id;
        size_t j = k + 1;
        if (is(c, j, "of")) j++;
        if (is(c, j, "the")) j++;
        m = j > k + 1 ? mention_at(c, j) : NULL;
        if (m && m->kind == MK_COUNTRY && m->t0 == j) return m->id;
    }
    return -1;
}

/* Meeting and call participants: subjects before the trigger, objects after with/by/between. */
/* Do the tokens [from, to) between two people of a list hold its comma: "," alone, or
 * after the first one's state ("President A of Kyrgyzstan, President B ...")? */
static int list_comma(const sent_ctx *c, size_t from, size_t to) {
    if (to == 0 || to <= from || !is(c, to - 1, ",")) return 0;
    size_t j = from;
    if (j + 1 < to && is(c, j, "of")) {
        j++;
        if (is(c, j, "the")) j++;
        const dm_mention *m = mention_at(c, j);
        if (!m || m->kind != MK_COUNTRY) return 0;
        j = m->t1;
    }
    return j + 1 == to;
}

/* "..., chaired by President X": the agent of a participle after the verb, not its object */
static int agent_of_participle(const sent_ctx *c, size_t t0) {
    if (t0 < c->t0 + 2 || !is(c, t0 - 1, "by")) return 0;
    return is(c, t0 - 2, "chaired") || is(c, t0 - 2, "hosted") || is(c, t0 - 2, "headed") || is(c, t0 - 2, "led") ||
           is(c, t0 - 2, "presided") || is(c, t0 - 2, "opened") || is(c, t0 - 2, "moderated");
}

static void people_of(sent_ctx *c, const trigger *tr, pref *ps, size_t np, int *subj, size_t *nsubj, int *obj,
                      size_t *nobj) {
    *nsubj = *nobj = 0;
    /* objects */
    size_t from = tr->end;
    int have_prep = 0;
    for (size_t k = tr->at; k < c->t1 && k < tr->at + 8; k++) {
        /* "received X with an official ceremony": a verb's object comes before any preposition */
        int object_first = 0;
        for (size_t j = 0; j < np && tr->form == TR_VERB && tr->kind != EV_CALL; j++)
            object_first |= ps[j].t0 == k && k > tr->at && !ps[j].pronoun;
        if (object_first) break;
        if (is(c, k, "with") || is(c, k, "by") || is(c, k, "between") || (is(c, k, "on") && (is(c, tr->at, "courtesy") || tr->call_on)) ||
            (is(c, k, "from") && tr->kind == EV_CALL)) {
            from = k + 1;
            have_prep = 1;
            break;
        }
    }
    if (have_prep || tr->received || tr->form == TR_VERB) {
        int first = 1;
        for (size_t k = 0; k < np; k++) {
            if (ps[k].t0 < from) continue;
            if (ps[k].pronoun && ps[k].possessive) continue; /* "with his counterpart" */
            if (!have_prep && tr->form == TR_VERB && !tr->passive && agent_of_participle(c, ps[k].t0)) break;
            if (!first && followed_by_verb(c, &ps[k])) break;
            if (!first) {
                /* only a list goes on: separators and titles between */
                int ok = 1;
                for (size_t j = ps[k - 1].t1; j < ps[k].t0; j++) {
                    const char *f = FW(c, j);
                    if (dm_eq(f, ",") || dm_eq(f, "and") || dm_eq(f, "as") || dm_eq(f, "well")) continue;
                    if (c->t->v[j].kind == TK_WORD && (c->t->v[j].flags & (TF_CAP | TF_UPPER))) continue;
                    if (dm_eq(f, "the") || dm_eq(f, "of") || dm_eq(f, "for") || dm_eq(f, "'s") ||
                        dm_eq(f, "(") || dm_eq(f, ")") || dm_eq(f, "-") || dm_eq(f, "\xe2\x80\x93") ||
                        dm_eq(f, "\xe2\x80\x94") || dm_eq(f, "two") || dm_eq(f, "in"))
                        continue;
                    if (c->t->v[j].kind == TK_WORD && (c->t->v[j].flags & TF_LOWER)) {
                        /* lower-case words inside a title ("chambers", "parliamentary") */
                        const dm_mention *m = mention_at(c, j);
                        if (!m) {
                            ok = 0;
                            break;
                        }
                        continue;
                    }
                    ok = 0;
                    break;
                }
                if (!ok) break;
            }
            if (!ps[k].possessive || tr->kind != EV_VISIT) obj[(*nobj)++] = ps[k].person;
            first = 0;
            if (*nobj >= 8) break;
        }
    }
    /* "a telephone conversation between A and B": the pair is all of it */
    if (have_prep && from > c->t0 && is(c, from - 1, "between") && *nobj >= 2) return;
    /* "... and held talks with Y": the second verb of the sentence's subject */
    int coordinated = 0;
    for (size_t k = tr->at; k > c->t0 && k + 4 > tr->at; k--)
        if (is(c, k - 1, "and")) {
            int verb_between = 0;
            for (size_t j = k; j < tr->at; j++)
                verb_between |= is(c, j, "held") || is(c, j, "had") || is(c, j, "also") || is(c, j, "then") ||
                                is(c, j, "pay") || is(c, j, "paid") || is(c, j, "pays") || is(c, j, "hold") ||
                                is(c, j, "holds") || is(c, j, "make") || is(c, j, "made");
            coordinated = verb_between || k == tr->at;
            break;
        }
    if (coordinated && tr->form == TR_NOUN) {
        for (size_t k = 0; k < np; k++)
            if (ps[k].t1 <= tr->at && !(ps[k].pronoun && ps[k].possessive)) {
                int dup = 0;
                for (size_t j = 0; j < *nobj; j++) dup |= obj[j] == ps[k].person;
                if (!dup) {
                    subj[(*nsubj)++] = ps[k].person;
                    return;
                }
            }
    }
    /* subjects: the nearest person before the trigger, with its coordinated partner */
    /* people of the sentence without possessive pronouns, for coordination */
    pref real[24];
    size_t nr = 0;
    for (size_t k = 0; k < np && nr < 24; k++)
        if (!(ps[k].pronoun && ps[k].possessive)) real[nr++] = ps[k];
    ps = real;
    np = nr;
    for (size_t k = np; k-- > 0;) {
        if (ps[k].t1 > tr->at) continue;
        int dup = 0;
        for (size_t j = 0; j < *nobj; j++) dup |= obj[j] == ps[k].person;
        if (dup) continue;
        subj[(*nsubj)++] = ps[k].person;
        /* "A and B held talks", "A and the B held" */
        size_t before = ps[k].t0 - 1;
        if ((is(c, before, "the") || is(c, before, "his") || is(c, before, "her") || is(c, before, "their")) &&
            before > c->t0)
            before--;
        int partner = 0;
        if (k > 0 && ps[k - 1].t1 <= before && is(c, before, "and") && ps[k - 1].t1 + 1 >= before)
            partner = 1;
        else if (k > 0 && is(c, before, "and")) {
            /* "A, Title of X and Title B": the partner is the person before "and" */
            for (size_t j = ps[k - 1].t1; j < ps[k].t0 && !partner; j++) partner = is(c, j, "and");
        }
        if (partner) {
            subj[(*nsubj)++] = ps[k - 1].person;
            /* "A, B and C met", "President A of X, President B of Y and ...": the list goes on back */
            for (size_t m = k - 1; m > 0 && *nsubj < 8 && list_comma(c, ps[m - 1].t1, ps[m].t0); m--) {
                int seen = 0;
                for (size_t j = 0; j < *nsubj; j++) seen |= subj[j] == ps[m - 1].person;
                for (size_t j = 0; j < *nobj; j++) seen |= obj[j] == ps[m - 1].person;
                if (!seen) subj[(*nsubj)++] = ps[m - 1].person;
            }
        }
        break;
    }
    /* no subject before: the first other person of the sentence ("At the meeting with X, Y addressed ...") */
    if (!*nsubj) {
        for (size_t k = 0; k < np; k++) {
            int dup = 0;
            for (size_t j = 0; j < *nobj; j++) dup |= obj[j] == ps[k].person;
            if (!dup) {
                subj[(*nsubj)++] = ps[k].person;
                break;
            }
        }
    }
    if (*nsubj == 1 && !*nobj) {
        for (size_t k = 0; k + 1 < np; k++)
            if (ps[k].person == subj[0] && ps[k].t1 < ps[k + 1].t0 && is(c, ps[k + 1].t0 - 1, "and") &&
                ps[k + 1].person != subj[0] && !(ps[k + 1].pronoun && ps[k + 1].possessive))
                subj[(*nsubj)++] = ps[k + 1].person;
    }
    /* "The Ugandan delegation was received by X": the delegation stands for its head, the
     * latest person of its state in the story */
    if (!*nsubj) {
        int state = delegation_state(c, tr->at);
        int head = state >= 0 ? dm_people_find_title(c->doc, c->sc->ms.story, 0, state, -1, -1) : -1;
        int dup = 0;
        for (size_t j = 0; j < *nobj; j++) dup |= obj[j] == head;
        if (head >= 0 && !dup) subj[(*nsubj)++] = head;
    }
    int unnamed_subject = 0;
    for (size_t k = 0; k < c->ms->n; k++)
        if (c->ms->v[k].kind == MK_TITLE && !c->ms->v[k].plural && c->ms->v[k].t1 <= tr->at) unnamed_subject = 1;
    if (!*nsubj && c->sc->focus_person >= 0 && !unnamed_subject) {
        int dup = 0;
        for (size_t j = 0; j < *nobj; j++) dup |= obj[j] == c->sc->focus_person;
        if (!dup) subj[(*nsubj)++] = c->sc->focus_person;
    }
}

static int distinct_sides(const sent_ctx *c, int a, int b) {
    if (a == b) return 0;
    const dm_person *x = person(c, a), *y = person(c, b);
    (void)x;
    (void)y;
    return 1;
}

/* The people a plural title refers to: the story's people of its rank (and states). */
static size_t plural_referents(const sent_ctx *c, const dm_mention *m, int *out, size_t max) {
    size_t n = 0;
    for (size_t p = 0; p < X(c)->npeople && n < max; p++) {
        const dm_person *q = &X(c)->people[p];
        if (q->story != c->sc->ms.story || q->anonymous) continue;
        /* "the two leaders" are heads of state or of government */
        int leaders = m->role == R_HEAD_OF_STATE && (c->ctx->titles[m->id].flags & TT_GENERIC) &&
                      q->role == R_HEAD_OF_GOVERNMENT;
        if (m->role && q->role != m->role && !(m->role == R_MINISTER && q->role == R_FOREIGN_MINISTER) && !leaders)
            continue;
        out[n++] = (int)p;
    }
    return n;
}

/* "The two ministers held official talks in Vienna": the story's two people of that rank. */
static int pair_by_title(sent_ctx *c, const trigger *tr, uint8_t kind) {
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->kind != MK_TITLE || !m->plural || m->t1 > tr->at || m->country >= 0 || m->org >= 0) continue;
        if (!(m->t0 > c->t0 && (is(c, m->t0 - 1, "two") || is(c, m->t0 - 1, "both")))) continue;
        int who[3];
        if (plural_referents(c, m, who, 3) != 2) continue;
        dm_event *e = new_event(c, kind, tr);
        add_part(e, P_PERSON, who[0]);
        add_part(e, P_PERSON, who[1]);
        return 1;
    }
    return 0;
}

/* "political consultations between the foreign ministries of Uzbekistan and Lithuania": two states
 * meet through officials the story may name later ("The Uzbek delegation was headed by ..."). */
static void states_meeting(sent_ctx *c, const trigger *tr, uint8_t kind) {
    size_t from = tr->end;
    while (from < c->t1 && from < tr->end + 3 && !is(c, from, "between")) from++;
    if (!is(c, from, "between")) return;
    /* that it takes place, not "negotiations between A and B have stalled" */
    int happens = 0;
    for (size_t k = c->t0; k < c->t1; k++)
        happens |= is(c, k, "held") || is(c, k, "hosted") || is(c, k, "hosts") || is(c, k, "round") ||
                   is(c, k, "place") || is(c, k, "convened") || is(c, k, "hold");
    if (!happens) return;
    int countries[4];
    size_t nc = countries_after(c, from, countries, 4);
    if (nc != 2 || countries[0] == countries[1]) return;
    dm_event *e = new_event(c, kind, tr);
    add_part(e, P_COUNTRY, countries[0]);
    add_part(e, P_COUNTRY, countries[1]);
    e->of_states = 1;
    /* "Tashkent hosted the third round of ..." */
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->kind == MK_CITY && m->t1 < tr->at && (is(c, m->t1, "hosted") || is(c, m->t1, "hosts"))) {
            e->city = m->id;
            e->country = c->ctx->cities[m->id].country;
            e->loc_explicit = 1;
        }
    }
}

/* "It was agreed that the next round of consultations would be held in Yerevan": the states of the
 * story's meeting in focus meet again. Returns whether it made the event. */
static int meet_again(sent_ctx *c, const trigger *tr, uint8_t kind);

static int next_round(sent_ctx *c, const trigger *tr, uint8_t kind) {
    int next = 0;
    for (size_t k = tr->at; k > c->t0 && k + 4 > tr->at; k--) next |= is(c, k - 1, "next");
    /* "agreed to meet again in Montevideo in September" */
    next |= tr->form == TR_VERB && is(c, tr->at + 1, "again");
    return next && meet_again(c, tr, kind);
}

/* The states of the story's event in focus (a meeting or an agreement of two) meet at tr. */
static int meet_again(sent_ctx *c, const trigger *tr, uint8_t kind) {
    /* the event in focus, else the story's latest meeting or agreement */
    long at = c->sc->focus_event;
    for (size_t k = X(c)->nevents; at < 0 && k-- > c->sc->first_event;)
        if (!X(c)->events[k].dropped && (X(c)->events[k].kind == EV_MEETING || X(c)->events[k].kind == EV_AGREEMENT))
            at = (long)k;
    if (at < 0) return 0;
    const dm_event *was = &X(c)->events[at];
    if ((was->kind != EV_MEETING && was->kind != EV_AGREEMENT) || was->nparts < 2) return 0;
    dm_part parts[DM_MAX_PARTS];
    int n = was->nparts;
    memcpy(parts, was->parts, sizeof parts);
    dm_event *e = new_event(c, kind, tr); /* may move the events: `was` is not used after this */
    for (int j = 0; j < n; j++) add_part(e, parts[j].kind, parts[j].id);
    e->as_states = 1; /* the people become their states once their states are known */
    e->of_states = 1;
    return 1;
}

static void build_multilateral(sent_ctx *c, const trigger *tr, pref *ps, size_t np, int org_hint);

/* The distinct people named (not by pronouns) before token at, in order, at most max. */
static size_t named_before(const pref *ps, size_t np, size_t at, int *out, size_t max) {
    size_t n = 0;
    for (size_t k = 0; k < np && n < max; k++) {
        if (ps[k].t1 > at || ps[k].pronoun) continue;
        int dup = 0;
        for (size_t j = 0; j < n; j++) dup |= out[j] == ps[k].person;
        if (!dup) out[n++] = ps[k].person;
    }
    return n;
}

/* A side named by an office and its state ("the foreign ministers of A and B"): the person the
 * story knows by that title and state, else the state. */
static void add_side(sent_ctx *c, dm_event *e, int role, int state) {
    int p = dm_people_find_title(c->doc, c->sc->ms.story, role, state, -1, -1);
    if (p >= 0) add_part(e, P_PERSON, p);
    else add_part(e, P_COUNTRY, state);
}

/* "The foreign ministers of Kazakhstan and Uzbekistan met", "Kazakh and Uzbek leaders held
 * talks": officials named as a group of two or more states, as the subject. Each side is the
 * person the story knows by that title and state, else the state. Returns whether it made one. */
static int group_of_states_meets(sent_ctx *c, const trigger *tr, uint8_t kind) {
    /* "the leaders of Colombia, Peru and Chile met in Lima for a summit of the Pacific Alliance":
     * the organization's event tells it */
    for (size_t j = 0; j < c->ms->n; j++)
        if (c->ms->v[j].kind == MK_ORG) return 0;
    for (size_t j = 0; j < c->ms->n; j++) {
        const dm_mention *m = &c->ms->v[j];
        size_t reach = kind == EV_CALL ? 12 : 6; /* "... discussed the situation in Gaza by phone" */
        if (m->kind != MK_TITLE || !m->plural || m->t0 >= tr->at || m->t1 + reach < tr->at || m->org >= 0) continue;
        size_t from = m->t0 > c->t0 + 4 ? m->t0 - 4 : c->t0;
        int states[8];
        size_t n = 0;
        for (size_t q = 0; q < c->ms->n && n < 8; q++) {
            const dm_mention *x = &c->ms->v[q];
            if (x->kind == MK_PERSON && x->t0 >= m->t1 && x->t0 < tr->at) return 0; /* a name of its own between */
            if ((x->kind != MK_COUNTRY && x->kind != MK_CADJ) || x->t0 < from || x->t1 > m->t1) continue;
            int dup = 0;
            for (size_t k = 0; k < n; k++) dup |= states[k] == x->id;
            if (!dup) states[n++] = x->id;
        }
        if (n < 2) continue;
        dm_event *e = new_event(c, kind, tr);
        e->of_states = 1; /* the sides may all be states: kept though nobody is named */
        for (size_t k = 0; k < n; k++) {
            add_side(c, e, m->role, states[k]);
        }
        return 1;
    }
    return 0;
}

static void build_meeting(sent_ctx *c, const trigger *tr, pref *ps, size_t np, uint8_t kind) {
    int subj[8], obj[8];
    size_t ns, no;
    people_of(c, tr, ps, np, subj, &ns, obj, &no);
    /* "X discussed Gaza with Y by phone", "X briefed Y over the phone": everyone named before it */
    if (tr->by_phone && ns + no < 2) {
        int sides[8];
        size_t n = named_before(ps, np, tr->at, sides, 8);
        if (n >= 2) {
            dm_event *e = new_event(c, kind, tr);
            for (size_t k = 0; k < n; k++) add_part(e, P_PERSON, sides[k]);
            return;
        }
    }
    /* "The commission met under the co-chairmanship of A and B": the chairs meet */
    size_t chairs_at = tr->form == TR_VERB ? co_chairs_from(c, tr->end) : 0;
    if (chairs_at) {
        int chairs[2];
        size_t nch = 0;
        for (size_t k = 0; k < np && nch < 2; k++)
            if (ps[k].t0 >= chairs_at && !ps[k].pronoun) chairs[nch++] = ps[k].person;
        if (nch == 2 && chairs[0] != chairs[1]) {
            dm_event *e = new_event(c, kind, tr);
            add_part(e, P_PERSON, chairs[0]);
            add_part(e, P_PERSON, chairs[1]);
        }
        return;
    }
    /* "G20 foreign ministers met in Rio": the organization's meeting */
    int body = tr->form == TR_VERB && !tr->passive && !no && kind == EV_MEETING ? org_body_before(c, tr->at) : -1;
    if (body >= 0 && !is(c, tr->at + 1, "with")) {
        build_multilateral(c, tr, ps, np, body);
        return;
    }
    if (tr->passive) {
        /* "X was received by Y": Y hosts */
        if (ns && no) {
            dm_event *e = new_event(c, kind, tr);
            for (size_t k = 0; k < ns; k++) add_part(e, P_PERSON, subj[k]);
            add_part(e, P_PERSON, obj[0]);
            e->host_received = 1;
            e->host_person = obj[0];
        }
        return;
    }
    if (no == 0) {
        /* "the trilateral dialogue with the foreign ministers of China, Pakistan, Afghanistan" */
        for (size_t k = 0; k < c->ms->n && ns >= 1; k++) {
            const dm_mention *m = &c->ms->v[k];
            if (m->kind != MK_TITLE || !m->plural || m->t0 < tr->end || m->t0 > tr->end + 3) continue;
            int countries[8];
            size_t nc = states_within(c, m, countries, 8);
            if (nc < 2) continue;
            dm_event *e = new_event(c, kind, tr);
            for (size_t j = 0; j < ns; j++) add_part(e, P_PERSON, subj[j]);
            for (size_t j = 0; j < nc; j++) {
                int has = 0;
                for (int q = 0; q < e->nparts; q++)
                    if (e->parts[q].kind == P_PERSON && X(c)->people[e->parts[q].id].country == countries[j]) has = 1;
                if (!has) add_side(c, e, m->role, countries[j]);
            }
            return;
        }
        /* "The two prime ministers last held talks in Kyiv, during Tusk's first visit": the pair,
         * not the one named after the verb */
        if (np > 0 && ns < 2 && pair_by_title(c, tr, kind)) return;
        if (ns >= 2) {
            dm_event *e = new_event(c, kind, tr);
            for (size_t k = 0; k < ns; k++) add_part(e, P_PERSON, subj[k]);
        } else if ((ns == 0 || np == 0) && group_of_states_meets(c, tr, kind)) { /* (a subject carried over is no name here) */
            return;
        } else if (np == 0 && tr->form == TR_NOUN) {
            /* nobody named in the sentence (a subject, if any, is the story's actor carried over) */
            if (next_round(c, tr, kind)) return;
            if (!pair_by_title(c, tr, kind) && ns == 0) states_meeting(c, tr, kind);
        } else if (np == 0) {
            /* "Both ministers agreed to meet again in Montevideo"; "The two leaders will meet at the palace" */
            if (!next_round(c, tr, kind)) pair_by_title(c, tr, kind);
        }
        return;
    }
    if (ns == 0) {
        if (no >= 2 && !tr->received) {
            dm_event *e = new_event(c, kind, tr);
            for (size_t k = 0; k < no; k++) add_part(e, P_PERSON, obj[k]);
        }
        return;
    }
    /* one event per counterpart: "will meet with President A, Prime Minister B and Foreign Minister C" */
    for (size_t k = 0; k < no; k++) {
        if (!distinct_sides(c, subj[0], obj[k])) continue;
        dm_event *e = new_event(c, kind, tr);
        for (size_t j = 0; j < ns; j++) add_part(e, P_PERSON, subj[j]);
        add_part(e, P_PERSON, obj[k]);
        if (tr->received) {
            e->host_received = 1;
            e->host_person = subj[0];
        }
    }
}


/* org_hint: the organization already known to convene (-1: the one named nearest the trigger) */
static int host_word(const sent_ctx *c, size_t i) {
    const char *f = FW(c, i);
    if (f[0] != 'h' || f[1] != 'o') return 0; /* most words, at once */
    return dm_eq(f, "host") || dm_eq(f, "hosts") || dm_eq(f, "hosted") || dm_eq(f, "hosting");
}

static void build_multilateral(sent_ctx *c, const trigger *tr, pref *ps, size_t np, int org_hint) {
    /* "the 38th Ordinary Session of the Assembly of Heads of State and Government of the African
     * Union": a chain of "of" reaches farther */
    int org = org_hint >= 0 ? org_hint : org_near(c, tr->at, 8, is(c, tr->at + 1, "of") ? 16 : 10);
    /* "the organization's informal summit", "the bloc's summit": the organization the sentence named before */
    for (size_t k = tr->at; org < 0 && k > c->t0 + 1 && k + 4 > tr->at; k--)
        if (is(c, k - 1, "'s") && (is(c, k - 2, "organization") || is(c, k - 2, "organisation") ||
                                   is(c, k - 2, "bloc") || is(c, k - 2, "alliance") || is(c, k - 2, "union"))) {
            for (size_t q = 0; q < c->ms->n; q++)
                if (c->ms->v[q].kind == MK_ORG && c->ms->v[q].t1 < k - 1) org = c->ms->v[q].id;
            break;
        }
    /* "the next summit" is the story's; "the next session of the X Council" is X's */
    if (org < 0 && tr->at > c->t0 + 1 && (is(c, tr->at - 1, "next") || is(c, tr->at - 1, "upcoming")) &&
        !is(c, tr->at + 1, "of"))
        for (size_t k = c->sc->first_event; k < X(c)->nevents && org < 0; k++)
            if (X(c)->events[k].kind == EV_MULTILATERAL) org = X(c)->events[k].org; /* "the next summit" of the story's */
    int countries[16];
    size_t nc = countries_after(c, tr->at, countries, 16);
    /* evidence that it happens: a participant, or "held", "took place" */
    int attested = np > 0;
    for (size_t i = c->t0; i < c->t1 && !attested; i++)
        if (is(c, i, "held") || is(c, i, "took") || is(c, i, "hold") || is(c, i, "convened") || is(c, i, "chaired") ||
            is(c, i, "met") || ((is(c, i, "take") || is(c, i, "takes")) && is(c, i + 1, "place")) || host_word(c, i) ||
            (is(c, i, "scheduled") && (is(c, i + 1, "for") || is(c, i + 1, "to"))))
            attested = 1;
    /* "preparations for the upcoming OTS summit in Istanbul": one that is to come */
    for (size_t i = tr->at > c->t0 + 4 ? tr->at - 4 : c->t0; i < tr->at && !attested; i++)
        if (is(c, i, "upcoming") || is(c, i, "forthcoming") || is(c, i, "preparations") || is(c, i, "preparation"))
            attested = 1;
    /* a group of officials attests it ("the leaders ..."), unless the trigger is only the last word
     * of the organization's own name ("trade with the Pacific Islands Forum members") */
    const dm_mention *own_name = mention_at(c, tr->at);
    int in_name = own_name && own_name->kind == MK_ORG && own_name->t0 < tr->at && own_name->t1 == tr->at + 1;
    for (size_t k = 0; k < c->ms->n && !in_name; k++)
        if (c->ms->v[k].kind == MK_TITLE && c->ms->v[k].plural) attested = 1;
    if (!attested) return;
    /* "The leaders of Russia, Iran and Turkey held a summit": the states of the group named before it */
    for (size_t k = 0; k < c->ms->n && org < 0 && nc < 3; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->kind != MK_TITLE || !m->plural || m->t1 > tr->at) continue;
        int group[16];
        size_t ng = states_within(c, m, group, 16);
        if (ng >= 3) {
            memcpy(countries, group, ng * sizeof *group);
            nc = ng;
        }
    }
    if (org < 0 && nc < 3) {
        /* a summit of two: a bilateral meeting of the pair's leaders */
        if (is(c, tr->at, "summit") || is(c, tr->at, "meeting")) {
            int sides[8];
            size_t n = 0;
            for (size_t k = 0; k < c->ms->n; k++) {
                const dm_mention *m = &c->ms->v[k];
                if (m->kind == MK_TITLE && m->plural) {
                    for (size_t p = 0; p < X(c)->npeople && n < 8; p++) {
                        const dm_person *q = &X(c)->people[p];
                        if (q->story == c->sc->ms.story && !q->anonymous && q->role == m->role) sides[n++] = (int)p;
                    }
                }
            }
            if (n == 2) {
                dm_event *e = new_event(c, EV_MEETING, tr);
                add_part(e, P_PERSON, sides[0]);
                add_part(e, P_PERSON, sides[1]);
            }
        }
        /* "the next session of the High-Level Strategic Cooperation Council ... of Pakistan and ... of Türkiye" */
        if ((is(c, tr->at, "session") || is(c, tr->at, "meeting")) && is(c, tr->at + 1, "of") && (nc == 2 || nc == 0)) {
            int body = 0;
            for (size_t k = tr->at + 2; k < c->t1 && k < tr->at + 12; k++)
                if (is(c, k, "council") || is(c, k, "commission") || is(c, k, "committee") || is(c, k, "cabinet"))
                    body = 1;
            if (body && nc < 2) {
                /* "the inaugural session of the Joint Commission will be held in Rabat": the commission
                 * the story's two states set up meets */
                int joint = 0;
                for (size_t k = tr->at + 2; k < c->t1 && k < tr->at + 6; k++)
                    joint |= is(c, k, "joint") || is(c, k, "intergovernmental") || is(c, k, "bilateral");
                /* "the first meeting of the committee": the one the story just told of */
                joint |= is(c, tr->at + 2, "the") && (is(c, tr->at + 3, "committee") || is(c, tr->at + 3, "commission"));
                if (joint) meet_again(c, tr, EV_MEETING);
            } else if (body) {
                /* "A and B co-chaired the 5th meeting of the intergovernmental commission": the chairs meet */
                int chairs[2];
                size_t nch = named_before(ps, np, tr->at, chairs, 2);
                dm_event *e = new_event(c, EV_MEETING, tr);
                if (nch == 2) {
                    add_part(e, P_PERSON, chairs[0]);
                    add_part(e, P_PERSON, chairs[1]);
                } else {
                    add_part(e, P_COUNTRY, countries[0]);
                    add_part(e, P_COUNTRY, countries[1]);
                    e->of_states = 1;
                }
            }
        }
        return;
    }
    dm_event *e = new_event(c, EV_MULTILATERAL, tr);
    e->org = org;
    if (org >= 0) add_part(e, P_ORG, org);
    for (size_t k = 0; k < np; k++) {
        const char *prev = ps[k].t0 > c->t0 ? FW(c, ps[k].t0 - 1) : "";
        if (dm_eq(prev, "from") || dm_eq(prev, "to") || dm_eq(prev, "of")) continue;
        add_part(e, P_PERSON, ps[k].person);
    }
    if (org < 0) {
        for (size_t k = 0; k < nc; k++) {
            /* a state's leader already taking part stands for it */
            int has = 0;
            for (int j = 0; j < e->nparts; j++)
                if (e->parts[j].kind == P_PERSON && X(c)->people[e->parts[j].id].country == countries[k]) has = 1;
            if (!has) {
                int p = dm_people_find_title(c->doc, c->sc->ms.story, R_HEAD_OF_STATE, countries[k], -1, -1);
                if (p >= 0) add_part(e, P_PERSON, p);
                else add_part(e, P_COUNTRY, countries[k]);
            }
        }
    }
    /* plural titles: "the two ministers' participation" are the story's ministers;
     * "the leaders of Colombia, Peru and Chile" those states' leaders, or the states */
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if (m->kind != MK_TITLE || !m->plural || m->t0 > tr->at) continue;
        int states[8];
        size_t ns = states_within(c, m, states, 8);
        if (ns) {
            for (size_t j = 0; j < ns; j++) {
                int p = dm_people_find_title(c->doc, c->sc->ms.story, -1, states[j], -1, -1);
                if (p >= 0) add_part(e, P_PERSON, p);
                else add_part(e, P_COUNTRY, states[j]);
            }
            continue;
        }
        if (m->role == R_OFFICIAL) continue;
        int who[8];
        size_t n = plural_referents(c, m, who, 8);
        if (n <= 4)
            for (size_t j = 0; j < n; j++) add_part(e, P_PERSON, who[j]);
    }
    /* "India will host the Quad Leaders' Summit", "the summit that Peru is to host": the host state
     * takes part, and the summit is in it */
    for (size_t i = c->t0; i < c->t1; i++) {
        if (!host_word(c, i)) continue;
        int state = -1;
        for (size_t k = 0; k < c->ms->n; k++) {
            const dm_mention *m = &c->ms->v[k];
            /* the subject: a state just before the verb, past "will", "is to", "has" */
            if (m->kind == MK_COUNTRY && m->t1 <= i && m->t1 + 3 >= i) state = m->id;
        }
        if (state >= 0) {
            add_part(e, P_COUNTRY, state);
            if (e->country < 0 && e->city < 0) e->country = state;
        }
        break;
    }
}

static void build_visit(sent_ctx *c, const trigger *tr, pref *ps, size_t np) {
    /* destinations: states and cities after to/in/of the trigger, or the verb's objects */
    int dest_city[6], dest_country[6];
    size_t nd = 0;
    size_t i = tr->end;
    if (is(c, tr->at, "arrived") || is(c, tr->at, "arrives") || is(c, tr->at, "arrive")) i = tr->at + 1;
    size_t limit = i + 14;
    int seen_prep = tr->form == TR_VERB && !is(c, i, "to");
    int regional = 0;
    for (; i < c->t1 && i < limit && nd < 6; i++) {
        const char *f = FW(c, i);
        if (dm_eq(f, "to") || dm_eq(f, "in") || dm_eq(f, "at") || (dm_eq(f, "for") && i == tr->at + 1)) {
            seen_prep = 1;
            continue;
        }
        /* "a visit to the State of Chiapas, United Mexican States": a region's name, the place goes on */
        if (i > tr->end && (region_of_at(c, i - 1) || (is(c, i - 1, "city") && dm_eq(f, "of")))) {
            regional = 1;
            continue;
        }
        if ((dm_eq(f, "of") && !is(c, tr->at, "tour")) || dm_eq(f, "by")) {
            seen_prep = 0;
            continue;
        }
        if (dm_eq(f, "of")) {
            seen_prep = 1;
            continue;
        }
        const dm_mention *m = mention_at(c, i);
        if (!m) {
            /* a comma ends the destinations unless a list of places goes on */
            if (dm_eq(f, ",")) {
                const dm_mention *nx = mention_at(c, i + 1 + is(c, i + 1, "and"));
                if (!nx || (nx->kind != MK_CITY && nx->kind != MK_COUNTRY)) break;
                continue;
            }
            if (dm_eq(f, "and") || dm_eq(f, "the")) continue;
            if (c->t->v[i].kind == TK_WORD && (c->t->v[i].flags & TF_LOWER) && seen_prep && nd) break;
            continue;
        }
        /* "arrived in the Turkish capital" */
        int capital_of = m->kind == MK_CADJ && is(c, m->t1, "capital");
        if (seen_prep && (m->kind == MK_CITY || m->kind == MK_COUNTRY || capital_of)) {
            int city = m->kind == MK_CITY ? m->id : capital_of ? c->ctx->countries[m->id].capital : -1;
            int country = m->kind == MK_CITY ? c->ctx->cities[m->id].country : m->id;
            /* "Kigali, Rwanda": one place */
            if (nd && dest_city[nd - 1] >= 0 && city < 0 && dest_country[nd - 1] == country) {
                i = m->t1 - 1;
                continue;
            }
            dest_city[nd] = city;
            dest_country[nd] = country;
            nd++;
        }
        i = m->t1 - 1;
    }
    /* "Singapore will host X for a state visit": the host's place, when no other is said */
    for (size_t k = c->t0 + 1; nd == 0 && k < tr->at; k++) {
        if (!host_word(c, k)) continue;
        for (size_t q = 0; q < c->ms->n; q++) {
            const dm_mention *m = &c->ms->v[q];
            if ((m->kind != MK_CITY && m->kind != MK_COUNTRY) || m->t1 > k || m->t1 + 2 < k) continue;
            dest_city[0] = m->kind == MK_CITY ? m->id : -1;
            dest_country[0] = m->kind == MK_CITY ? c->ctx->cities[m->id].country : m->id;
            nd = 1;
        }
    }
    /* visitor */
    int visitors[4];
    size_t nv = 0;
    int invited = 0, possessed = 0;
    size_t inviter_at = 0, inviter_end = 0; /* "the invitation of X": X does not travel */
    for (size_t k = c->t0; k < tr->at; k++) {
        if (!(is(c, k, "invitation") || is(c, k, "invited") || is(c, k, "invite"))) continue;
        /* "accepted the invitation of X to visit": X invites, the subject visits; so does one who
         * "accepted an invitation to pay a state visit" */
        int accepted = k > c->t0 + 1 && (is(c, k - 2, "accepted") || is(c, k - 1, "accepted"));
        if (is(c, k + 1, "of") || is(c, k + 1, "from") || accepted) {
            invited = 0;
            inviter_at = k + 1;
            /* "At the invitation of X, Y will pay ...": the inviter's words end at the comma */
            inviter_end = tr->at;
            for (size_t j = k + 1; j < tr->at; j++)
                if (is(c, j, ",")) {
                    inviter_end = j;
                    break;
                }
        } else {
            invited = (int)k + 1;
        }
    }
    /* "an invitation from X to Y to pay a state visit": Y is invited */
    for (size_t k = 0; inviter_at && !tr->taken && k < np && !nv; k++) {
        size_t before = ps[k].t0 - (ps[k].t0 > inviter_at && is(c, ps[k].t0 - 1, "the"));
        if (ps[k].t0 > inviter_at && ps[k].t1 < tr->at && before > inviter_at && is(c, before - 1, "to") &&
            is(c, ps[k].t1, "to") && !ps[k].pronoun)
            visitors[nv++] = ps[k].person;
    }
    for (size_t k = 0; tr->taken && k < np && !nv; k++)
        if (ps[k].t0 == tr->at + 1 || (ps[k].t0 == tr->at + 2 && is(c, tr->at + 1, "the"))) visitors[nv++] = ps[k].person;
    if (tr->taken && !nv) return;
    for (size_t k = 0; !tr->taken && k < np && nv < 4; k++) {
        const pref *p = &ps[k];
        if (invited && p->t0 >= (size_t)invited && p->t1 <= tr->at) {
            visitors[nv++] = p->person; /* "an invitation to X to visit" */
            break;
        }
        /* "During his visit to X, Minister Y will meet": the subject after the comma */
        if (p->possessive && c->ms->v[0].kind != 0 && p->t1 + 4 >= tr->at && p->t1 <= tr->at &&
            (is(c, c->t0, "during") || is(c, c->t0, "in") || is(c, c->t0, "on")) && p->t0 < c->t0 + 3) {
            const dm_mention *pm = mention_at(c, p->t0);
            if (pm && pm->kind == MK_PRONOUN) {
                for (size_t j = k + 1; j < np; j++)
                    if (ps[j].t0 > tr->at) {
                        visitors[nv++] = ps[j].person;
                        break;
                    }
                if (nv) break;
            }
        }
        /* "the visit of/by X", "X's visit", "visit paid by X" */
        if (p->possessive && p->t1 + 2 >= tr->at && p->t1 <= tr->at && !mention_is_pronoun(c, p)) possessed = 1;
        if ((p->t0 >= tr->end && p->t0 <= tr->end + 3 &&
             (is(c, p->t0 - 1, "by") || is(c, p->t0 - 1, "of") || is(c, p->t0 - 2, "by") || is(c, p->t0 - 2, "of"))) ||
            (p->possessive && p->t1 + 4 >= tr->at && p->t1 <= tr->at)) {
            visitors[nv++] = p->person;
            break;
        }
    }
    for (size_t k = tr->at; !nv && k > c->t0 && k + (inviter_at ? 10 : 6) > tr->at; k--)
        if (is(c, k - 1, "who")) {
            for (size_t j = np; j-- > 0;)
                if (ps[j].t1 < k) {
                    visitors[nv++] = ps[j].person;
                    break;
                }
        }
    /* "X will fly to Tokyo for talks with Y before travelling to Manila": the main clause's subject */
    if (!nv && !invited && tr->form == TR_VERB && tr->at > c->t0 + 1 && gerund_after_conjunction(c, tr->at))
        for (size_t k = 0; k < np && !nv; k++)
            if (ps[k].t1 <= tr->at && !ps[k].possessive) visitors[nv++] = ps[k].person;
    if (!nv && !invited) {
        /* the subject: the nearest person before the trigger, and its "and" partner */
        for (size_t k = np; k-- > 0;) {
            if (ps[k].t1 > tr->at) continue;
            if (inviter_at && ps[k].t0 >= inviter_at && ps[k].t0 < inviter_end) continue;
            /* "X and his spouse will pay a visit": a possessive is no traveller of its own */
            if (ps[k].pronoun && ps[k].possessive) continue;
            visitors[nv++] = ps[k].person;
            size_t before = ps[k].t0 - 1;
            if (is(c, before, "the") && before > c->t0) before--;
            if (k > 0 && is(c, before, "and") && ps[k - 1].t1 <= before && ps[k - 1].person != ps[k].person)
                visitors[nv++] = ps[k - 1].person;
            break;
        }
        /* "This visit is ...", "the visit will ...": told before, not a new visit */
        if (!nv && tr->form == TR_NOUN && tr->at > c->t0 &&
            (is(c, tr->at - 1, "this") || is(c, tr->at - 1, "the") || is(c, tr->at - 1, "that")))
            return;
        /* "During his visit to X, Minister Y ...": the main clause's subject */
        if (!nv) {
            for (size_t k = 0; k < np; k++)
                if (ps[k].t0 >= tr->end) {
                    visitors[nv++] = ps[k].person;
                    break;
                }
        }
    }
    if (!nv) return;
    if (tr->plural) {
        /* "visits to X by the Turkish president": generic, unless a subject before the word made them */
        int subject = 0;
        for (size_t k = 0; k < np; k++)
            for (size_t v = 0; v < nv; v++)
                if (ps[k].person == visitors[v] && ps[k].t1 <= tr->at && !person(c, visitors[v])->anonymous) subject = 1;
        if (!subject) return;
    }
    if (!nd && !tr->typed && !possessed) return;
    for (size_t v = 0; v < nv; v++) {
        for (size_t d = 0; d < (nd ? nd : 1); d++) {
            dm_event *e = new_event(c, EV_VISIT, tr);
            add_part(e, P_PERSON, visitors[v]);
            e->regional |= (uint8_t)regional;
            if (nd) {
                e->city = dest_city[d];
                e->country = dest_country[d];
                e->loc_explicit = 1;
            } else {
                e->loc_explicit = 0;
                e->city = e->country = -1;
            }
        }
    }
}

static void build_agreement(sent_ctx *c, const trigger *tr, pref *ps, size_t np) {
    dm_event *e = new_event(c, EV_AGREEMENT, tr);
    /* parties: states named in the sentence, the signatories' states, or those of the event in focus */
    int countries[8];
    size_t nc = countries_after(c, c->t0, countries, 8);
    for (size_t k = 0; k < nc; k++) add_part(e, P_COUNTRY, countries[k]);
    for (size_t k = 0; k < np; k++) {
        const dm_person *p = person(c, ps[k].person);
        if (p->country >= 0) add_part(e, P_COUNTRY, p->country);
        else if (p->org >= 0) add_part(e, P_ORG, p->org);
        if (e->nsignatories < 4 && !p->anonymous) e->signatories[e->nsignatories++] = (dm_part){P_PERSON, ps[k].person};
    }
    for (size_t k = 0; k < c->ms->n; k++)
        if (c->ms->v[k].kind == MK_ORG && c->ms->v[k].t0 < tr->at + 12) add_part(e, P_ORG, c->ms->v[k].id);
    /* the event it concludes: the story's first meeting or gathering */
    for (size_t k = c->sc->first_event; k + 1 < X(c)->nevents; k++)
        if (X(c)->events[k].kind != EV_VISIT && X(c)->events[k].kind != EV_AGREEMENT) {
            e->ref_event = (int)k;
            break;
        }
    if (e->ref_event < 0 && c->sc->focus_event >= 0) e->ref_event = c->sc->focus_event;
    /* the document's name: after the verb, or before it in the passive ("a program ... was signed") */
    size_t a, b;
    size_t aux = tr->at;
    if (aux > c->t0 && is(c, aux - 1, "be")) aux--;
    int passive = aux > c->t0 && (is(c, aux - 1, "was") || is(c, aux - 1, "were") || is(c, aux - 1, "will") ||
                                  is(c, aux - 1, "is") || is(c, aux - 1, "are") || is(c, aux - 1, "been"));
    if (passive) {
        b = aux - 1;
        a = b;
        while (a > c->t0 && !is(c, a - 1, ",") && !is(c, a - 1, ";") && b - a < 24) a--;
    } else {
        a = tr->end;
        if (is(c, a, "of")) a++;
        b = a;
        while (b < c->t1 && !is(c, b, ",") && !is(c, b, ".") && !is(c, b, ";") && !is(c, b, "by") && !is(c, b, "in") &&
               !is(c, b, "at") && b < a + 20)
            b++;
    }
    while (a < b && (is(c, a, "a") || is(c, a, "an") || is(c, a, "the") || is(c, a, "total") || is(c, a, "of")))
        a++;
    /* no quotes around the name */
    while (a < b && c->t->v[a].kind == TK_PUNCT) a++;
    while (b > a && c->t->v[b - 1].kind == TK_PUNCT) b--;
    if (b > a && !is(c, tr->at, "signing"))
        e->title = dm_arena_strndup(&c->doc->arena, c->doc->text + c->t->v[a].start, c->t->v[b - 1].end - c->t->v[a].start);
}

/* ---- continuation: what a sentence adds to the event in focus ---- */

/* A delegation's head joins the event in focus; the state named just before ("The Uzbek delegation
 * was headed by") is the head's own when nothing else says so, and the head stands in for it. */
static void delegation_head(sent_ctx *c, dm_event *e, size_t by_at, int person_id) {
    int state = -1;
    for (size_t k = 0; k < c->ms->n; k++) {
        const dm_mention *m = &c->ms->v[k];
        if ((m->kind == MK_COUNTRY || m->kind == MK_CADJ) && m->t1 <= by_at && m->t1 + 5 > by_at) state = m->id;
    }
    dm_person *p = &X(c)->people[person_id];
    if (p->country < 0 && state >= 0) p->country = state;
    for (int k = 0; k < e->nparts; k++)
        if (e->parts[k].kind == P_COUNTRY && e->parts[k].id == p->country) {
            e->parts[k] = (dm_part){P_PERSON, person_id};
            return;
        }
    add_part(e, P_PERSON, person_id);
}

static void continue_focus(sent_ctx *c, pref *ps, size_t np) {
    dm_story_ctx *sc = c->sc;
    if (sc->focus_event < 0) return;
    dm_event *e = &X(c)->events[sc->focus_event];
    /* "The meeting took place in Astana on Tuesday, 20 February 2024" */
    int anaphor = 0, held = 0;
    for (size_t i = c->t0; i < c->t1 && i < c->t0 + 6; i++)
        if (is(c, i, "meeting") || is(c, i, "talks") || is(c, i, "visit") || is(c, i, "event") ||
            is(c, i, "conversation") || is(c, i, "negotiations"))
            anaphor = 1;
    for (size_t i = c->t0; i < c->t1; i++)
        if (!(c->t->v[i].wc & WC_FOCUS)) continue;
        else if ((is(c, i, "took") && is(c, i + 1, "place")) || (is(c, i, "was") && is(c, i + 1, "held")) ||
            (is(c, i, "being") && is(c, i + 1, "held")) || is(c, i, "came"))
            held = 1;
    if ((anaphor || is(c, c->t0, "this")) && held) {
        dm_dspan d;
        int dk;
        if (!e->date_explicit && date_near(c, c->t0, e->status == ST_PLANNED, &d, &dk)) {
            e->date = d;
            e->date_explicit = 1;
        }
        int city = -1, country = -1;
        if (!e->loc_explicit && place_after_prep(c, c->t0, c->t1, &city, &country, 1)) {
            e->city = city;
            e->country = country;
            e->loc_explicit = 1;
        }
    }
    /* "In Almaty, the parties debated ..." */
    if (is(c, c->t0, "in") && !e->loc_explicit) {
        const dm_mention *m = mention_at(c, c->t0 + 1);
        if (m && m->kind == MK_CITY && is(c, m->t1, ",")) {
            e->city = m->id;
            e->country = c->ctx->cities[m->id].country;
            e->loc_explicit = 1;
        }
    }
    /* "The delegation of Kazakhstan was headed by X"; "The meeting was attended by A, B and C";
     * "The Uzbek delegation was headed by X, the Lithuanian one by Y" */
    int heading = 0;
    for (size_t i = c->t0; i + 1 < c->t1; i++) {
        if (!(c->t->v[i].wc & WC_FOCUS)) continue;
        int head_by = (is(c, i, "headed") || is(c, i, "led") || is(c, i, "hosted") || is(c, i, "chaired")) &&
                      is(c, i + 1, "by");
        int elided_by = heading && is(c, i + 1, "by") && (is(c, i, "one") || is(c, i, "side") || is(c, i, "delegation"));
        /* "The two-day AMM ... is chaired by X": a gathering's chair, not a side of the talks in focus */
        if (head_by && is(c, i, "chaired") && e->kind != EV_MULTILATERAL) {
            int told = 0;
            for (size_t k = c->t0; k < i && !told; k++)
                told = is(c, k, "meeting") || is(c, k, "talks") || is(c, k, "negotiations") || is(c, k, "consultations");
            if (!told) head_by = 0;
        }
        heading |= head_by;
        if (head_by || elided_by)
            for (size_t k = 0; k < np; k++)
                if (ps[k].t0 > i && !ps[k].pronoun) {
                    delegation_head(c, e, i, ps[k].person);
                    break;
                }
        if (e->kind == EV_MULTILATERAL && ((is(c, i, "attended") && is(c, i + 1, "by")) ||
                                           (is(c, i, "took") && is(c, i + 1, "part")) || is(c, i, "participated")))
            for (size_t k = 0; k < np; k++)
                if (!ps[k].pronoun && (ps[k].t0 > i || is(c, i, "took") || is(c, i, "participated")))
                    add_part(e, P_PERSON, ps[k].person);
        /* "..., joined by videoconference by X", "X joined the ministers by video link" */
        if (e->kind == EV_MULTILATERAL && is(c, i, "joined"))
            for (size_t k = 0; k < np; k++)
                if (!ps[k].pronoun && (ps[k].t0 > i || ps[k].t1 <= i)) {
                    if (ps[k].t0 > i || !is(c, i + 1, "by")) add_part(e, P_PERSON, ps[k].person);
                }
        /* "X chaired the proceedings", "Y was also in attendance": the subject joins the gathering */
        if (e->kind == EV_MULTILATERAL && ((is(c, i, "chaired") && !is(c, i + 1, "by")) ||
                                           (is(c, i, "attendance") && i > c->t0 && is(c, i - 1, "in"))))
            for (size_t k = 0; k < np; k++)
                if (!ps[k].pronoun && ps[k].t1 <= i) add_part(e, P_PERSON, ps[k].person);
    }
}

/* The organization that opens the sentence as its subject ("The Foreign Affairs Council ..."), after
 * "the" and, when upcoming is set, "next"/"upcoming"/"forthcoming"; NULL if another word comes first. */
static const dm_mention *opening_org(const sent_ctx *c, int upcoming) {
    size_t k = c->t0;
    while (k < c->t1 && c->t->v[k].kind == TK_PUNCT) k++;
    if (is(c, k, "the")) k++;
    if (upcoming && (is(c, k, "next") || is(c, k, "upcoming") || is(c, k, "forthcoming"))) k++;
    const dm_mention *m = mention_at(c, k);
    return m && m->kind == MK_ORG && m->t0 == k ? m : NULL;
}

/* "The Foreign Affairs Council, chaired by ..., met today in Luxembourg": an organization's body as
 * the sentence's subject of "met" is a session of that body, not a meeting of two sides. */
static int body_convenes(const sent_ctx *c, const trigger *tr) {
    if (!(is(c, tr->at, "met") || is(c, tr->at, "meets") || is(c, tr->at, "convened") || is(c, tr->at, "convenes")))
        return -1;
    const dm_mention *m = opening_org(c, 0);
    if (!m || m->t1 > tr->at) return -1;
    /* the subject goes on to the verb, or through an appositive clause between commas */
    if (m->t1 == tr->at) return m->id;
    if (!is(c, m->t1, ",")) return -1;
    if (tr->at > m->t1 + 2 && (is(c, tr->at - 1, ",") || (is(c, tr->at - 2, ",") && is(c, tr->at - 1, "which"))))
        return m->id;
    return -1;
}

/* "The next Foreign Affairs Council will take place in Brussels on 20 May": a body named as the
 * subject of "take place" / "be held" is its session, though no word of the sentence says meeting. */
static int body_session(const sent_ctx *c, trigger *tr) {
    const dm_mention *m = opening_org(c, 1);
    if (!m) return -1;
    size_t k = m->t1;
    if (is(c, k, "will") || is(c, k, "would") || is(c, k, "shall") || is(c, k, "is") || is(c, k, "was")) k++;
    if (is(c, k, "to")) k++;
    if (is(c, k, "be")) k++;
    int session = ((is(c, k, "take") || is(c, k, "takes") || is(c, k, "took")) && is(c, k + 1, "place")) ||
                  is(c, k, "held");
    if (!session) return -1;
    *tr = (trigger){0};
    tr->at = m->t1 - 1;
    tr->end = m->t1;
    tr->kind = EV_MULTILATERAL;
    tr->form = TR_NOUN;
    return m->id;
}

void dm_find_events(const dm_ctx *ctx, dm_doc *doc, size_t s, const dm_mentions *ms, dm_story_ctx *sc) {
    date_list dates[2] = {{0}, {0}};
    sent_ctx c = {ctx, doc, &doc->toks, s, doc->sents[s].t0, doc->sents[s].t1, ms, sc, NULL, dates};
    const dm_mention *at[512];
    if (c.t1 - c.t0 <= sizeof at / sizeof *at) index_mentions(&c, at);
    if (doc->sents[s].headline && sc->headline_city < 0 && s == doc->stories[sc->ms.story].s0) {
        int city = -1, country = -1;
        if (place_after_prep(&c, c.t0, c.t1, &city, &country, 0) && city >= 0) sc->headline_city = city;
    }
    pref ps[24];
    size_t np = persons_in(&c, ps, 24);
    trigger trs[12];
    size_t nt = find_triggers(&c, trs, 12);
    size_t before = doc->x->nevents;
    if (nt == 0 && !doc->sents[s].headline) {
        trigger tr;
        int body = body_session(&c, &tr);
        if (body >= 0) build_multilateral(&c, &tr, ps, np, body);
    }
    for (size_t k = 0; k < nt; k++) {
        const trigger *tr = &trs[k];
        /* the story's main actor: the first subject of a trigger */
        if (sc->focus_person < 0) {
            for (size_t j = 0; j < np; j++)
                if (ps[j].t1 <= tr->at || j + 1 == np) {
                    sc->focus_person = ps[j].person;
                    break;
                }
        }
        if (tr->kind == EV_MEETING && tr->form == TR_NOUN) {
            int convened = -1;
            for (size_t k2 = 0; k2 < ms->n; k2++) {
                const dm_mention *m = &ms->v[k2];
                if (m->kind == MK_TITLE && m->plural && m->org >= 0 && m->t1 <= tr->at) convened = m->org;
            }
            if (convened >= 0) {
                trigger t2 = *tr;
                t2.kind = EV_MULTILATERAL;
                build_multilateral(&c, &t2, ps, np, -1);
                continue;
            }
        }
        int body = tr->kind == EV_MEETING ? body_convenes(&c, tr) : -1;
        if (body >= 0) {
            trigger t2 = *tr;
            t2.kind = EV_MULTILATERAL;
            build_multilateral(&c, &t2, ps, np, body);
            continue;
        }
        switch (tr->kind) {
        case EV_MEETING: build_meeting(&c, tr, ps, np, EV_MEETING); break;
        case EV_CALL: {
            int org = org_near(&c, tr->at, 8, 4);
            if (org >= 0 && (is(&c, tr->at, "video") || is(&c, tr->at, "videoconference"))) {
                trigger t2 = *tr;
                t2.kind = EV_MULTILATERAL;
                build_multilateral(&c, &t2, ps, np, -1);
            } else {
                build_meeting(&c, tr, ps, np, EV_CALL);
            }
            break;
        }
        case EV_MULTILATERAL: build_multilateral(&c, tr, ps, np, -1); break;
        case EV_VISIT: build_visit(&c, tr, ps, np); break;
        case EV_AGREEMENT: build_agreement(&c, tr, ps, np); break;
        }
    }
    if (sc->focus_person < 0 && np) sc->focus_person = ps[0].person;
    sc->ms.main_actor = sc->focus_person;
    /* "will travel to Egypt for talks with X": the talks are where the trip goes, and so is
     * a signing ("will travel to Helsinki, where she is expected to sign an agreement") */
    for (size_t k = before; k < doc->x->nevents; k++) {
        dm_event *v = &doc->x->events[k];
        if (v->kind != EV_VISIT || !v->loc_explicit) continue;
        int from = dm_part_state(doc->x, &v->parts[0]);
        for (size_t j = before; j < doc->x->nevents; j++) {
            dm_event *m = &doc->x->events[j];
            int signs = m->kind == EV_AGREEMENT && from >= 0 && has_part(m, P_COUNTRY, from);
            if ((m->kind == EV_MEETING || signs) && !m->loc_explicit && (signs || has_person(m, v->parts[0].id)) &&
                m->status == v->status) {
                m->city = v->city;
                m->country = v->country;
                m->loc_explicit = 1;
            }
        }
    }
    if (doc->x->nevents == before) {
        continue_focus(&c, ps, np);
        return;
    }
    if (is(&c, c.t0, "this") || ((is(&c, c.t0, "the") || is(&c, c.t0, "during")) &&
                                 (is(&c, c.t0 + 1, "meeting") || is(&c, c.t0 + 1, "talks"))))
        continue_focus(&c, ps, np);
    /* the newest meeting-like event becomes the focus; visits frame the story's setting */
    for (size_t k = before; k < doc->x->nevents; k++) {
        dm_event *e = &doc->x->events[k];
        int home_trip = e->kind == EV_VISIT && e->nparts && e->parts[0].kind == P_PERSON &&
                        doc->x->people[e->parts[0].id].country == e->country;
        if (home_trip) continue;
        int background = e->date_explicit && sc->date.y && sc->date.d &&
                         last_day(&e->date) + 7 < dm_days(sc->date);
        if (background) continue;
        if (e->kind == EV_MULTILATERAL && e->loc_explicit && e->city >= 0 && e->status == ST_OCCURRED &&
            sc->setting_country < 0 && e->sent == doc->x->events[sc->first_event].sent) { /* the lead's summit */
            sc->setting_country = e->country;
            sc->setting_city = e->city;
        }
        if (e->kind == EV_VISIT && e->country >= 0 && sc->setting_country < 0 && e->status == ST_OCCURRED &&
            has_person(e, sc->focus_person >= 0 ? sc->focus_person : e->parts[0].id)) {
            sc->setting_country = e->country;
            sc->setting_city = e->city;
            if (e->date_explicit && e->date.to.y) sc->setting_date = e->date;
        }
        if (e->kind == EV_VISIT && e->country >= 0 && sc->setting_country < 0 && e->status == ST_OCCURRED) {
            sc->setting_country = e->country;
            sc->setting_city = e->city;
        }
        /* a planned trip frames the planned meetings told with it ("will visit X from 31 May to 6 June") */
        if (e->kind == EV_VISIT && e->status == ST_PLANNED && e->date_explicit && e->date.to.y && !sc->planned_date.from.y)
            sc->planned_date = e->date;
    }
    /* the focus: the sentence's meeting or call before a summit or a visit; a quoted
     * or announced event does not take it from one that took place */
    int best = -1, best_rank = 0;
    for (size_t k = before; k < doc->x->nevents; k++) {
        const dm_event *e = &doc->x->events[k];
        int rank = e->kind == EV_MEETING || e->kind == EV_CALL ? 3 : e->kind == EV_MULTILATERAL ? 2 : e->kind == EV_VISIT ? 1 : 0;
        if (e->kind == EV_MULTILATERAL && backdrop(&c, e)) rank = 1;
        if (rank > best_rank) best = (int)k, best_rank = rank;
    }
    if (best >= 0) {
        const dm_event *e = &doc->x->events[best];
        const dm_event *f = sc->focus_event >= 0 ? &doc->x->events[sc->focus_event] : NULL;
        int weak = (e->status == ST_PLANNED || in_quotes(&c, e)) && f && f->status == ST_OCCURRED && f->kind != EV_VISIT;
        if (!(f && f->kind != EV_VISIT && best_rank == 1) && !weak) sc->focus_event = best;
    }
}

/* ---- finishing a story ---- */

/* Do two dates (of any precision, or spans) share a day? "December" and "20 May" do not. */
static int dates_overlap(const dm_dspan *a, const dm_dspan *b) {
    return dm_days(a->from) <= last_day(b) && dm_days(b->from) <= last_day(a);
}

/* Is a participant an office holder the text did not name? */
static int unnamed_holder(const dm_extraction *x, const dm_part *p) {
    return p->kind == P_PERSON && x->people[p->id].anonymous;
}

/* Are all of an event's participants states? */
static int only_states(const dm_event *e) { return e->nparts > 0 && count_kind(e, P_COUNTRY) == e->nparts; }

/* Does a participant of e stand for the state? */
static int represents(const dm_extraction *x, const dm_event *e, int state) {
    for (int k = 0; k < e->nparts; k++)
        if (dm_part_state(x, &e->parts[k]) == state) return 1;
    return 0;
}

static int same_keys(const dm_ctx *ctx, const dm_doc *doc, const dm_event *a, const dm_event *b) {
    (void)ctx;
    /* "X and Y spoke in a phone call on Monday, the first conversation between the two leaders
     * since ...": a meeting word in the sentence of a call, between the same people, is the call */
    if (((a->kind == EV_MEETING && b->kind == EV_CALL) || (a->kind == EV_CALL && b->kind == EV_MEETING)) &&
        a->status == b->status && a->evidence[0].start == b->evidence[0].start && a->nparts == b->nparts) {
        for (int k = 0; k < a->nparts; k++)
            if (!has_part(b, a->parts[k].kind, a->parts[k].id)) return 0;
        return 1;
    }
    if (a->kind != b->kind || a->as_states != b->as_states) return 0;
    if (a->kind == EV_VISIT) {
        /* a visit made long before the story ("visited Astana in October 2022") is not the one just agreed */
        if (a->status != b->status) {
            const dm_event *made = a->status == ST_OCCURRED ? a : b;
            dm_date told = doc->stories[made->story].date;
            if (made->date_explicit && told.y && dm_days(made->date.from) + 30 < dm_days(told)) return 0;
        }
        return a->parts[0].kind == b->parts[0].kind && a->parts[0].id == b->parts[0].id &&
               (a->country == b->country || a->country < 0 || b->country < 0);
    }
    /* one body's sessions: the same, unless one was held and the other is to come, or they are told
     * in different states ("the next Council will take place in Brussels") */
    if (a->kind == EV_MULTILATERAL && a->org >= 0)
        return a->org == b->org && !(a->status != b->status && a->date_explicit && b->date_explicit) &&
               !(a->loc_explicit && b->loc_explicit && a->country != b->country) &&
               /* two sessions to come on different dates ("the summit in December", "the next
                * Council on 20 May"); a held one's date may be a backdrop's ("on the eve of") */
               !(a->status == ST_PLANNED && b->status == ST_PLANNED && a->date_explicit && b->date_explicit &&
                 !dates_overlap(&a->date, &b->date));
    /* a document signed is not one still to be signed ("signed the Declaration ... will sign a
     * binational agreement on Monday"), unless both name the same document */
    if (a->kind == EV_AGREEMENT && a->status != b->status && !(a->title && b->title && !strcmp(a->title, b->title)))
        return 0;
    /* two documents, each signed by its own pair in its own sentence ("the leaders signed the minutes
     * ...; the investment ministers also signed an agreement on ..."), are two signings */
    if (a->kind == EV_AGREEMENT && a->title && b->title && strcmp(a->title, b->title) &&
        a->evidence[0].start != b->evidence[0].start && a->nsignatories && b->nsignatories) {
        int shared = 0;
        for (int k = 0; k < a->nsignatories; k++)
            for (int j = 0; j < b->nsignatories; j++)
                shared |= a->signatories[k].kind == b->signatories[j].kind && a->signatories[k].id == b->signatories[j].id;
        if (!shared) return 0;
    }
    /* the same people meeting on other days, told in other sentences ("received X on Monday ...
     * They last met in January") */
    if ((a->kind == EV_MEETING || a->kind == EV_CALL) && a->date_explicit && b->date_explicit && a->date.from.y &&
        b->date.from.y && !dates_overlap(&a->date, &b->date) && a->evidence[0].start != b->evidence[0].start)
        return 0;
    /* a meeting of two is not the meeting of three that followed: the same people, or no merge */
    if ((a->kind == EV_MEETING || a->kind == EV_CALL) && a->nparts != b->nparts) return 0;
    /* one told by its states ("Chinese, Russian presidents hold talks") and one by its people */
    if ((a->kind == EV_MEETING || a->kind == EV_CALL) && (only_states(a) != only_states(b))) {
        const dm_event *st = only_states(a) ? a : b, *o = st == a ? b : a;
        if (a->status != b->status) return 0;
        for (int k = 0; k < st->nparts; k++)
            if (!represents(doc->x, o, st->parts[k].id)) return 0;
        return 1;
    }
    /* the smaller participant set inside the larger; an unnamed holder ("his Chinese counterpart")
     * is the named one of the same state */
    const dm_event *s = a->nparts <= b->nparts ? a : b, *l = s == a ? b : a;
    if (s->nparts < 1) return 0;
    for (int k = 0; k < s->nparts; k++) {
        int found = 0;
        for (int j = 0; j < l->nparts; j++)
            if ((l->parts[j].kind == s->parts[k].kind && l->parts[j].id == s->parts[k].id) ||
                ((unnamed_holder(doc->x, &l->parts[j]) || unnamed_holder(doc->x, &s->parts[k])) &&
                 dm_part_state(doc->x, &l->parts[j]) >= 0 &&
                 dm_part_state(doc->x, &l->parts[j]) == dm_part_state(doc->x, &s->parts[k])))
                found = 1;
        if (!found) return 0;
    }
    return 1;
}

static void merge_into(const dm_extraction *x, dm_event *keep, dm_event *drop) {
    if (drop->kind == EV_CALL && keep->kind == EV_MEETING) { /* same_keys: the call, told as a meeting too */
        keep->kind = EV_CALL;
        keep->city = keep->country = -1;
        keep->date = drop->date; /* the call's own day, not one the meeting word's clause gave */
        keep->date_explicit = drop->date_explicit;
    }
    for (int k = 0; k < drop->nevidence && keep->nevidence < DM_MAX_EVIDENCE; k++) {
        int dup = 0;
        for (int j = 0; j < keep->nevidence; j++) dup |= keep->evidence[j].start == drop->evidence[k].start;
        if (!dup) keep->evidence[keep->nevidence++] = drop->evidence[k];
    }
    /* the people rather than their states, when the same meeting was told both ways */
    if ((keep->kind == EV_MEETING || keep->kind == EV_CALL) && only_states(keep) && !only_states(drop))
        keep->nparts = 0;
    /* and a named person rather than "his Chinese counterpart" */
    for (int k = 0; k < keep->nparts && (keep->kind == EV_MEETING || keep->kind == EV_CALL); k++) {
        if (!unnamed_holder(x, &keep->parts[k])) continue;
        int st = dm_part_state(x, &keep->parts[k]);
        for (int j = 0; j < drop->nparts; j++)
            if (drop->parts[j].kind == P_PERSON && !unnamed_holder(x, &drop->parts[j]) && st >= 0 &&
                dm_part_state(x, &drop->parts[j]) == st) {
                keep->parts[k] = drop->parts[j];
                break;
            }
    }
    if (!(keep->kind == EV_MULTILATERAL && keep->org >= 0) || keep->nparts <= 1)
        for (int k = 0; k < drop->nparts; k++)
            if (!((drop->parts[k].kind == P_COUNTRY || unnamed_holder(x, &drop->parts[k])) &&
                  (keep->kind == EV_MEETING || keep->kind == EV_CALL) && !only_states(keep) &&
                  represents(x, keep, dm_part_state(x, &drop->parts[k]))))
                add_part(keep, drop->parts[k].kind, drop->parts[k].id);
    keep->topics |= drop->topics;
    if (!keep->date_explicit && drop->date_explicit) {
        keep->date = drop->date;
        keep->date_explicit = 1;
    }
    if (!keep->loc_explicit && drop->loc_explicit) {
        keep->city = drop->city;
        keep->country = drop->country;
        keep->loc_explicit = 1;
    }
    if (!keep->title && drop->title) keep->title = drop->title;
    if (keep->org < 0) keep->org = drop->org;
    for (int k = 0; k < drop->nsignatories && keep->nsignatories < 4; k++)
        keep->signatories[keep->nsignatories++] = drop->signatories[k];
    if (drop->host_received && !keep->host_received) {
        keep->host_received = 1;
        keep->host_person = drop->host_person;
    }
    drop->dropped = 1;
}

/* Is the state a destination of one of the person's visits? */
static int visits_to(const dm_extraction *x, int person, int state) {
    for (size_t i = 0; i < x->nevents; i++) {
        const dm_event *v = &x->events[i];
        if (!v->dropped && v->kind == EV_VISIT && v->country == state && v->nparts > 0 &&
            v->parts[0].kind == P_PERSON && v->parts[0].id == person)
            return 1;
    }
    return 0;
}

/* The state a person most likely represents when the text did not say. */
static void infer_countries(const dm_ctx *ctx, dm_doc *doc, dm_story_ctx *sc, dm_event *e) {
    dm_extraction *x = doc->x;
    for (int k = 0; k < e->nparts; k++) {
        if (e->parts[k].kind != P_PERSON) continue;
        dm_person *p = &x->people[e->parts[k].id];
        if (p->country >= 0 || p->org >= 0) continue;
        /* an organization's official at its body's session ("chaired by the High Representative"): its own,
         * not a state; nor any state when there is no such body, rather than a guess */
        if (p->role == R_ORG_OFFICIAL) {
            if (e->kind == EV_MULTILATERAL && e->org >= 0) p->org = e->org;
            continue;
        }
        /* states the other participants hold */
        int taken[DM_MAX_PARTS], nt = 0;
        for (int j = 0; j < e->nparts; j++)
            if (j != k && e->parts[j].kind == P_PERSON && x->people[e->parts[j].id].country >= 0)
                taken[nt++] = x->people[e->parts[j].id].country;
        /* the place the sentence names, when it is one side's home (not a summit's sidelines) */
        int cand = -1;
        if (e->kind != EV_VISIT && e->country >= 0 && e->loc_explicit && !e->third_place) cand = e->country;
        for (int j = 0; j < nt; j++)
            if (taken[j] == cand) cand = -1;
        /* else the state of the story's dateline ("ANKARA --"), where it was told, when nobody else holds it */
        const dm_story *st = &doc->stories[sc->ms.story];
        if (cand < 0 && st->dateline_country >= 0 &&
            !visits_to(x, e->parts[k].id, st->dateline_country)) {
            cand = st->dateline_country;
            for (int j = 0; j < nt; j++)
                if (taken[j] == cand) cand = -1;
        }
        /* else the state the story speaks of most that nobody else holds; last, its home */
        if (cand < 0) {
            /* the most mentioned state that nobody else holds, and none the person travels to
             * ("will travel to Jordan and Israel" is two visits abroad) */
            int best = 0;
            for (size_t ci = 0; ci < ctx->ncountries && ci < 512; ci++) {
                if (sc->country_count[ci] <= best) continue;
                int t = 0;
                for (int j = 0; j < nt; j++) t |= taken[j] == (int)ci;
                if (visits_to(x, e->parts[k].id, (int)ci)) t = 1;
                if (!t) best = sc->country_count[ci], cand = (int)ci;
            }
        }
        if (cand < 0 && sc->ms.home_country >= 0 &&
            !visits_to(x, e->parts[k].id, sc->ms.home_country)) {
            cand = sc->ms.home_country;
            for (int j = 0; j < nt; j++)
                if (taken[j] == cand) cand = -1;
        }
        if (cand >= 0) p->country = cand;
    }
}

/* Office holders told before the story named them ("EAM met X ... EAM Dr. S. Jaishankar will
 * visit"): the person the story names with that role, preferring an agreeing title; else one of
 * the story's own state; else they are left out. */
static void resolve_forward_holders(const dm_ctx *ctx, dm_doc *doc, dm_story_ctx *sc, size_t first) {
    dm_extraction *x = doc->x;
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        for (int k = 0; k < e->nparts; k++) {
            if (e->parts[k].kind != P_PERSON || !x->people[e->parts[k].id].forward) continue;
            dm_person *anon = &x->people[e->parts[k].id];
            int best = -1, best_score = -1;
            for (size_t q = 0; q < x->npeople; q++) {
                const dm_person *p = &x->people[q];
                if (p->story != anon->story || p->anonymous || p->role != anon->role) continue;
                /* not one of the other sides: not in the event, not of another side's state */
                int other = 0;
                for (int j = 0; j < e->nparts; j++)
                    if (j != k && ((e->parts[j].kind == P_PERSON && e->parts[j].id == (int)q) ||
                                   (p->country >= 0 && dm_part_state(x, &e->parts[j]) == p->country)))
                        other = 1;
                if (other) continue;
                int score = 2 * dm_titles_agree(anon->title, p->title) + (p->country == sc->ms.home_country);
                if (score > best_score) best = (int)q, best_score = score;
            }
            if (best >= 0 && !has_part(e, P_PERSON, best)) {
                e->parts[k].id = best;
            } else if (best < 0 && anon->role == R_ORG_OFFICIAL) {
                /* "The Secretary-General met X" in a readout that never names its holder: the
                 * organization takes part; a secretary-general of no stated body is the UN's */
                int org = anon->title && (strstr(anon->title, "ecretary-General") || strstr(anon->title, "ecretary General"))
                              ? dm_org_by_code(ctx, "UN") : -1;
                if (org >= 0 && !has_part(e, P_ORG, org)) {
                    e->parts[k] = (dm_part){P_ORG, org};
                } else {
                    e->parts[k] = e->parts[--e->nparts];
                    k--;
                }
            } else if (best < 0 && sc->ms.home_country >= 0) {
                anon->country = sc->ms.home_country; /* an office of the story's own state */
            } else {
                e->parts[k] = e->parts[--e->nparts]; /* the holder is the other side already, or unknown */
                k--;
            }
        }
    }
    for (size_t q = 0; q < x->npeople; q++)
        if (x->people[q].forward && x->people[q].country >= 0) x->people[q].forward = 0;
}

void dm_finish_story_events(const dm_ctx *ctx, dm_doc *doc, dm_story_ctx *sc) {
    dm_extraction *x = doc->x;
    size_t first = sc->first_event;
    resolve_forward_holders(ctx, doc, sc, first);
    /* merge reports of the same event */
    for (size_t i = first; i < x->nevents; i++) {
        if (x->events[i].dropped) continue;
        for (size_t j = i + 1; j < x->nevents; j++)
            if (!x->events[j].dropped && same_keys(ctx, doc, &x->events[i], &x->events[j]))
                merge_into(x, &x->events[i], &x->events[j]);
    }
    /* a visit whose destination the text left out: where its visitor was received */
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped || e->kind != EV_VISIT || e->country >= 0) continue;
        for (size_t j = first; j < x->nevents; j++) {
            const dm_event *m = &x->events[j];
            if (!m->dropped && m->kind == EV_MEETING && m->host_received && m->host_person >= 0 &&
                x->people[m->host_person].country >= 0 && has_person(m, e->parts[0].id)) {
                e->country = x->people[m->host_person].country;
                break;
            }
        }
        /* which then is the story's setting, for what was told without a place */
        if (e->country >= 0 && e->status == ST_OCCURRED && sc->setting_country < 0) {
            sc->setting_country = e->country;
            sc->setting_city = e->city;
            for (size_t j = first; j < x->nevents; j++)
                if (x->events[j].set_country < 0) {
                    x->events[j].set_country = e->country;
                    x->events[j].set_city = e->city;
                }
        }
    }
    for (size_t i = first; i < x->nevents; i++) {
        const dm_event *v = &x->events[i];
        if (v->dropped || v->kind != EV_VISIT || v->status != ST_OCCURRED || v->country < 0 || !v->loc_explicit) continue;
        if (v->date_explicit && sc->date.y && sc->date.d &&
            last_day(&v->date) + 7 < dm_days(sc->date))
            continue; /* background */
        for (size_t j = first; j < x->nevents; j++)
            if (x->events[j].set_country < 0) {
                x->events[j].set_country = v->country;
                x->events[j].set_city = v->city;
            }
        break;
    }
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped) continue;
        /* place: the trip the same sentence tells ("would travel to Budapest to attend the
         * summit"), the story's setting when it was told, the host's state, the dateline */
        if (e->city < 0 && e->country < 0 && e->kind != EV_VISIT && e->kind != EV_CALL) {
            for (size_t j = first; j < x->nevents; j++) {
                const dm_event *v = &x->events[j];
                /* the trip's traveller takes part in the event */
                int traveller = v->nparts > 0 && has_part(e, v->parts[0].kind, v->parts[0].id);
                if (!v->dropped && v->kind == EV_VISIT && v->loc_explicit && v->status == e->status && traveller &&
                    (v->evidence[0].start == e->evidence[0].start ||
                     (e->status == ST_PLANNED && during_trip(e, v)))) {
                    e->city = v->city;
                    e->country = v->country;
                    break;
                }
            }
        }
        if (e->city < 0 && e->country < 0) {
            if (e->kind == EV_VISIT) {
                e->city = e->set_city;
                e->country = e->set_country;
            } else if (e->kind != EV_CALL) {
                if (e->set_country >= 0) {
                    e->city = e->set_city;
                    e->country = e->set_country;
                } else if (sc->headline_city >= 0) {
                    e->city = sc->headline_city;
                    e->country = ctx->cities[sc->headline_city].country;
                } else if (e->host_received && e->host_person >= 0 && x->people[e->host_person].country >= 0) {
                    e->country = x->people[e->host_person].country;
                    if (sc->dateline_city >= 0 && ctx->cities[sc->dateline_city].country == e->country)
                        e->city = sc->dateline_city;
                } else if (sc->dateline_city >= 0) {
                    e->city = sc->dateline_city;
                    e->country = ctx->cities[sc->dateline_city].country;
                } else if (doc->stories[sc->ms.story].dateline_elsewhere) {
                    e->country = doc->stories[sc->ms.story].dateline_country;
                    e->at_dateline_place = 1;
                }
            }
        }
        if (e->kind == EV_VISIT && e->country < 0) {
            /* a visit to the place of the story's meetings */
            for (size_t j = first; j < x->nevents; j++)
                if (!x->events[j].dropped && x->events[j].kind == EV_MEETING && x->events[j].country >= 0 &&
                    has_person(&x->events[j], e->parts[0].id)) {
                    e->country = x->events[j].country;
                    e->city = x->events[j].city;
                    break;
                }
            if (e->country < 0) {
                for (size_t j = first; j < x->nevents; j++)
                    if (!x->events[j].dropped && x->events[j].kind == EV_MEETING && x->events[j].host_received &&
                        x->events[j].host_person >= 0 && has_person(&x->events[j], e->parts[0].id)) {
                        e->country = x->people[x->events[j].host_person].country;
                        break;
                    }
            }
            if (e->country < 0) {
                e->dropped = 1;
                continue;
            }
        }
        infer_countries(ctx, doc, sc, e);
        if (e->as_states) {
            dm_part parts[DM_MAX_PARTS];
            int n = 0;
            for (int k = 0; k < e->nparts; k++) {
                const dm_part *p = &e->parts[k];
                int st = dm_part_state(x, p);
                int dup = st < 0;
                for (int j = 0; j < n; j++) dup |= parts[j].id == st;
                if (!dup) parts[n++] = (dm_part){P_COUNTRY, st};
            }
            memcpy(e->parts, parts, (size_t)n * sizeof *parts);
            e->nparts = n;
            if (n < 2) e->dropped = 1;
        }
        /* a visit to one's own country is no visit */
        if (e->kind == EV_VISIT && e->nparts && e->parts[0].kind == P_PERSON &&
            x->people[e->parts[0].id].country == e->country) {
            e->dropped = 1;
            continue;
        }
        /* date: the frame of a visit, else the story's date for what occurred */
        if (!e->date_explicit) {
            if (e->status == ST_PLANNED && sc->planned_date.from.y && e->kind != EV_VISIT) e->date = sc->planned_date;
            else if (e->status == ST_OCCURRED && sc->setting_date.from.y && e->kind != EV_VISIT) e->date = sc->setting_date;
            else if (e->status == ST_OCCURRED) e->date = (dm_dspan){sc->date, {0, 0, 0}};
            else e->date = (dm_dspan){{0, 0, 0}, {0, 0, 0}};
        } else if (e->status == ST_OCCURRED && sc->date.y && sc->date.d && e->date.from.d &&
                   dm_date_cmp(e->date.from, sc->date) > 0 && e->kind != EV_VISIT) {
            /* an explicit date after the story's own: announced, not yet held */
            e->status = ST_PLANNED;
        }
        /* meetings and calls need two sides, one of them named */
        if ((e->kind == EV_MEETING || e->kind == EV_CALL) && e->nparts < 2) e->dropped = 1;
        if (e->kind == EV_MEETING || e->kind == EV_CALL) {
            int named = 0;
            for (int k = 0; k < e->nparts; k++)
                named |= e->parts[k].kind == P_PERSON && !x->people[e->parts[k].id].anonymous;
            if (!named && !e->of_states) e->dropped = 1;
        }

        /* a counterpart has the rank of the other side */
        for (int k = 0; k < e->nparts; k++) {
            if (e->parts[k].kind != P_PERSON) continue;
            dm_person *p = &x->people[e->parts[k].id];
            if (p->title && strstr(p->title, "ounterpart") && (p->role == R_OFFICIAL || !p->role))
                for (int j = 0; j < e->nparts; j++)
                    if (j != k && e->parts[j].kind == P_PERSON && x->people[e->parts[j].id].role)
                        p->role = x->people[e->parts[j].id].role;
        }
    }
    /* agreements: the parties of the event they conclude, now that its people's states are known */
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped || e->kind != EV_AGREEMENT) continue;
        if (count_kind(e, P_COUNTRY) + count_kind(e, P_ORG) < 2 && e->ref_event >= 0) {
            const dm_event *f = &x->events[e->ref_event];
            for (int k = 0; k < f->nparts; k++) {
                if (f->parts[k].kind == P_PERSON) {
                    const dm_person *p = &x->people[f->parts[k].id];
                    if (p->country >= 0) add_part(e, P_COUNTRY, p->country);
                    else if (p->org >= 0) add_part(e, P_ORG, p->org);
                } else {
                    add_part(e, f->parts[k].kind, f->parts[k].id);
                }
            }
        }
        if (e->ref_event >= 0) {
            const dm_event *f = &x->events[e->ref_event];
            if (!e->loc_explicit && f->country >= 0) {
                e->city = f->city;
                e->country = f->country;
            }
            if (!e->date_explicit && e->status == f->status && f->date.from.y) e->date = f->date;
        }
        if (count_kind(e, P_COUNTRY) + count_kind(e, P_ORG) < 2) e->dropped = 1;
    }
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped || e->kind != EV_VISIT || e->city >= 0 || e->country < 0) continue;
        for (size_t j = first; j < x->nevents; j++) {
            const dm_event *m = &x->events[j];
            if (!m->dropped && m->kind == EV_MEETING && m->city >= 0 && ctx->cities[m->city].country == e->country &&
                has_person(m, e->parts[0].id)) {
                e->city = m->city;
                break;
            }
        }
    }
    /* a reception, talks or a signing placed in a state, not a city, with that state's officials: its capital */
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped || e->city >= 0 || e->country < 0 || e->kind == EV_CALL) continue;
        int host = 0;
        const dm_event *m = e;
        if (e->kind == EV_VISIT) {
            host = 0;
            for (size_t j = first; j < x->nevents && !host; j++)
                if (!x->events[j].dropped && x->events[j].kind == EV_MEETING && has_person(&x->events[j], e->parts[0].id) &&
                    x->events[j].country == e->country)
                    m = &x->events[j], host = 1;
        }
        for (int k = 0; k < m->nparts && (e->kind != EV_VISIT || host); k++)
            if (m->parts[k].kind == P_PERSON) {
                const dm_person *p = &x->people[m->parts[k].id];
                if (p->country == e->country && p->role && p->role != R_AMBASSADOR) host = 2;
            } else if (m->parts[k].kind == P_COUNTRY && m->parts[k].id == e->country) {
                host = 2;
            }
        /* not when the story is told from a place of that state the lexicon does not know: there
         * (talks, a summit, a signing) unless the sentence placed it */
        const dm_story *st = &doc->stories[sc->ms.story];
        if (st->dateline_elsewhere && st->dateline_country == e->country) {
            host = 0;
            if (e->kind != EV_VISIT && !e->loc_explicit && !e->regional) e->at_dateline_place = 1;
        }
        if (host == 2 && !e->regional && !m->regional) e->city = ctx->countries[e->country].capital;
    }
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (e->dropped || e->city >= 0 || e->country < 0 || e->kind == EV_CALL) continue;
        for (size_t j = first; j < x->nevents; j++) {
            const dm_event *o = &x->events[j];
            if (j != i && !o->dropped && o->city >= 0 && o->country == e->country && o->kind != EV_CALL &&
                (o->kind == EV_VISIT || o->loc_explicit)) {
                e->city = o->city;
                break;
            }
        }
    }
    /* a gathering that discussed something is cooperation within a multilateral frame */
    for (size_t i = first; i < x->nevents; i++) {
        dm_event *e = &x->events[i];
        if (!e->dropped && e->kind == EV_MULTILATERAL && e->status == ST_OCCURRED && e->topics)
            e->topics |= 1u << dm_topic_of("multilateral");
    }
    /* merge again: inferred places may make visits equal */
    for (size_t i = first; i < x->nevents; i++) {
        if (x->events[i].dropped) continue;
        for (size_t j = i + 1; j < x->nevents; j++)
            if (!x->events[j].dropped && same_keys(ctx, doc, &x->events[i], &x->events[j]))
                merge_into(x, &x->events[i], &x->events[j]);
    }
}
