#include "../core/words.h"
#include "mentions.h"
#include "../text/sentences.h"
#include "../text/tokens.h"
#include "dates.h"
#include "people.h"
#include <stdlib.h>
#include <string.h>

/* Capitalized words that open sentences and clauses but never names. */
static const char *const NOT_NAMES[] = {
    "the", "a", "an", "in", "on", "at", "during", "following", "after", "before", "according", "as", "with",
    "by", "for", "from", "to", "of", "and", "but", "also", "meanwhile", "however", "earlier", "later", "today",
    "yesterday", "tomorrow", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "our",
    "his", "her", "their", "its", "both", "all", "some", "other", "there", "here", "when", "while", "since",
    "under", "over", "within", "without", "upon", "regarding", "moreover", "furthermore", "besides", "then",
    "prior", "despite", "among", "between", "into", "through", "last", "next", "photo", "read", "more",
    "related", "source", "images", "image", "video", "meeting", "meetings", "talks", "visit", "president",
    "minister", "ministers", "foreign", "deputy", "prime", "ambassador", "chairman", "head", "state", "states",
    "summit", "conference", "forum", "session", "council", "republic", "kingdom", "federation", "government",
    "ministry", "mfa", "press", "service", "office", "news", "agency", "reports", "report", "statement",
    "website", "official", "officials", "delegation", "delegations", "parliament", "senate", "speaker",
    "mr", "mrs", "ms", "dr", "his", "excellency", "secretary", "general", "special", "representative",
    "national", "international", "joint", "new", "old", "north", "south", "east", "west", "central",
    "northern", "southern", "eastern", "western", "featured", "politics", "world", "business", "economy",
    "society", "culture", "sport", "sports", "opinion", "analysis", "interview", "update", "updated",
    "published", "posted", "details", "added", "back", "top", "button", "large", "medium", "small", "share",
    "tweet", "print", "email", "comments", "comment", "tags", "category", "home", "menu", "search", "nbsp",
    "dialogue", "roundtable", "strategic", "commission", "committee", "consultations", "mechanism", "platform",
    "partnership", "cooperation", "format", "day", "week", "month", "year", "both", "each", "every", "another",
    "such", "what", "which", "who", "whom",
    "where", "why", "how", "if", "so", "not", "no", "yes", "or", "nor", "yet", "am", "pm", "gmt", "utc",
    "being", "having", "was", "were", "is", "are", "will", "would", "should", "could", "may", "might", "must",
    "can", "shall", "do", "does", "did", "has", "have", "had", "be", "been", "let", "first", "second", "third",
    "fourth", "fifth", "nbsp", "ltd", "inc", "llc", "jsc", "plc", "corp", "co", "group", "company", "bank",
    "fund", "club", "university", "institute", "school", "center", "centre", "airport", "hotel", "palace",
    "hall", "square", "street", "avenue", "road", "monument", "village", "building", "house", "tower",
    "stadium", "park", "museum", "theatre", "theater", "church", "mosque", "temple", "cathedral", "bridge",
    NULL};

/* Words of institutions and portfolios: inside a title they belong to it, not to a name. */
static const char *const INSTITUTION[] = {
    "assembly", "parliament", "senate", "mazhilis", "majilis", "majlis", "duma", "congress", "chamber",
    "chambers", "house", "council", "committee", "commission", "ministry", "ministries", "government",
    "cabinet", "ministers", "office", "administration", "presidency", "secretariat", "agency", "department",
    "service", "bank", "fund", "center", "centre", "organization", "organisation", "union", "federation",
    "republic", "kingdom", "confederation", "state", "affairs", "development", "cooperation", "co",
    "operation", "relations", "infrastructure", "economy", "trade", "industry", "finance", "finances",
    "defence", "defense", "security", "justice", "health", "healthcare", "education", "culture", "energy",
    "transport", "communications", "agriculture", "interior", "labour", "labor", "tourism", "sports",
    "sport", "ecology", "environment", "emergency", "emergencies", "situations", "resources", "investment",
    "investments", "innovation", "innovations", "digital", "information", "science", "technology",
    "technologies", "protection", "social", "national", "foreign", "international", "mission", "staff",
    "forces", "army", "police", "guard", "court", "conference", "forum", "khural", "kurultai", "rada", "sejm",
    "knesset", "bundestag", "maslahaty", "kenesh", "oliy", "legislature", "integration", "diaspora",
    "expatriates", "emigrants", "emigration", "compatriots", "nationals", "abroad", "overseas", "citizens",
    "works", "housing", "policy", "planning", "mining", "water", "youth", "women", "family", "territorial",
    "regional", "public", "diplomacy", "preventive", "civilizations", "alliance", "programme", "program",
    "commerce", "industries", "economic", "presidential", "royal", "supreme", "federal", "general",
    "civil", "aviation", "customs", "revenue", "treasury", "budget", "statistics", "migration", "media",
    "communication", "mass", "religious", "religion", "minerals", "petroleum", "oil", "gas", "power",
    "railways", "roads", "ports", "fisheries", "forestry", "lands", "land", "urban", "rural", "local",
    "welfare", "employment", "population", "veterans", "cultural", "heritage", "telecommunications",
    "natural", "climate", "change", "investment", "external", "cabinet", "people", "nations", "asia",
    "europe", "africa", "america", "pacific", "arab", "islamic", "world", "global", "central", "middle", "east",
    "caucasus", "balkans", "sahel", "gulf", "horn", "lakes", "latin", "caribbean", "arctic", "mediterranean",
    "baltic", "nordic", "region", "peninsula", "indo", "eurasia", "eurasian", "asian", "african", "european",
    "american", "caspian", "pacific", "atlantic", "countries", "states", "nations", "worship", "sovereignty",
    "transitional", "solidarity", "reconciliation", "unity", "peace", "stability", "reform", "reforms", NULL};

static const char *const PARLIAMENT[] = {
    "assembly", "parliament", "senate", "mazhilis", "majilis", "majlis", "duma", "congress", "chamber",
    "chambers", "house", "council", "committee", "khural", "kurultai", "rada", "sejm", "knesset", "bundestag",
    "maslahaty", "kenesh", "legislature", "sabha", "diet", "parliamentary", NULL};

#include "../text/wordclass.h"
static const char *const PARTICLES[] = {"bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "du",
                                        "van", "von", "der", "den", "la", "le", "di", "ul", "ud", "ben", NULL};

void dm_mentions_register_words(void) {
    dm_wordclass_add(NOT_NAMES, WC_NOT_NAME);
    dm_wordclass_add(INSTITUTION, WC_INSTITUTION);
    dm_wordclass_add(PARLIAMENT, WC_PARLIAMENT);
    dm_wordclass_add(PARTICLES, WC_PARTICLE);
}

/* Class bits of token i of the sentence. */
#define WCB(s, i) ((i) < (s)->t1 ? (s)->t->v[(i)].wc : 0u)


typedef struct {
    const dm_ctx *ctx;
    dm_doc *doc;
    const dm_tokens *t;
    size_t t0, t1;
    dm_mentions *out;
    dm_mention_state *st;
    int *at;         /* at[i - t0]: gazetteer mention starting at token i, or -1 */
    uint8_t *known;  /* token is a gazetteer/topic/title word */
    uint8_t *used;   /* token claimed by a title chunk or name */
    int title_case;  /* a headline in Title Case: capitals say nothing about names */
    const dm_mention *base;
    size_t nbase;
} scan;

static const char *FW(const scan *s, size_t i) { return i < s->t1 ? dm_tok_fold(s->t, i) : DM_NO_WORD; }
static int is_word(const scan *s, size_t i) { return i < s->t1 && s->t->v[i].kind == TK_WORD; }
static int is_cap(const scan *s, size_t i) { return is_word(s, i) && (s->t->v[i].flags & TF_CAP); }
static int glued(const scan *s, size_t i) { return i < s->t1 && !(s->t->v[i].flags & TF_SPACE); }
static int is_dash(const char *f) {
    return dm_eq(f, "-") || dm_eq(f, "\xe2\x80\x93") || dm_eq(f, "\xe2\x80\x94");
}
static const dm_mention *base_at(const scan *s, size_t i) {
    if (i < s->t0 || i >= s->t1) return NULL;
    int k = s->at[i - s->t0];
    return k >= 0 ? &s->base[k] : NULL;
}
static const dm_title *title_of(const scan *s, const dm_mention *m) {
    return m && m->kind == MK_TITLE ? &s->ctx->titles[m->id] : NULL;
}
static int is_title_head(const scan *s, const dm_mention *m) {
    const dm_title *t = title_of(s, m);
    return t && !(t->flags & (TT_HONORIFIC | TT_RANK | TT_MODIFIER));
}

/* ---- step 1: gazetteer ---- */

static int type_rank(uint8_t type) {
    switch (type) {
    case LX_ORG: return 6;
    case LX_COUNTRY: return 5;
    case LX_CITY: return 4;
    case LX_CADJ: return 3;
    case LX_TITLE: return 2;
    default: return 0;
    }
}

/* "America" and "American" name the United States, but not after a part of the
 * continent: "South America", "Latin American countries", "Central America". */
static int continental_america(const dm_tokens *t, size_t t0, size_t i, uint8_t type) {
    static const char *const PARTS[] = {"south", "north", "central", "latin", NULL};
    if ((type != LX_COUNTRY && type != LX_CADJ) || i == t0 || t->v[i].flags & TF_NL) return 0;
    const char *f = dm_tok_fold(t, i);
    if (!dm_eq(f, "america") && !dm_eq(f, "american") && !dm_eq(f, "americans")) return 0;
    return dm_word_in(PARTS, dm_tok_fold(t, i - 1));
}

static void gazetteer(const dm_ctx *ctx, const dm_tokens *t, size_t t0, size_t t1, dm_mention **v, size_t *n,
                      size_t *cap, dm_arena *a, uint8_t *known, int with_titles) {
    uint32_t mask = LXM(LX_COUNTRY) | LXM(LX_CADJ) | LXM(LX_CITY) | LXM(LX_ORG);
    if (with_titles) mask |= LXM(LX_TITLE) | LXM(LX_TOPIC);
    for (size_t i = t0; i < t1;) {
        if (t->v[i].kind != TK_WORD) {
            i++;
            continue;
        }
        dm_lex_hit hit;
        if (!dm_lex_longest(ctx->lx, t, i, t1, mask, &hit)) {
            i++;
            continue;
        }
        const dm_lex_entry *best = NULL;
        for (size_t k = 0; k < hit.n; k++)
            if (hit.e[k].type != LX_TOPIC && (!best || type_rank(hit.e[k].type) > type_rank(best->type))) best = &hit.e[k];
        if (known)
            for (size_t k = 0; k < hit.ntok; k++) known[i + k - t0] = 1;
        if (!best) { /* a topic word only */
            i += hit.ntok;
            continue;
        }
        if (continental_america(t, t0, i, best->type)) { /* "South America", "Latin American": no state */
            i += hit.ntok;
            continue;
        }
        dm_mention m = {0};
        m.t0 = (uint32_t)i;
        m.t1 = (uint32_t)(i + hit.ntok);
        m.id = best->id;
        m.country = m.org = -1;
        switch (best->type) {
        case LX_COUNTRY: m.kind = MK_COUNTRY; break;
        case LX_CADJ: m.kind = MK_CADJ; break;
        case LX_CITY: m.kind = MK_CITY; break;
        case LX_ORG: m.kind = MK_ORG; break;
        default: m.kind = MK_TITLE; break;
        }
        if (m.kind == MK_TITLE) {
            const dm_title *ti = &ctx->titles[m.id];
            m.role = ti->role;
            m.plural = (ti->flags & TT_PLURAL) != 0;
        }
        if (m.t1 < t1 && dm_eq(dm_tok_fold(t, m.t1), "'s")) m.possessive = 1;
        if (m.kind == MK_COUNTRY && m.t1 < t1 &&
            (dm_eq(dm_tok_fold(t, m.t1), "dollars") || dm_eq(dm_tok_fold(t, m.t1), "dollar") ||
             dm_eq(dm_tok_fold(t, m.t1), "$"))) {
            i += hit.ntok;
            continue;
        }
        DM_VEC_PUSH(a, *v, *n, *cap, m);
        i += hit.ntok;
    }
}

void dm_lex_sentence(const dm_ctx *ctx, dm_doc *doc, size_t sent, dm_sentence_lex *out) {
    const dm_sent *se = &doc->sents[sent];
    memset(out, 0, sizeof *out);
    out->known = dm_arena_alloc(&doc->arena, se->t1 - se->t0);
    gazetteer(ctx, &doc->toks, se->t0, se->t1, &out->v, &out->n, &out->cap, &doc->arena, out->known, 1);
}

/* ---- names ---- */

/* Common words that are also common surnames ("Park Jin", "Do Hung Viet", "He Lifeng"): a
 * name's first word when a name word follows that is neither such a word nor known. */
static const char *const COMMON_WORD_SURNAMES[] = {"park", "hall", "church", "temple", "do", "he", NULL};

/* Words too common to be a name's first word anywhere, but one right after a title or
 * its state in running text: "General Secretary To Lam" (a headline in Title Case is no help). */
static const char *const TITLED_COMMON_WORD_SURNAMES[] = {"to", NULL};

static int next_is_given_name(const scan *s, size_t i) {
    if (!is_cap(s, i + 1) || glued(s, i + 1)) return 0;
    return !(WCB(s, i + 1) & (WC_NOT_NAME | WC_MONTH | WC_WEEKDAY)) && !s->known[i + 1 - s->t0] &&
           !(s->t->v[i + 1].flags & TF_UPPER);
}

static int surname_of_common_word(const scan *s, size_t i) {
    if (dm_word_in(TITLED_COMMON_WORD_SURNAMES, FW(s, i)))
        return !s->title_case && i > s->t0 && s->known[i - 1 - s->t0] && is_cap(s, i - 1) && next_is_given_name(s, i);
    if (!dm_word_in(COMMON_WORD_SURNAMES, FW(s, i))) return 0;
    /* last, after a given name: "Lena Park will travel", "John Church met" */
    if (i > s->t0 && is_cap(s, i - 1) && !glued(s, i) && !(WCB(s, i - 1) & WC_NOT_NAME) && !s->known[i - 1 - s->t0] &&
        !(s->t->v[i - 1].flags & TF_UPPER) && !is_cap(s, i + 1))
        return 1;
    /* first, before a given name: "Park Jin", "Do Hung" */
    return next_is_given_name(s, i);
}

/* A token that can be part of a person's name at i (in name mode, title words too). */
static int name_token(const scan *s, size_t i, int name_mode) {
    if (!is_word(s, i) || s->used[i - s->t0]) return 0;
    const dm_tok *k = &s->t->v[i];
    if (k->flags & TF_CAP) {
        if (k->flags & TF_DOTTED) return 0;
        int initial = k->flen <= 2 && dm_eq(FW(s, i + 1), ".") && glued(s, i + 1);
        if ((WCB(s, i) & WC_NOT_NAME) && !name_mode && !initial && !surname_of_common_word(s, i)) return 0;
        /* a month or weekday is no name, but "Jan" before a name is a given name (Jan Lipavsky),
         * and a short one inside a name is part of it (Nguyen Thu Hang, Luong Mai Anh) */
        int inside = name_mode && k->flen <= 3 && is_cap(s, i + 1) && !glued(s, i + 1) &&
                     !(s->t->v[i + 1].wc & (WC_MONTH | WC_WEEKDAY));
        if ((k->wc & (WC_MONTH | WC_WEEKDAY)) && !inside &&
            !(k->flen == 3 && dm_eq(FW(s, i), "jan") && is_cap(s, i + 1) && !glued(s, i + 1) &&
              !(s->t->v[i + 1].wc & (WC_MONTH | WC_WEEKDAY))))
            return 0;
        if (!name_mode) {
            const dm_mention *m = base_at(s, i);
            /* a city's name as a given name: "Sofia Lindgren", "Florence Mbeki" */
            int given = m && m->kind == MK_CITY && m->t1 == i + 1 && is_cap(s, i + 1) && !base_at(s, i + 1) &&
                        !(WCB(s, i + 1) & WC_NOT_NAME) && !s->known[i + 1 - s->t0];
            if (m && !given) return 0;
            if (s->known[i - s->t0] && !given) return 0;
        } else {
            const dm_mention *m = base_at(s, i);
            int surname = m && m->kind == MK_COUNTRY && m->t0 == i && m->t1 == i + 1 && i > s->t0 &&
                          is_cap(s, i - 1) && !base_at(s, i - 1) && !(m->t1 < s->t1 && is_cap(s, m->t1));
            if (m && m->kind != MK_TITLE && m->kind != MK_CITY && !surname) return 0;
        }
        return 1;
    }
    /* particles inside a name: bin, al, de; two of them: von der, de la, van den */
    if ((k->flags & TF_LOWER) && (WCB(s, i) & WC_PARTICLE) &&
        (is_cap(s, i + 1) || (is_word(s, i + 1) && (s->t->v[i + 1].flags & TF_LOWER) &&
                              (WCB(s, i + 1) & WC_PARTICLE) && is_cap(s, i + 2))))
        return 2;
    return 0;
}

/* Lower-case words after a hyphen that make a compound of a name, not a part of it:
 * "Erdogan-led", "Biden-era", "Moscow-backed". */
static const char *const NOT_NAME_PARTS[] = {"led", "era", "based", "style", "owned", "backed", "born", "run",
                                             "brokered", "linked", "allied", "aligned", "type", "like", "level",
                                             "class", "made", "sponsored", "funded", "chaired", "hosted", "elect",
                                             "initiated", "proposed", "bound", "friendly", "centred", "centered",
                                             "controlled", "appointed", "affiliated", "oriented", NULL};

/* The end of a name starting at i, or i when there is none. Takes capitalized
 * words, particles, initials with their dot, and hyphenated parts. */
static size_t name_end(const scan *s, size_t i, int name_mode) {
    size_t j = i, words = 0;
    /* "Meshal Al-Ahmad Al-Jaber Al-Sabah": eight words, and a hyphened pair is never cut */
    while (j < s->t1 && (words < 8 || (j > i && is_dash(FW(s, j - 1))))) {
        /* a particle joined to the next word: "el-Sisi", "al-Sudani" */
        if (is_word(s, j) && (s->t->v[j].flags & TF_LOWER) && (WCB(s, j) & WC_PARTICLE) && j + 2 < s->t1 &&
            dm_eq(FW(s, j + 1), "-") && glued(s, j + 1) && glued(s, j + 2) && is_cap(s, j + 2) && !s->used[j - s->t0]) {
            j += 2;
            continue;
        }
        int nt = name_token(s, j, name_mode || words > 0);
        if (nt && !name_mode && words > 0 && (s->t->v[j].wc & WC_NOT_NAME) && !(s->t->v[j].flags & TF_LOWER) &&
            !surname_of_common_word(s, j))
            break;
        if (nt == 2) { /* particle */
            j++;
            continue;
        }
        if (!nt) break;
        /* a name word must not be glued to a preceding word other than by a hyphen/apostrophe */
        j++;
        words++;
        if (j < s->t1 && dm_eq(FW(s, j), ".") && glued(s, j) && s->t->v[j - 1].flen <= 2 &&
            (is_cap(s, j + 1))) {
            j++; /* initial: "D." "Kh." */
            continue;
        }
        if (j + 1 < s->t1 && is_dash(FW(s, j)) && glued(s, j) && glued(s, j + 1) && is_cap(s, j + 1)) {
            j++; /* Kassym-Jomart, Oyun-Erdene */
            continue;
        }
        /* (a hyphen only: a glued dash before "and" is punctuation, "Koshanov—and") */
        if (j + 1 < s->t1 && dm_eq(FW(s, j), "-") && glued(s, j) && glued(s, j + 1) && is_word(s, j + 1) &&
            (s->t->v[j + 1].flags & TF_LOWER) && !dm_word_in(NOT_NAME_PARTS, FW(s, j + 1))) {
            j += 2; /* Tae-yul, Jae-myung: a given name's lower-case second syllable */
            words++;
        }
    }
    /* must end on a word */
    while (j > i && !is_word(s, j - 1)) j--;
    /* a lone initial is not a name, nor a lone acronym ("CFM") */
    if (j == i + 1 && (s->t->v[i].flen <= 2 || (s->t->v[i].flags & TF_UPPER))) return i;
    return j;
}

/* ---- titles ---- */

static int is_adjustable_head(const char *phrase) {
    static const char *const H[] = {"chairman", "chairwoman", "chairperson", "chair", "head", "president",
                                    "leader", "director", "deputy chairman", "vice chairman", "vice-chairman",
                                    "first deputy chairman", "deputy head", "chief", "vice president",
                                    "chairpersons", "chairmen", "heads", "presidents", "leaders", NULL};
    return dm_word_in(H, phrase);
}

static int role_priority(int r) {
    switch (r) {
    case R_HEAD_OF_STATE: return 10;
    case R_HEAD_OF_GOVERNMENT: return 9;
    case R_FOREIGN_MINISTER: return 8;
    case R_ORG_OFFICIAL: return 7;
    case R_ENVOY: return 6;
    case R_MINISTER: return 5;
    case R_LEGISLATOR: return 4;
    case R_AMBASSADOR: return 3;
    case R_DEPUTY_MINISTER: return 2;
    case R_OFFICIAL: return 1;
    default: return 0;
    }
}

typedef struct {
    size_t t0, t1;     /* the title's tokens */
    int role, country, org, plural;
    size_t name0, name1; /* the name found with it */
    int count;         /* title units */
} chunk;

/* The role of one title unit: its head phrase, adjusted by what its complement names. */
static int unit_role(const scan *s, const dm_mention *head, int gov, int parl, int org, int deputy, int foreign) {
    const dm_title *ti = title_of(s, head);
    int role = ti->role;
    if (foreign && !parl && (is_adjustable_head(ti->phrase) || role == R_MINISTER || role == R_OFFICIAL))
        return deputy ? R_DEPUTY_MINISTER : R_FOREIGN_MINISTER; /* "Head of the Federal Department of Foreign Affairs" */
    if (is_adjustable_head(ti->phrase)) {
        if (parl) role = R_LEGISLATOR;
        else if (gov) role = deputy ? R_MINISTER : R_HEAD_OF_GOVERNMENT;
        else if (org) role = R_ORG_OFFICIAL;
    }
    return role;
}

static int org_more_specific(const dm_ctx *ctx, int a, int b) {
    /* a is a child of b */
    for (int p = ctx->orgs[a].parent; p >= 0; p = ctx->orgs[p].parent)
        if (p == b) return 1;
    return 0;
}

static void set_org(const scan *s, chunk *c, int org) {
    if (c->org < 0 || org_more_specific(s->ctx, org, c->org)) c->org = org;
}

/* Extends a title leftwards over adjectives, possessive states, organizations and modifiers. */
static size_t extend_left(const scan *s, size_t i, chunk *c) {
    while (i > s->t0) {
        size_t j = i - 1;
        /* skip a parenthetical acronym: "United Arab Emirates (UAE) Foreign Minister" */
        if (dm_eq(FW(s, j), ")") && j >= s->t0 + 2 && dm_eq(FW(s, j - 2), "(")) {
            const dm_mention *pm = base_at(s, j - 1);
            if (pm && (pm->kind == MK_COUNTRY || pm->kind == MK_ORG)) j -= 2;
            else break;
            if (j == s->t0) break;
            j--;
        }
        if (dm_eq(FW(s, j), "'s") && j > s->t0) {
            /* possessive: find the mention ending before it */
            size_t k = j;
            const dm_mention *pm = NULL;
            for (size_t b = k; b-- > s->t0 && k - b <= 6;) {
                const dm_mention *m = base_at(s, b);
                if (m && m->t1 == k) {
                    pm = m;
                    break;
                }
            }
            if (!pm || (pm->kind != MK_COUNTRY && pm->kind != MK_ORG)) break;
            if (pm->kind == MK_COUNTRY && c->country < 0) c->country = pm->id;
            if (pm->kind == MK_ORG) set_org(s, c, pm->id);
            i = pm->t0;
            continue;
        }
        const dm_mention *m = NULL;
        for (size_t b = j + 1; b-- > s->t0 && j + 1 - b <= 8;) {
            const dm_mention *x = base_at(s, b);
            if (x && x->t1 == j + 1) {
                m = x;
                break;
            }
        }
        if (!m) break;
        if (m->kind == MK_CADJ || m->kind == MK_COUNTRY) {
            if (c->country < 0) c->country = m->id;
        } else if (m->kind == MK_ORG) {
            set_org(s, c, m->id);
        } else if (m->kind == MK_TITLE && (title_of(s, m)->flags & TT_MODIFIER)) {
            /* acting, former */
        } else {
            break;
        }
        i = m->t0;
    }
    return i;
}

/* Does a title start at i (after adjectives, possessives, orgs, modifiers)? */
static int title_starts_at(const scan *s, size_t i) {
    if (i < s->t1 && dm_eq(FW(s, i), "the")) i++;
    for (int guard = 0; guard < 6 && i < s->t1; guard++) {
        const dm_mention *m = base_at(s, i);
        if (!m) return 0;
        if (is_title_head(s, m) && m->t1 == m->t0 + 1 && dm_eq(FW(s, m->t1), ".")) return 0; /* "Amb." */
        if (is_title_head(s, m)) return 1;
        if (m->kind == MK_CADJ || m->kind == MK_COUNTRY || m->kind == MK_ORG ||
            (m->kind == MK_TITLE && (title_of(s, m)->flags & TT_MODIFIER))) {
            i = m->t1;
            if (m->possessive) i++;
            continue;
        }
        return 0;
    }
    return 0;
}

/* After a run of capitalized words at i: does the title's complement go on
 * ("Development and Infrastructure of Armenia Gnel Sanosyan"), or was the run
 * the name ("Zbigniew Rau of Poland will visit")? It goes on when "of"/"for"
 * leads to a known word and then to another unknown capitalized run. */
static int complement_continues(const scan *s, size_t i) {
    while (i < s->t1 && (is_cap(s, i) || dm_eq(FW(s, i), "-"))) i++;
    if (strcmp(FW(s, i), "of") != 0 && strcmp(FW(s, i), "for") != 0) return 0;
    int known = 0;
    for (size_t j = i + 1; j < s->t1 && j < i + 14; j++) {
        const char *f = FW(s, j);
        const dm_mention *m = base_at(s, j);
        if (m) {
            known = 1;
            j = m->t1 - 1;
            continue;
        }
        /* "President A of Tajikistan and President B": another person's title begins, the complement ended */
        if ((dm_eq(f, "and") || dm_eq(f, ",")) && title_starts_at(s, j + 1 + dm_eq(FW(s, j + 1), "the"))) return 0;
        if (dm_eq(f, "the") || dm_eq(f, "of") || dm_eq(f, "and") || dm_eq(f, "'s") || dm_eq(f, "for"))
            continue;
        if (!is_cap(s, j)) return 0;
        if ((WCB(s, j) & WC_INSTITUTION) || s->known[j - s->t0]) {
            known = 1;
            continue;
        }
        return known; /* an unknown capitalized word after a known one: the name comes later */
    }
    return 0;
}

/* Words that make a lower-case title refer to someone: "the chair", "his counterpart". */
static const char *const DETERMINERS[] = {"the", "his", "her", "their", "its", "our", "a", "an", "this", "that",
                                          "whose", "'s", "new", "former", NULL};

/* Builds the title starting at the head mention h: compound parts, complements
 * and the name that follows. */
static size_t build_chunk(const scan *s, const dm_mention *h, chunk *c) {
    memset(c, 0, sizeof *c);
    c->country = c->org = -1;
    c->name0 = c->name1 = 0;
    c->t0 = extend_left(s, h->t0, c);
    int role = 0, gov = 0, parl = 0, org_in_unit = 0, foreign = 0;
    const dm_mention *unit = h;
    int deputy = strstr(title_of(s, h)->phrase, "deputy") || strstr(title_of(s, h)->phrase, "vice");
    c->plural = h->plural;
    size_t i = h->t1;
    size_t name_start = 0; /* start of a run of capitalized unknown words */
    /* a head phrase "minister of investment" already opened its complement */
    const char *prep = strstr(title_of(s, h)->phrase, " of ") ? "of" : "";
    int after_the = 0, in_paren = 0;
    size_t last_end = i;
    while (i < s->t1) {
        const char *f = FW(s, i);
        const dm_mention *m = base_at(s, i);
        if (m && m->kind == MK_CITY && !name_start && i > 0 && dm_eq(prep, "") &&
            (is_cap(s, m->t1) && !base_at(s, m->t1))) {
            name_start = i;
            i = name_end(s, i, 1);
            continue;
        }
        if (m) {
            if (name_start && m->kind != MK_TITLE) {
                /* a gazetteer word after unknown capitals: the capitals were part of the title */
                name_start = 0;
            }
            if (name_start && m->kind == MK_TITLE) break;
            if (m->kind == MK_TITLE && (title_of(s, m)->flags & TT_MODIFIER)) {
                /* "of the Transitional Council": a modifier inside the complement names the body */
                if (!(dm_eq(prep, "of") && after_the)) break;
                i = m->t1;
                last_end = i;
                continue;
            }
            if (m->kind == MK_TITLE && (title_of(s, m)->flags & (TT_HONORIFIC | TT_RANK))) {
                i = m->t1;
                last_end = i;
                if (s->title_case) break;
                /* a rank or honorific: a name follows, whatever its words */
                size_t e = name_end(s, i, 1);
                if (e > i) {
                    c->name0 = i;
                    c->name1 = e;
                    i = e;
                }
                break;
            }
            if (m->kind == MK_COUNTRY || m->kind == MK_CADJ) {
                if ((dm_eq(prep, "of") || dm_eq(prep, "from")) && c->country < 0) c->country = m->id;
                if (!*prep && c->country < 0 && m->kind == MK_CADJ) c->country = m->id;
            } else if (m->kind == MK_ORG) {
                if (strcmp(prep, "to") != 0) {
                    set_org(s, c, m->id);
                    org_in_unit = 1;
                }
            } else if (m->kind == MK_TITLE && is_title_head(s, m)) {
                if (!*prep) {
                    /* a new unit of a compound title: "Deputy Prime Minister and Foreign Minister" */
                    int r = unit_role(s, unit, gov, parl, org_in_unit, deputy, foreign);
                    if (role_priority(r) > role_priority(role)) role = r;
                    unit = m;
                    deputy = strstr(title_of(s, m)->phrase, "deputy") || strstr(title_of(s, m)->phrase, "vice");
                    gov = parl = org_in_unit = foreign = 0;
                    c->count++;
                    c->plural |= m->plural;
                }
                /* else a complement title: "of the President", "of the UN Secretary-General" */
            }
            i = m->t1;
            if (m->possessive) i++;
            last_end = i;
            after_the = 0;
            continue;
        }
        int posted = title_of(s, unit)->role == R_AMBASSADOR || title_of(s, unit)->role == R_ENVOY;
        /* "his counterpart from Guyana": a state after "from" is the title's */
        const dm_mention *from_state = dm_eq(f, "from") ? base_at(s, i + 1) : NULL;
        if (from_state && from_state->kind != MK_COUNTRY) from_state = NULL;
        if (dm_eq(f, "of") || dm_eq(f, "for") || (dm_eq(f, "to") && posted) || from_state ||
            (dm_eq(f, "in") && base_at(s, i + 1 + (dm_eq(FW(s, i + 1), "the"))) &&
             base_at(s, i + 1 + (dm_eq(FW(s, i + 1), "the")))->kind != MK_CITY)) {
            if (name_start) {
                if (!complement_continues(s, name_start)) break;
                name_start = 0;
            }
            prep = f;
            i++;
            last_end = i;
            continue;
        }
        if (dm_eq(f, "the")) {
            if (name_start) break;
            after_the = 1;
            i++;
            continue;
        }
        if (dm_eq(f, "and") || dm_eq(f, ",") || is_dash(f) || dm_eq(f, "&")) {
            int spaced_dash = is_dash(f) && (s->t->v[i].flags & TF_SPACE);
            if (is_dash(f) && !spaced_dash && !(i + 1 < s->t1 && title_starts_at(s, i + 1))) break;
            if (name_start) {
                /* "Minister X and ..." ends the name, unless the complement goes on */
                if (dm_eq(f, "and") && complement_continues(s, i + 1) && !title_starts_at(s, i + 1)) {
                    name_start = 0;
                    i++;
                    continue;
                }
                break;
            }
            const dm_mention *nx = base_at(s, i + 1);
            int portfolio = is_cap(s, i + 1) && ((WCB(s, i + 1) & WC_INSTITUTION) || s->known[i + 1 - s->t0]) &&
                            !nx && !name_start;
            if (dm_eq(f, ",") && dm_eq(prep, "of") &&
                ((nx && (nx->kind == MK_COUNTRY || nx->kind == MK_CADJ)) || portfolio) && !title_starts_at(s, i + 1)) {
                i++;
                continue;
            }
            if (title_starts_at(s, i + 1)) {
                prep = "";
                i++;
                if (dm_eq(FW(s, i), "the")) i++;
                /* the next unit's own adjectives and possessives */
                chunk tmp = *c;
                tmp.country = -1;
                const dm_mention *nm = NULL;
                size_t k = i;
                for (int g = 0; g < 6 && k < s->t1; g++) {
                    const dm_mention *x = base_at(s, k);
                    if (!x) break;
                    if (is_title_head(s, x)) {
                        nm = x;
                        break;
                    }
                    if ((x->kind == MK_CADJ || x->kind == MK_COUNTRY) && tmp.country < 0) tmp.country = x->id;
                    if (x->kind == MK_ORG) set_org(s, c, x->id);
                    k = x->t1 + (x->possessive ? 1 : 0);
                }
                if (!nm) break;
                if (c->country < 0) c->country = tmp.country;
                i = nm->t0;
                continue;
            }
            if (dm_eq(f, "and") && (is_cap(s, i + 1) || base_at(s, i + 1))) {
                /* "Territorial Development and Infrastructure", "of Kazakhstan and India" */
                i++;
                continue;
            }
            break;
        }
        if (dm_eq(f, "(")) {
            /* "(People's Council)", "(OSCE)" */
            size_t j = i + 1;
            while (j < s->t1 && j < i + 8 && strcmp(FW(s, j), ")") != 0) j++;
            if (j < s->t1 && dm_eq(FW(s, j), ")") && !name_start) {
                for (size_t k = i + 1; k < j; k++) {
                    const dm_mention *x = base_at(s, k);
                    if (x && x->kind == MK_ORG) set_org(s, c, x->id);
                }
                i = j + 1;
                last_end = i;
                continue;
            }
            break;
        }
        if (dm_eq(f, "'s") && (name_start || after_the)) {
            i++;
            continue;
        }
        if (is_word(s, i)) {
            int lower = (s->t->v[i].flags & TF_LOWER) != 0;
            if (WCB(s, i) & WC_PARLIAMENT) parl = 1;
            if ((dm_eq(f, "affairs") || dm_eq(f, "relations")) && i > 0 &&
                (dm_eq(FW(s, i - 1), "foreign") || dm_eq(FW(s, i - 1), "external")) && dm_eq(prep, "of"))
                foreign = 1;
            if (dm_eq(f, "government") || dm_eq(f, "cabinet") ||
                (dm_eq(f, "ministers") && dm_eq(FW(s, i - 2), "council"))) gov = 1;
            if (lower) {
                /* lower-case words belong to the title only inside "of the ...": "of the two chambers" */
                static const char *const STOPS[] = {"during", "for", "at", "with", "by", "as", "from", "on", "in",
                                                    "after", "before", "to", "and", "or", "who", "which", "that", NULL};
                if ((after_the || (dm_eq(prep, "of") && i > 0 && dm_eq(FW(s, i - 1), "the"))) && dm_eq(prep, "of") &&
                    after_the < 4 && !dm_word_in(STOPS, f)) {
                    after_the++;
                    i++;
                    continue;
                }
                int p = name_token(s, i, 1);
                if (p == 2 && name_start) {
                    i++;
                    continue;
                }
                break;
            }
            if ((WCB(s, i) & WC_INSTITUTION) || s->known[i - s->t0]) {
                if (name_start) {
                    if (!complement_continues(s, name_start) && !(WCB(s, i) & WC_INSTITUTION)) break;
                    name_start = 0;
                }
                i++;
                last_end = i;
                after_the = 0;
                continue;
            }
            if (after_the || in_paren) {
                /* "of the Halk Maslahaty" */
                i++;
                last_end = i;
                continue;
            }
            /* a capitalized unknown word: a name, or part of the title's complement */
            if (s->title_case) break;
            size_t e = name_end(s, i, 0);
            if (e == i) break;
            if (!name_start) name_start = i;
            i = e;
            continue;
        }
        break;
    }
    if (!org_in_unit && c->org >= 0 && c->country < 0 && unit == h) org_in_unit = 1; /* "EIB President" */
    int r = unit_role(s, unit, gov, parl, org_in_unit, deputy, foreign);
    if (role_priority(r) > role_priority(role)) role = r;
    c->role = role;
    c->count++;
    if (!c->name1 && name_start) {
        c->name0 = name_start;
        c->name1 = name_end(s, name_start, 0);
        last_end = name_start;
    }
    /* a title held in one state only ("Pope"): that state, unless the text names another */
    if (c->country < 0 && c->org < 0 && title_of(s, h)->state >= 0) c->country = title_of(s, h)->state;
    c->t1 = c->name1 ? c->name0 : last_end;
    /* trim trailing punctuation from the title */
    while (c->t1 > c->t0 && !is_word(s, c->t1 - 1)) c->t1--;
    return c->name1 ? c->name1 : c->t1;
}

static void push(scan *s, dm_mention m) { DM_VEC_PUSH(&s->doc->arena, s->out->v, s->out->n, s->out->cap, m); }

static void claim(scan *s, size_t a, size_t b) {
    for (size_t i = a; i < b && i < s->t1; i++) s->used[i - s->t0] = 1;
}

static char *title_string(scan *s, const chunk *c) {
    if (c->t1 <= c->t0) return NULL;
    size_t a = c->t0;
    if (dm_eq(FW(s, a), "the")) a++;
    return dm_arena_strndup(&s->doc->arena, s->doc->text + s->t->v[a].start, s->t->v[c->t1 - 1].end - s->t->v[a].start);
}

static void add_person_mention(scan *s, size_t n0, size_t n1, const chunk *c, size_t m0, size_t m1) {
    const char *title = c ? title_string(s, c) : NULL;
    int p = dm_people_add(s->doc, s->st->story, n0, n1, title, c ? (int)(c->t1 - c->t0) : 0, c ? c->role : 0,
                          c ? c->country : -1, c ? c->org : -1);
    dm_mention m = {0};
    m.t0 = (uint32_t)m0;
    m.t1 = (uint32_t)m1;
    m.kind = MK_PERSON;
    m.id = p;
    m.role = s->doc->x->people[p].role;
    m.country = m.org = -1;
    if (m1 < s->t1 && dm_eq(FW(s, m1), "'s")) m.possessive = 1;
    push(s, m);
    claim(s, m0, m1);
    s->st->last_person = p;
}

/* "His Highness the Amir" after a call between the Amir and a President: of the story's holders of
 * the rank, the latest whose title agrees with the words (a monarch's with a monarch's), or -1. */
static int agreeing_holder(const scan *s, int role, int country, const char *title) {
    const dm_extraction *x = s->doc->x;
    int best = -1;
    for (size_t i = 0; i < x->npeople; i++) {
        const dm_person *q = &x->people[i];
        if (q->story != s->st->story || q->anonymous || q->role != role || !q->title) continue;
        if (country >= 0 && q->country >= 0 && q->country != country) continue;
        if (!dm_titles_agree(title, q->title)) continue;
        if (best < 0 || q->last_tok > x->people[best].last_tok) best = (int)i;
    }
    return best;
}

/* From the comma at `comma` before a title, back over post-nominal letters between a name and
 * its title ("Mulambo Haimbe, SC, MP, Minister of ..."): the comma that follows the name. */
static size_t before_postnominals(const scan *s, size_t comma) {
    static const char *const POSTNOMINALS[] = {"mp", "sc", "qc", "kc", "mna", "mla", "mpp", "mhk", "td", "pc", "jp",
                                               "phd", "obe", "mbe", "cbe", "kbe", "cmg", "kcmg", "gcmg", "frs",
                                               "gcvo", "egh", "ogw", "cbs", NULL};
    size_t e = comma;
    while (e > s->t0 + 2 && (s->t->v[e - 1].flags & TF_UPPER) && dm_word_in(POSTNOMINALS, FW(s, e - 1)) &&
           dm_eq(FW(s, e - 2), ","))
        e -= 2;
    return e;
}

/* A person mention ending just before ", [post-nominals,] TITLE" at title_start: the title is
 * that person's ("his counterpart, Hon. Mulambo Haimbe, SC, MP, Minister of Foreign Affairs"). */
static dm_mention *person_before_title(scan *s, size_t title_start) {
    if (title_start <= s->t0 + 1 || !dm_eq(FW(s, title_start - 1), ",")) return NULL;
    size_t e = before_postnominals(s, title_start - 1);
    for (size_t k = s->out->n; k-- > 0;)
        if (s->out->v[k].kind == MK_PERSON && s->out->v[k].t1 == e) return &s->out->v[k];
    return NULL;
}

/* A name just before ", [the] TITLE": apposition. Returns its start, or SIZE_MAX when there is none. */
static size_t apposition_name(scan *s, size_t title_start, size_t *end) {
    size_t i = title_start;
    if (i > s->t0 && dm_eq(FW(s, i - 1), "the")) i--;
    if (i <= s->t0 + 1 || strcmp(FW(s, i - 1), ",") != 0) return SIZE_MAX;
    size_t e = before_postnominals(s, i - 1);
    /* walk back over name tokens */
    size_t b = e;
    while (b > s->t0) {
        size_t k = b - 1;
        const char *f = FW(s, k);
        const dm_mention *bm = base_at(s, k);
        int city_in_name = bm && bm->kind == MK_CITY && bm->t1 == k + 1 &&
                           ((k > s->t0 && is_cap(s, k - 1) && !base_at(s, k - 1) && !s->used[k - 1 - s->t0]) ||
                            (b == k + 1 && b < e && is_cap(s, b) && !base_at(s, b)));
        if (is_word(s, k) && (s->t->v[k].flags & TF_CAP) && !s->used[k - s->t0] && (!bm || city_in_name) &&
            !(WCB(s, k) & (WC_NOT_NAME | WC_MONTH)))
            b = k;
        else if ((dm_eq(f, ".") || is_dash(f)) && glued(s, k) && k > s->t0 && is_word(s, k - 1))
            b = k;
        else if (is_word(s, k) && (s->t->v[k].flags & TF_LOWER) && (WCB(s, k) & WC_PARTICLE))
            b = k;
        else
            break;
    }
    while (b < e && !is_cap(s, b)) b++;
    if (b >= e) return SIZE_MAX;
    /* honorifics before it are fine; the name must hold a word of two letters or more */
    size_t ne = name_end(s, b, 0);
    if (ne != e) return SIZE_MAX;
    *end = e;
    return b;
}

/* The rest of the names a plural title lists after its first one, from n: "A and B", "A, B and C". */
static void more_names(scan *s, const chunk *c, size_t n) {
    while (n < s->t1 && (dm_eq(FW(s, n), "and") || dm_eq(FW(s, n), ","))) {
        size_t b = n + 1;
        if (dm_eq(FW(s, b), "and")) b++;
        size_t e = name_end(s, b, 0);
        if (e <= b) break;
        add_person_mention(s, b, e, c, b, e);
        n = e;
    }
}

static void titles_and_names(scan *s) {
    for (size_t k = 0; k < s->nbase; k++) {
        const dm_mention *h = &s->base[k];
        if (!is_title_head(s, h) || s->used[h->t0 - s->t0]) continue;
        chunk c;
        size_t end = build_chunk(s, h, &c);
        size_t a0 = c.t0;
        if (a0 > s->t0 && dm_eq(FW(s, a0 - 1), "the")) a0--;
        if (c.name1) {
            claim(s, c.t0, c.t1);
            add_person_mention(s, c.name0, c.name1, &c, c.t0, c.name1);
            if (c.plural) {
                more_names(s, &c, c.name1);
                continue;
            }
            /* "President William Ruto of Kenya" */
            if (dm_eq(FW(s, c.name1), "of")) {
                const dm_mention *x = base_at(s, c.name1 + 1);
                if (x && x->kind == MK_COUNTRY) {
                    dm_person *p = &s->doc->x->people[s->out->v[s->out->n - 1].id];
                    if (p->country < 0) p->country = x->id;
                }
            }
            continue;
        }
        /* a generic title used as an adjective ("official visits", "the official website") */
        static const char *const ADJ_USE[] = {"visit", "visits", "meeting", "meetings", "talks", "website", "delegation",
                                              "delegations", "statement", "trip", "ceremony", "data", "sources",
                                              "figures", "level", "capacity", "documents", "channels", "page",
                                              "account", "residence", "language", "languages", "welcoming",
                                              "reception", "opening", "launch", "talks", "news", NULL};
        if (c.count == 1 && c.t1 == h->t1 && dm_word_in(ADJ_USE, FW(s, h->t1)) && (s->t->v[h->t0].flags & TF_LOWER)) {
            claim(s, c.t0, c.t1);
            continue;
        }
        /* "..., Hon. Mulambo Haimbe, SC, MP, Minister of ...": the title of the person just named */
        dm_mention *named = c.name1 ? NULL : person_before_title(s, c.t0);
        if (named) {
            claim(s, c.t0, c.t1);
            dm_person *p = &s->doc->x->people[named->id];
            if (role_priority(c.role) > role_priority(p->role)) p->role = (uint8_t)c.role;
            continue;
        }
        /* "Kaha Imnadze, the Special Representative of ..." */
        size_t ne = 0, nb = apposition_name(s, c.t0, &ne);
        if (nb != SIZE_MAX) {
            claim(s, c.t0, c.t1);
            add_person_mention(s, nb, ne, &c, nb, ne);
            dm_mention tm = {0};
            tm.t0 = (uint32_t)c.t0;
            tm.t1 = (uint32_t)c.t1;
            tm.kind = MK_TITLE;
            tm.role = (uint8_t)c.role;
            tm.country = c.country;
            tm.org = c.org;
            tm.id = h->id;
            push(s, tm);
            continue;
        }
        /* "Kazakh Deputy Prime Minister and Foreign Minister, Murat Nurtleu, met" and
         * plural titles followed by their names: "the Chairpersons ... — A and B" */
        size_t j = c.t1;
        while (j < s->t1 && (dm_eq(FW(s, j), ",") || is_dash(FW(s, j)) || dm_eq(FW(s, j), ":") ||
                             dm_eq(FW(s, j), "(")))
            j++;
        if (j > c.t1 && j < s->t1 && !s->title_case) {
            /* "..., H.E. Hakan Fidan", "..., Mr Cui Jianchun", "..., Amb. Zubairu Dada": honorifics before the name */
            size_t j0 = j;
            /* "..., the Hon. Natalie Forde," */
            if (dm_eq(FW(s, j), "the") && base_at(s, j + 1) && base_at(s, j + 1)->kind == MK_TITLE &&
                (title_of(s, base_at(s, j + 1))->flags & TT_HONORIFIC))
                j0 = ++j;
            for (int g = 0; g < 3 && j < s->t1; g++) {
                const dm_mention *hm = base_at(s, j);
                if (hm && hm->kind == MK_TITLE && (title_of(s, hm)->flags & (TT_HONORIFIC | TT_RANK | TT_MODIFIER) ||
                                                   (dm_eq(FW(s, hm->t1), ".") && hm->t1 == hm->t0 + 1))) {
                    j = hm->t1;
                    if (dm_eq(FW(s, j), ".")) j++;
                } else {
                    break;
                }
            }
            /* "..., Senator Mohammad Ishaq Dar": a second title, whose name is the person's */
            const dm_mention *second = base_at(s, j);
            if (second && is_title_head(s, second) && !c.plural) {
                chunk c2;
                build_chunk(s, second, &c2);
                if (c2.name1) {
                    if (role_priority(c.role) < role_priority(c2.role)) c.role = c2.role;
                    if (c.country < 0) c.country = c2.country;
                    if (c.org < 0) c.org = c2.org;
                    claim(s, c.t0, c.t1);
                    claim(s, c2.t0, c2.t1);
                    add_person_mention(s, c2.name0, c2.name1, &c, c.t0, c2.name1);
                    continue;
                }
            }
            size_t e = name_end(s, j, j > j0);
            if (e > j && (e - j >= 2 || j > j0) && (e == s->t1 || strcmp(FW(s, e), "of") != 0)) {
                claim(s, c.t0, c.t1);
                add_person_mention(s, j, e, &c, c.t0, e);
                if (c.plural) more_names(s, &c, e);
                continue;
            }
        }
        /* a second title for a person just named: "The Chilean diplomat X, Ambassador of Chile to Vietnam," */
        {
            size_t comma = a0 > s->t0 ? a0 - 1 : a0;
            int done = 0;
            int can = dm_eq(FW(s, comma), ",") && !(title_of(s, h)->flags & TT_GENERIC) && !c.plural;
            for (size_t q = 0; can && q < s->out->n; q++) {
                const dm_mention *pm = &s->out->v[q];
                if (pm->kind != MK_PERSON || pm->t1 != comma) continue;
                dm_person *p = &s->doc->x->people[pm->id];
                int tl = (int)(c.t1 - c.t0);
                if (c.role && (tl > p->title_len || p->role == R_OFFICIAL || !p->role)) {
                    p->title = title_string(s, &c);
                    p->title_len = tl;
                    p->role = (uint8_t)c.role;
                }
                if (p->country < 0) p->country = c.country;
                if (p->org < 0) p->org = c.org;
                claim(s, c.t0, c.t1);
                done = 1;
                break;
            }
            if (done) continue;
        }
        if (c.plural && c.name1 == 0) {
            /* plural title without names: "Foreign Ministers of Kazakhstan and India" */
            dm_mention m = {0};
            m.t0 = (uint32_t)c.t0;
            m.t1 = (uint32_t)c.t1;
            m.kind = MK_TITLE;
            m.role = (uint8_t)c.role;
            m.plural = 1;
            m.country = c.country;
            m.org = c.org;
            m.id = h->id;
            push(s, m);
            claim(s, c.t0, c.t1);
            continue;
        }
        /* a title alone: "the President", "the Kazakh Foreign Minister", "The Swiss diplomat";
         * a lower-case one needs its determiner ("will co-chair the roundtable" names nobody) */
        if (!is_cap(s, c.t0) && !dm_word_in(DETERMINERS, FW(s, c.t0)) && /* "the amir" holds its own */
            !(c.t0 > s->t0 && dm_word_in(DETERMINERS, FW(s, c.t0 - 1))))
            continue;
        const dm_title *ti = title_of(s, h);
        int generic = (ti->flags & TT_GENERIC) != 0;
        int role = generic && c.count == 1 ? -1 : c.role;
        int p = -1;
        /* "the minister" with no state: the story's main actor if the rank fits */
        if (p < 0 && c.country < 0 && c.org < 0 && s->st->main_actor >= 0 && c.count == 1 &&
            (dm_eq(FW(s, c.t0), "the") || (c.t0 > s->t0 && dm_eq(FW(s, c.t0 - 1), "the")))) {
            /* "The minister is scheduled to continue his visit": the story's main actor, even when
             * other ministers were named since */
            const dm_person *ma = &s->doc->x->people[s->st->main_actor];
            if (ma->role == c.role || (c.role == R_MINISTER && ma->role == R_FOREIGN_MINISTER)) p = s->st->main_actor;
        }
        if (p < 0 && c.country < 0 && c.org < 0) {
            /* "the Deputy Prime Minister", "the Chairperson": first the person whose title says so */
            char *words = title_string(s, &c);
            p = dm_people_find_title_words(s->doc, s->st->story, words);
        }
        if (p < 0) p = dm_people_find_title(s->doc, s->st->story, role, c.country, c.org, s->st->home_country);
        if (p < 0 && c.country >= 0 && !generic &&
            (c.role == R_HEAD_OF_STATE || c.role == R_HEAD_OF_GOVERNMENT || c.role == R_FOREIGN_MINISTER)) {
            int only = -1, n = 0;
            for (size_t qi = 0; qi < s->doc->x->npeople; qi++) {
                const dm_person *q = &s->doc->x->people[qi];
                if (q->story == s->st->story && !q->anonymous && q->country < 0 && q->org < 0 &&
                    (!q->role || q->role == R_OFFICIAL || q->role == c.role))
                    only = (int)qi, n++;
            }
            if (n == 1) {
                dm_person *q = &s->doc->x->people[only];
                q->country = c.country;
                q->role = (uint8_t)c.role;
                p = only;
            }
        }
        if (p < 0 && role > 0 && c.country < 0 && c.org < 0)
            p = dm_people_find_title(s->doc, s->st->story, role, -1, -1, s->st->home_country);
        if (p < 0 && role > 0 && c.org >= 0)
            p = dm_people_find_title(s->doc, s->st->story, -1, c.country, c.org, -1);
        if (p >= 0 && !dm_titles_agree(title_string(s, &c), s->doc->x->people[p].title))
            p = agreeing_holder(s, c.role, c.country, title_string(s, &c));
        dm_mention m = {0};
        m.t0 = (uint32_t)a0;
        m.t1 = (uint32_t)(c.t1 > a0 ? c.t1 : end);
        m.country = c.country;
        m.org = c.org;
        m.role = (uint8_t)c.role;
        if (p >= 0) {
            m.kind = MK_PERSON;
            m.id = p;
            if (c.t1 < s->t1 && dm_eq(FW(s, c.t1), "'s")) m.possessive = 1;
            s->st->last_person = p;
        } else if (c.country >= 0 && !c.plural &&
                   ((!generic && a0 < c.t0 &&
                     (c.role == R_HEAD_OF_STATE || c.role == R_HEAD_OF_GOVERNMENT || c.role == R_FOREIGN_MINISTER)) ||
                    (!strcmp(title_of(s, h)->phrase, "counterpart") &&
                     (a0 < c.t0 || (c.t0 > s->t0 && (dm_eq(FW(s, c.t0 - 1), "his") || dm_eq(FW(s, c.t0 - 1), "her") ||
                                                      dm_eq(FW(s, c.t0 - 1), "their"))))))) {
            /* "the President of Turkmenistan", "his Turkish counterpart": a definite office holder,
             * unnamed (a counterpart has the other side's rank; the state is what is written) */
            m.kind = MK_PERSON;
            m.id = dm_people_add_anonymous(s->doc, s->st->story, title_string(s, &c), c.role, c.country, c.org);
        } else if (c.country < 0 && c.org < 0 && !generic && c.count == 1 && !c.plural && !s->title_case &&
                   (c.role == R_HEAD_OF_STATE || c.role == R_HEAD_OF_GOVERNMENT || c.role == R_FOREIGN_MINISTER ||
                    c.role == R_ORG_OFFICIAL) &&
                   (dm_eq(FW(s, c.t0), "the") || (c.t0 > s->t0 && dm_eq(FW(s, c.t0 - 1), "the")) ||
                    (s->t->v[h->t0].flags & TF_UPPER))) {
            /* "Yesterday, EAM met X", "the External Affairs Minister met X", "The Secretary-General
             * met X" before the story names its holder (or never): an office holder the story's end
             * resolves (events.c) */
            m.kind = MK_PERSON;
            m.id = dm_people_add_anonymous(s->doc, s->st->story, title_string(s, &c), c.role, -1, -1);
            s->doc->x->people[m.id].forward = 1;
        } else {
            m.kind = MK_TITLE;
            m.id = h->id;
        }
        push(s, m);
        claim(s, c.t0, c.t1);
    }
}

/* Names without titles: a known person's name or surname, or a full name in a participant's slot. */
static void bare_names(scan *s) {
    for (size_t i = s->t0; i < s->t1; i++) {
        if (s->used[i - s->t0] || !is_cap(s, i)) continue;
        size_t e = name_end(s, i, 0);
        if (e == i) {
            /* "Xi", "Lu", "Hu": a short surname of someone already named (an initial has its dot) */
            if (s->t->v[i].flen == 2 && !(s->t->v[i].flags & TF_UPPER) && !dm_eq(FW(s, i + 1), ".") &&
                !base_at(s, i) && !(WCB(s, i) & WC_NOT_NAME)) {
                int p = dm_people_find_word(s->doc, s->st->story, FW(s, i));
                if (p >= 0) add_person_mention(s, i, i + 1, NULL, i, i + 1);
            }
            continue;
        }
        int p = dm_people_find_name(s->doc, s->st->story, i, e);
        if (p >= 0) {
            add_person_mention(s, i, e, NULL, i, e);
            i = e - 1;
            continue;
        }
        /* an unknown full name in a slot: "with Helga Schmid", "Meeting with X" */
        size_t words = 0;
        for (size_t k = i; k < e; k++) words += is_word(s, k) && !(s->t->v[k].flags & TF_LOWER);
        if (words < 2 || words > 4 || (s->t->v[i].flags & TF_UPPER) || s->title_case) continue; /* the cheap tests first */
        static const char *const SUBJECT_VERBS[] = {
            "met", "held", "received", "hosted", "visited", "had", "has", "spoke", "paid", "made", "signed",
            "called", "attended", "arrived", "discussed", "talked", "told", "said", "noted", "stressed", "welcomed",
            "thanked", "expressed", "congratulated", "invited", "chaired", "opened", "addressed", "also", "will",
            "telephoned", "phoned", "conferred", "reaffirmed", NULL};
        const char *prev = i > s->t0 ? FW(s, i - 1) : "";
        const char *next = FW(s, e);
        const dm_mention *pm = i > s->t0 ? base_at(s, i - 1 - (dm_eq(prev, ".") && i > s->t0 + 1)) : NULL;
        int after_honorific = pm && pm->kind == MK_TITLE && (title_of(s, pm)->flags & TT_HONORIFIC);
        int slot = dm_eq(prev, "with") || dm_eq(prev, "by") || dm_eq(prev, "between") || after_honorific ||
                   ((i == s->t0 || dm_eq(prev, ",")) && dm_word_in(SUBJECT_VERBS, next));
        if (slot) {
            add_person_mention(s, i, e, NULL, i, e);
            i = e - 1;
        }
    }
}

/* Is a person whose name ends at token `end` the subject of the clause holding the pronoun at `at`:
 * an auxiliary or modal follows the name ("Mugisha would make his", "she has led her") and no
 * punctuation or conjunction comes between? */
static int subject_of_clause(const scan *s, size_t end, size_t at) {
    static const char *const AUX[] = {"would", "will", "shall", "should", "could", "can", "may", "might", "must",
                                      "had", "has", "have", "was", "is", "did", "does", NULL};
    if (end >= at || at - end > 4 || !dm_word_in(AUX, FW(s, end))) return 0;
    for (size_t k = end; k < at; k++)
        if (!is_word(s, k) || dm_eq(FW(s, k), "and") || dm_eq(FW(s, k), "or")) return 0;
    return 1;
}

static void pronouns(scan *s, int before_subject, int before_person) {
    for (size_t i = s->t0; i < s->t1; i++) {
        const char *f = FW(s, i);
        if ((f[0] != 'h' && f[0] != 's') || s->t->v[i].flen > 3) continue; /* most words, without a compare */
        if (!dm_eq(f, "he") && !dm_eq(f, "she") && !dm_eq(f, "his") && !dm_eq(f, "her") && !dm_eq(f, "him")) continue;
        if (s->st->last_person < 0) continue;
        /* "His Excellency", "Her Majesty": an honorific, not a pronoun */
        if (i > s->t0 && is_cap(s, i) && i + 1 < s->t1 && is_cap(s, i + 1)) continue;
        const dm_mention *hon = base_at(s, i); /* also at the start of a sentence */
        if (hon && hon->kind == MK_TITLE && hon->t0 == i && (title_of(s, hon)->flags & TT_HONORIFIC)) continue;
        dm_mention m = {0};
        m.t0 = (uint32_t)i;
        m.t1 = (uint32_t)(i + 1);
        m.kind = MK_PRONOUN;
        /* the antecedent comes before: a person named earlier in the sentence, else the previous subject */
        m.id = before_subject >= 0 ? before_subject : before_person;
        uint32_t first = UINT32_MAX; /* the sentence's first person, its likely subject; mentions are not in order yet */
        const dm_mention *nearest = NULL;
        for (size_t k = 0; k < s->out->n; k++) {
            const dm_mention *p = &s->out->v[k];
            if (p->kind != MK_PERSON || p->t1 > i) continue;
            if (p->t0 < first) {
                m.id = p->id;
                first = p->t0;
            }
            if (!nearest || p->t1 > nearest->t1) nearest = p;
        }
        /* "... agreed that Mugisha would make his first visit": the subject of the pronoun's own clause */
        if (nearest && nearest->t0 != first && subject_of_clause(s, nearest->t1, i)) m.id = nearest->id;
        if (m.id < 0) continue; /* "His Excellency ..." opening a story: nobody to refer to */
        m.country = m.org = -1;
        m.possessive = f[1] == 'i' || f[1] == 'e'; /* his, her */
        if (dm_eq(f, "he") || dm_eq(f, "she")) m.possessive = 0;
        push(s, m);
    }
}

/* Mentions into text order; those starting at the same token keep the order they were found in.
 * A sentence has a handful, and an insertion sort of so few costs less than qsort's set-up. */
static void sort_mentions(dm_mention *v, size_t n) {
    for (size_t i = 1; i < n; i++) {
        dm_mention m = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1].t0 > m.t0; j--) v[j] = v[j - 1];
        v[j] = m;
    }
}

static int cmp_mention(const void *a, const void *b) {
    const dm_mention *x = a, *y = b;
    return x->t0 < y->t0 ? -1 : x->t0 > y->t0 ? 1 : 0;
}

void dm_find_mentions(const dm_ctx *ctx, dm_doc *doc, size_t sent, dm_mention_state *st, const dm_sentence_lex *lex,
                      dm_mentions *out) {
    const dm_sent *se = &doc->sents[sent];
    scan s = {0};
    int prev_subject = st->last_subject, prev_person = st->last_person;
    s.ctx = ctx;
    s.doc = doc;
    s.t = &doc->toks;
    s.t0 = se->t0;
    s.t1 = se->t1;
    s.out = out;
    s.st = st;
    out->n = 0;
    size_t n = s.t1 - s.t0;
    s.at = dm_arena_alloc(&doc->arena, n * sizeof *s.at);
    s.used = dm_arena_alloc(&doc->arena, n);
    dm_sentence_lex own;
    if (!lex) {
        dm_lex_sentence(ctx, doc, sent, &own);
        lex = &own;
    }
    s.known = lex->known;
    s.base = lex->v;
    s.nbase = lex->n;
    for (size_t i = 0; i < n; i++) s.at[i] = -1;
    if (se->headline) {
        size_t words = 0, caps = 0;
        for (size_t i = s.t0; i < s.t1; i++)
            if (is_word(&s, i) && doc->toks.v[i].flen > 3) {
                words++;
                caps += is_cap(&s, i);
            }
        s.title_case = words >= 3 && caps * 10 >= words * 7; /* Title Case or ALL CAPITALS */
    }
    for (size_t k = 0; k < s.nbase; k++) s.at[s.base[k].t0 - s.t0] = (int)k;
    titles_and_names(&s);
    bare_names(&s);
    for (size_t k = 0; k < out->n; k++) {
        if (out->v[k].kind != MK_PERSON) continue;
        dm_person *p = &doc->x->people[out->v[k].id];
        if (!p->title || !strstr(p->title, "ounterpart") || (p->role && p->role != R_OFFICIAL)) continue;
        for (size_t j = 0; j < out->n; j++)
            if (j != k && out->v[j].kind == MK_PERSON && out->v[j].id != out->v[k].id &&
                doc->x->people[out->v[j].id].role) {
                p->role = doc->x->people[out->v[j].id].role;
                out->v[k].role = p->role;
                break;
            }
    }
    /* places and organizations, also those inside titles ("SCO Foreign Ministers Council") */
    for (size_t k = 0; k < s.nbase; k++) {
        const dm_mention *m = &s.base[k];
        if (m->kind == MK_TITLE) continue;
        push(&s, *m);
    }
    /* "counterpart": a person of the same rank as the other side */
    pronouns(&s, prev_subject, prev_person);
    /* glibc's qsort is a stable merge sort, as the insertion sort is */
    if (out->n > 32) qsort(out->v, out->n, sizeof *out->v, cmp_mention);
    else sort_mentions(out->v, out->n);
}
