#include "../core/words.h"
#include "facts.h"
#include "dates.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const dm_ctx *ctx;
    dm_doc *doc;
    const dm_tokens *t;
    size_t t0, t1;
    const dm_mentions *ms;
    dm_story_ctx *sc;
    size_t sentence;
} fctx;

static const char *FW(const dm_doc *doc, size_t end, size_t i) { return i < end ? dm_tok_fold(&doc->toks, i) : DM_NO_WORD; }
#define W(i) FW(c->doc, c->t1, (i))
#define IS(i, w) (dm_eq(W(i), (w)))

static double number_of(const char *f) {
    char buf[64];
    size_t o = 0;
    for (; *f && o < sizeof buf - 1; f++)
        if (*f != ',') buf[o++] = *f;
    buf[o] = 0;
    /* The usual figure, digits with at most one '.': its digits as an integer below 2^53
     * and a power of ten up to 1e22 are exact doubles, so one division rounds as strtod
     * does (to the double nearest the decimal value). Anything else goes to strtod. */
    static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t digits = 0;
    int ndigits = 0, decimals = -1; /* -1: no '.' yet */
    for (size_t k = 0; k < o; k++) {
        if (buf[k] >= '0' && buf[k] <= '9') {
            digits = digits * 10 + (uint64_t)(buf[k] - '0');
            ndigits++;
            if (decimals >= 0) decimals++;
        } else if (buf[k] == '.' && decimals < 0 && k > 0 && k + 1 < o) {
            decimals = 0;
        } else {
            ndigits = 99; /* not a plain figure */
            break;
        }
    }
    if (ndigits > 0 && ndigits <= 15 && buf[0] != '.') return (double)digits / POW10[decimals < 0 ? 0 : decimals];
    return strtod(buf, NULL);
}

static double scale_of(const char *f) {
    if (dm_eq(f, "trillion") || dm_eq(f, "tn") || dm_eq(f, "trln") || dm_eq(f, "trl")) return 1e12;
    if (dm_eq(f, "billion") || dm_eq(f, "bn") || dm_eq(f, "bln") || dm_eq(f, "billions") || dm_eq(f, "b"))
        return 1e9;
    if (dm_eq(f, "million") || dm_eq(f, "mln") || dm_eq(f, "mn") || dm_eq(f, "millions") || dm_eq(f, "m"))
        return 1e6;
    if (dm_eq(f, "thousand") || dm_eq(f, "k")) return 1e3;
    return 0;
}

/* Currency words after an amount. Returns tokens used and sets the code. */
static int currency_after(const dm_doc *doc, size_t i, size_t end, char *code) {
    const char *a = FW(doc, end, i), *b = FW(doc, end, i + 1);
    if ((dm_eq(a, "us") || dm_eq(a, "u.s.") || dm_eq(a, "american")) && (dm_eq(b, "dollars") || dm_eq(b, "dollar"))) {
        strcpy(code, "USD");
        return 2;
    }
    if (dm_eq(a, "swiss") && dm_eq(b, "francs")) {
        strcpy(code, "CHF");
        return 2;
    }
    /* the other dollars: "Australian dollars", "Singapore dollars", "Hong Kong dollars" */
    static const struct {
        const char *w, *w2, *c;
    } DOLLARS[] = {{"australian", NULL, "AUD"}, {"canadian", NULL, "CAD"}, {"singapore", NULL, "SGD"},
                   {"singaporean", NULL, "SGD"}, {"taiwan", NULL, "TWD"}, {"new", "zealand", "NZD"},
                   {"hong", "kong", "HKD"}};
    for (size_t k = 0; k < sizeof DOLLARS / sizeof *DOLLARS; k++) {
        int n = DOLLARS[k].w2 ? 2 : 1;
        const char *d = FW(doc, end, i + (size_t)n);
        if (dm_eq(a, DOLLARS[k].w) && (n == 1 || dm_eq(b, DOLLARS[k].w2)) && (dm_eq(d, "dollars") || dm_eq(d, "dollar"))) {
            strcpy(code, DOLLARS[k].c);
            return n + 1;
        }
    }
    static const struct {
        const char *w, *c;
    } C[] = {{"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
             {"eur", "EUR"},     {"yen", "JPY"},    {"jpy", "JPY"}, {"rubles", "RUB"}, {"roubles", "RUB"},
             {"rub", "RUB"},     {"yuan", "CNY"},   {"cny", "CNY"}, {"rmb", "CNY"},    {"tenge", "KZT"},
             {"kzt", "KZT"},     {"pounds", "GBP"}, {"gbp", "GBP"}, {"rupees", "INR"}, {"inr", "INR"},
             {"manat", "AZN"},   {"lira", "TRY"},   {"francs", "CHF"}, {"chf", "CHF"}, {"won", "KRW"},
             {"dirhams", "AED"}, {"riyals", "SAR"}, {"soms", "KGS"}, {"som", "UZS"}, {"naira", "NGN"},
             {"rand", "ZAR"},    {"reais", "BRL"},  {"ringgit", "MYR"}, {"rupiah", "IDR"}, {"baht", "THB"},
             {"dong", "VND"},    {"lari", "GEL"},   {"drams", "AMD"}, {"tugriks", "MNT"}, {"hryvnias", "UAH"},
             {"zlotys", "PLN"},  {"zloty", "PLN"},  {"cedis", "GHS"}, {"birr", "ETB"}, {"taka", "BDT"},
             {"shekels", "ILS"}, {"forints", "HUF"}, {NULL, NULL}};
    for (int k = 0; C[k].w; k++)
        if (dm_eq(a, C[k].w)) {
            strcpy(code, C[k].c);
            return 1;
        }
    return 0;
}

/* ISO 4217 codes news writes before amounts. */
static int iso_currency(const char *f) {
    static const char *const C[] = {"chf", "jpy", "cny", "rub", "kzt", "inr", "aed", "sar", "try", "cad", "aud",
                                    "brl", "mxn", "zar", "ngn", "kes", "uzs", "kgs", "azn", "gel", "amd", "mnt",
                                    "krw", "idr", "myr", "sgd", "thb", "vnd", "php", "pkr", "egp", "nok", "sek",
                                    "dkk", "pln", "huf", "czk", "qar", "kwd", "omr", "bhd", "ils", "clp", "cop",
                                    "pen", "ars", "uah", "byn", "tjs", "tmt", NULL};
    return dm_word_in(C, f);
}

/* The dollar signs of other states before an amount: A$, C$, NZ$, HK$, S$ (and the real's R$).
 * Returns the tokens used and sets the code. */
static size_t other_dollar_sign(const dm_doc *doc, size_t j, size_t end, char *code) {
    static const struct {
        const char *w, *c;
    } SIGNS[] = {{"a", "AUD"}, {"au", "AUD"}, {"c", "CAD"}, {"ca", "CAD"}, {"nz", "NZD"},
                 {"hk", "HKD"}, {"s", "SGD"},  {"r", "BRL"}};
    if (j + 1 >= end || doc->toks.v[j].kind != TK_WORD || !(doc->toks.v[j].flags & TF_CAP) ||
        !dm_eq(FW(doc, end, j + 1), "$") || (doc->toks.v[j + 1].flags & TF_SPACE))
        return 0;
    for (size_t k = 0; k < sizeof SIGNS / sizeof *SIGNS; k++)
        if (dm_eq(FW(doc, end, j), SIGNS[k].w)) {
            strcpy(code, SIGNS[k].c);
            return 2;
        }
    return 0;
}

int dm_parse_money_near_number(const dm_doc *doc, size_t i, size_t end, dm_amount *out) {
    size_t j = i;
    char code[4] = "";
    const char *f = FW(doc, end, j);
    /* prefixes: $, US$, USD, €, £, dlrs */
    if ((dm_eq(f, "us") || dm_eq(f, "u.s.")) && dm_eq(FW(doc, end, j + 1), "$")) j++, f = FW(doc, end, j);
    size_t sign = other_dollar_sign(doc, j, end, code);
    if (sign) j += sign;
    else if (dm_eq(f, "$")) strcpy(code, "USD"), j++;
    else if (dm_eq(f, "usd") || dm_eq(f, "dlrs") || dm_eq(f, "dlr")) strcpy(code, "USD"), j++;
    else if (dm_eq(f, "\xe2\x82\xac") || dm_eq(f, "eur")) strcpy(code, "EUR"), j++;
    else if (dm_eq(f, "\xc2\xa3") || dm_eq(f, "gbp")) strcpy(code, "GBP"), j++;
    else if (dm_eq(f, "\xc2\xa5")) strcpy(code, "JPY"), j++;
    else if (doc->toks.v[j].kind == TK_WORD && (doc->toks.v[j].flags & TF_UPPER) && doc->toks.v[j].flen == 3 && iso_currency(f)) {
        for (int k = 0; k < 3; k++) code[k] = (char)(f[k] - 32); /* "CHF 2.1 billion", "KZT 500 million" */
        code[3] = 0;
        j++;
    }
    if (j >= end || doc->toks.v[j].kind != TK_NUM) return 0;
    double v = 0;
    int parts = 0;
    /* "5bn 800mln": a sum of scaled parts */
    while (j < end && doc->toks.v[j].kind == TK_NUM) {
        double n = number_of(FW(doc, end, j));
        double sc = scale_of(FW(doc, end, j + 1));
        if (sc == 0) {
            if (parts) break;
            v = n;
            j++;
            parts = -1;
            break;
        }
        if (parts && sc >= 1e9 && v > 0) break;
        v += n * sc;
        j += 2;
        parts++;
    }
    int k = currency_after(doc, j, end, code[0] ? (char[4]){0} : code);
    if (k) j += (size_t)k;
    if (!code[0]) return 0;
    out->value = v;
    memcpy(out->unit, code, 4);
    out->t0 = i;
    out->t1 = j;
    return 1;
}

/* ---- what the figure measures ---- */

static const char *const COMPANY_NOUNS[] = {"companies", "firms", "enterprises", "entities", "businesses",
                                            "ventures", "offices", NULL};
static const char *const NOT_A_FIGURE[] = {"surplus", "deficit", "loan", "loans", "grant", "grants", "aid",
                                           "assistance", "budget", "gdp", "worth", "debt", "credit", "reserves",
                                           "capitalization", "fine", "contract", "contracts", NULL};


/* The metric of the trigger word at i, or 0. */
static int metric_at(const fctx *c, size_t i) {
    const char *f = W(i);
    if (dm_eq(f, "turnover") || dm_eq(f, "commerce")) return MET_TRADE;
    if ((dm_eq(f, "exchange") || dm_eq(f, "exchanges")) && i > c->t0 &&
        (IS(i - 1, "commercial") || IS(i - 1, "trade")))
        return MET_TRADE; /* "the bilateral commercial exchange reached ..." */
    if (dm_eq(f, "trade")) {
        const char *n = W(i + 1);
        if (dm_eq(n, "surplus") || dm_eq(n, "deficit") || dm_eq(n, "balance") || dm_eq(n, "agreement") ||
            dm_eq(n, "partner") || dm_eq(n, "partners") || dm_eq(n, "minister") || dm_eq(n, "relations") ||
            dm_eq(n, "ties") || dm_eq(n, "and") || dm_eq(n, "mission") || dm_eq(n, "missions") ||
            dm_eq(n, "house") || dm_eq(n, "center") || dm_eq(n, "centre") || dm_eq(n, "war") ||
            dm_eq(n, "barriers") || dm_eq(n, "matters") || dm_eq(n, "policy") || dm_eq(n, "routes"))
            return 0;
        return MET_TRADE;
    }
    if (dm_eq(f, "investment") || dm_eq(f, "investments") || dm_eq(f, "invested") || dm_eq(f, "investors") ||
        dm_eq(f, "investor"))
        return MET_INVESTMENT;
    if (dm_eq(f, "exports") || dm_eq(f, "export") || dm_eq(f, "exported") || dm_eq(f, "imports") ||
        dm_eq(f, "imported") || dm_eq(f, "shipments") || dm_eq(f, "shipped"))
        return MET_EXPORT;
    if (dm_eq(f, "traded")) return MET_TRADE; /* "Canada and Mexico traded goods worth C$56 billion" */
    return 0;
}

static int is_target_context(const fctx *c, size_t trig, size_t val) {
    size_t a = trig < val ? trig : val;
    size_t from = a > c->t0 + 8 ? a - 8 : c->t0;
    for (size_t k = from; k < val; k++) {
        const char *f = W(k);
        if (dm_eq(f, "goal") || dm_eq(f, "target") || dm_eq(f, "aim") || dm_eq(f, "aims") ||
            dm_eq(f, "task") || dm_eq(f, "bring") || dm_eq(f, "bringing") || dm_eq(f, "targets") ||
            dm_eq(f, "objective"))
            return 1;
    }
    /* "increase trade turnover to $500 million" */
    if (val > c->t0 && IS(val - 1, "to")) {
        for (size_t k = from; k < val; k++)
            if (dm_eq(W(k), "increase") || dm_eq(W(k), "raise") || dm_eq(W(k), "boost") || dm_eq(W(k), "double") ||
                dm_eq(W(k), "expand") || dm_eq(W(k), "bring"))
                return 1;
    }
    return 0;
}

/* The trade figure a target refers back to: "raise it to $200 million", "bringing this figure
 * to $2 billion" (a verb of growth, then "it" or "this/that/the figure/volume", then "to" and the
 * amount at val), when the last figure of the story, told in one of the two sentences before,
 * is trade. */
static const dm_fact *trade_referred_to(const fctx *c, size_t val) {
    if (val < c->t0 + 3 || !IS(val - 1, "to")) return NULL;
    size_t k = val - 1; /* "it" or "this figure" ends before k */
    if (IS(k - 1, "it")) k -= 1;
    else if (k >= c->t0 + 3 && (IS(k - 1, "figure") || IS(k - 1, "volume") || IS(k - 1, "amount")) &&
             (IS(k - 2, "this") || IS(k - 2, "that") || IS(k - 2, "the")))
        k -= 2;
    else
        return NULL;
    static const char *const GROW[] = {"raise", "raising", "increase", "increasing", "bring", "bringing", "boost",
                                       "boosting", "lift", "lifting", "take", "taking", "double", "doubling",
                                       "expand", "expanding", "grow", "growing", NULL};
    if (k <= c->t0 || !dm_word_in(GROW, W(k - 1))) return NULL;
    const dm_extraction *x = c->doc->x;
    if (!x->nfacts) return NULL;
    const dm_fact *last = &x->facts[x->nfacts - 1];
    if (last->metric != MET_TRADE) return NULL;
    /* told in this story, at most two sentences back */
    size_t s = c->sentence, story_s0 = c->doc->stories[c->sc->ms.story].s0;
    size_t back = s >= story_s0 + 2 ? s - 2 : story_s0;
    if (last->evidence.end <= c->t->v[c->doc->sents[back].t0].start) return NULL;
    return last;
}

static char qualifier_before(const fctx *c, size_t i) {
    for (size_t k = i; k > c->t0 && k + 4 > i; k--) {
        const char *f = W(k - 1), *g = W(k);
        if ((dm_eq(f, "more") || dm_eq(f, "greater")) && dm_eq(g, "than")) return '>';
        if (dm_eq(f, "over") || dm_eq(f, "above") || dm_eq(f, "exceeded") || dm_eq(f, "exceeding") ||
            dm_eq(f, "surpassed") || dm_eq(f, "excess") || dm_eq(f, "exceeds") || dm_eq(f, "surpassing"))
            return '>';
        if (dm_eq(f, "nearly") || dm_eq(f, "almost") || (dm_eq(f, "less") && dm_eq(g, "than")) ||
            dm_eq(f, "under") || (dm_eq(f, "up") && dm_eq(g, "to")) || (dm_eq(f, "close") && dm_eq(g, "to")))
            return '<';
        if (dm_eq(f, "about") || dm_eq(f, "around") || dm_eq(f, "approximately") || dm_eq(f, "some") ||
            dm_eq(f, "roughly") || dm_eq(f, "circa") || dm_eq(f, "estimated") || dm_eq(f, "~") ||
            dm_eq(f, "approx"))
            return '~';
        if (dm_eq(f, ",") || dm_eq(f, ".")) break;
    }
    return '=';
}

static int blocked(const fctx *c, size_t i) {
    for (size_t k = i > c->t0 + 4 ? i - 4 : c->t0; k < i; k++) {
        /* "trade was worth $5 billion" states the figure; "projects worth $5 billion" are deals */
        if (IS(k, "worth") && k > c->t0 &&
            (IS(k - 1, "was") || IS(k - 1, "is") || IS(k - 1, "were") || IS(k - 1, "are") || IS(k - 1, "been")))
            continue;
        /* "traded goods worth C$56 billion" too */
        if (IS(k, "worth") && k > c->t0 + 1 && (IS(k - 2, "traded") || IS(k - 1, "traded"))) continue;
        if (dm_word_in(NOT_A_FIGURE, W(k))) return 1;
    }
    return 0;
}

/* The change reported with a figure: "71% more", "increased by 23.1%", "by a third". */
static int change_in(const fctx *c, double *out) {
    for (size_t i = c->t0; i < c->t1; i++) {
        int pct = c->t->v[i].kind == TK_NUM && (IS(i + 1, "%") || IS(i + 1, "percent") || IS(i + 1, "per"));
        if (pct) {
            double v = number_of(W(i));
            int sign = 0;
            for (size_t k = i > c->t0 + 6 ? i - 6 : c->t0; k < i + 5 && k < c->t1; k++) {
                const char *f = W(k);
                if (dm_eq(f, "more") || dm_eq(f, "increase") || dm_eq(f, "increased") || dm_eq(f, "increasing") ||
                    dm_eq(f, "rose") || dm_eq(f, "grew") || dm_eq(f, "growth") || dm_eq(f, "up") ||
                    dm_eq(f, "jumped") || dm_eq(f, "higher") || dm_eq(f, "rising") || dm_eq(f, "grown") ||
                    dm_eq(f, "increases") || dm_eq(f, "rise") || dm_eq(f, "surged") || dm_eq(f, "growing") ||
                    dm_eq(f, "soared") || dm_eq(f, "expanded"))
                    sign = 1;
                if (dm_eq(f, "less") || dm_eq(f, "decrease") || dm_eq(f, "decreased") || dm_eq(f, "fell") ||
                    dm_eq(f, "down") || dm_eq(f, "declined") || dm_eq(f, "decline") || dm_eq(f, "dropped") ||
                    dm_eq(f, "lower") || dm_eq(f, "falling") || dm_eq(f, "decreasing") || dm_eq(f, "drop") ||
                    dm_eq(f, "fall") || dm_eq(f, "contraction") || dm_eq(f, "shrank") || dm_eq(f, "slumped") ||
                    dm_eq(f, "plunged"))
                    sign = -1;
            }
            if (sign) {
                *out = sign * v;
                return 1;
            }
        }
        if (IS(i, "by") && (IS(i + 1, "a") || IS(i + 1, "one")) && IS(i + 2, "third")) {
            *out = 33.3;
            return 1;
        }
        if (IS(i, "by") && IS(i + 1, "half")) {
            *out = 50;
            return 1;
        }
        if (IS(i, "doubled") || IS(i, "twofold")) {
            *out = 100;
            return 1;
        }
    }
    return 0;
}

/* The year (and part of it) a figure is for. */
static void year_of(const fctx *c, size_t val, int *year, const char **part) {
    *year = 0;
    *part = NULL;
    int best = 1 << 30;
    for (size_t i = c->t0; i < c->t1; i++) {
        const char *f = W(i);
        const char *p = NULL;
        size_t j = i;
        if ((dm_eq(f, "first") || dm_eq(f, "second") || dm_eq(f, "third") || dm_eq(f, "fourth")) &&
            (IS(i + 1, "quarter") || IS(i + 1, "half"))) {
            static const char *Q[] = {"Q1", "Q2", "Q3", "Q4"}, *H[] = {"H1", "H2"};
            int n = f[0] == 'f' ? (f[1] == 'i' ? 0 : 3) : f[0] == 's' ? 1 : 2;
            p = IS(i + 1, "quarter") ? Q[n] : (n < 2 ? H[n] : NULL);
            j = i + 2;
            if (IS(j, "of")) j++;
        }
        dm_datex dx;
        if (!dm_date_parse(c->doc, j, c->t1, c->sc->date, 0, &dx) || dx.kind == DX_UNRESOLVED || dx.span.to.y) {
            continue;
        }
        const char *prev = i > c->t0 ? W(i - 1) : "";
        if (dm_eq(prev, "since") || dm_eq(prev, "for")) continue;
        if (i > c->t0 + 1 && (dm_eq(prev, "of") || dm_eq(prev, "in")) && IS(i - 2, "period")) continue;
        if (dm_eq(prev, "than") || (i > c->t0 + 1 && IS(i - 2, "compared"))) continue;
        if (dx.span.from.d) continue; /* a day's date is not a figure's period */
        int dist = (int)i - (int)val;
        if (dist < 0) dist = -dist + 2;
        if (dist < best) {
            best = dist;
            *year = dx.span.from.y;
            *part = p;
            if (!p && (dm_eq(f, "this") || dm_eq(f, "current")) && dx.span.from.y == c->sc->date.y)
                *part = "ytd";
        }
        i = j + dx.ntok - 1;
    }
    if (!*year && c->sc->last_year_context) *year = c->sc->last_year_context;
}

/* Does a clause of its own begin at token i: "; ...", ", and (that) ...", ", while ...", ", but ...",
 * ", bringing the total ..."? */
static int clause_break(const fctx *c, size_t i) {
    return IS(i, ";") || (IS(i, ",") && (IS(i + 1, "and") || IS(i + 1, "while") || IS(i + 1, "but") ||
                                         IS(i + 1, "whereas") || IS(i + 1, "bringing") || IS(i + 1, "raising") ||
                                         IS(i + 1, "taking")));
}

/* The first year of a cumulative figure ("invested $1bn since 2017", "Since 2017, ... have
 * invested"), said in the amount's own clause: another figure's "since" is not its. */
/* The clause around the amount [val, vend): [*a, *b). */
static void clause_of(const fctx *c, size_t val, size_t vend, size_t *a, size_t *b) {
    *a = val;
    *b = vend;
    while (*a > c->t0 && !clause_break(c, *a - 1)) (*a)--;
    while (*b < c->t1 && !clause_break(c, *b)) (*b)++;
}

static int since_of(const fctx *c, size_t val, size_t vend) {
    size_t a, b;
    clause_of(c, val, vend, &a, &b);
    for (size_t i = a; i + 1 < b; i++)
        if (IS(i, "since") && c->t->v[i + 1].kind == TK_NUM && c->t->v[i + 1].flen == 4) {
            int y = atoi(W(i + 1));
            if (y > 1900 && y < 2100) return y;
        }
    return 0;
}

/* Is the year written as a number in the amount's clause? */
static int year_in_clause(const fctx *c, size_t val, size_t vend, int year) {
    size_t a, b;
    clause_of(c, val, vend, &a, &b);
    for (size_t i = a; i < b; i++)
        if (c->t->v[i].kind == TK_NUM && c->t->v[i].flen == 4 && atoi(W(i)) == year && !(i > c->t0 && IS(i - 1, "since")))
            return 1;
    return 0;
}

const char *dm_party_code(const dm_ctx *ctx, int party) {
    return party >= DM_ORG_PARTY ? ctx->orgs[party - DM_ORG_PARTY].code : ctx->countries[party].code;
}

/* Is an organization named where a party of a figure stands: the sentence's
 * subject ("The EBRD has invested ..."), or after a word that joins a party
 * ("trade with / between Kazakhstan and / imports from / investment by the EU").
 * Not after "at", "of", "in" ("at the SCO summit", "the Secretary-General of
 * the UN", "cooperation in the CIS"): there it is a venue or a frame. */
static int org_as_party(const fctx *c, const dm_mention *m) {
    size_t p = m->t0;
    /* "trade with other ECOWAS member states", "with fellow EU members" */
    if (p > c->t0 && (IS(p - 1, "other") || IS(p - 1, "fellow"))) p--;
    if (p > c->t0 && IS(p - 1, "the")) p--;
    if (p == c->t0) return 1;
    static const char *const JOINS[] = {"with", "and", "between", "from", "to", "into", "by"};
    for (size_t k = 0; k < sizeof JOINS / sizeof *JOINS; k++)
        if (IS(p - 1, JOINS[k])) return 1;
    return 0;
}

/* The parties named in the sentence, in order: states, and organizations where a party stands. */
static size_t states(const fctx *c, int *out, size_t *pos, size_t max) {
    size_t n = 0;
    for (size_t k = 0; k < c->ms->n && n < max; k++) {
        const dm_mention *m = &c->ms->v[k];
        int id = m->kind == MK_COUNTRY || m->kind == MK_CADJ ? m->id
                 : m->kind == MK_ORG && org_as_party(c, m) ? DM_ORG_PARTY + m->id
                                                              : -1;
        if (id < 0) continue;
        pos[n] = m->t0;
        out[n++] = id;
    }
    return n;
}

/* The distinct states of a list, in order of first mention. */
static size_t distinct(const int *st, size_t n, int *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int dup = 0;
        for (size_t j = 0; j < k; j++) dup |= out[j] == st[i];
        if (!dup) out[k++] = st[i];
    }
    return k;
}

/* The pair the story is about: the two sides of the meeting or call in focus, else
 * its home state and the latest other one. */
static void focus_pair(const fctx *c, int *a, int *b) {
    if (c->sc->focus_event >= 0) {
        const dm_event *e = &c->doc->x->events[c->sc->focus_event];
        int s[2], n = 0, unknown = 0;
        for (int k = 0; k < e->nparts && n < 2 && (e->kind == EV_MEETING || e->kind == EV_CALL); k++) {
            int st = dm_part_state(c->doc->x, &e->parts[k]);
            if (st < 0 && e->parts[k].kind == P_PERSON) unknown++;
            if (st >= 0 && (n == 0 || st != s[0])) s[n++] = st;
        }
        /* a side whose state the text has not said yet: the story's own */
        if (n == 1 && unknown && c->sc->ms.home_country >= 0 && c->sc->ms.home_country != s[0])
            s[n++] = c->sc->ms.home_country;
        if (n == 2) {
            *a = s[0];
            *b = s[1];
            return;
        }
    }
    *a = c->sc->ms.home_country;
    *b = c->sc->last_foreign;
    if (*a < 0 || *b < 0) {
        /* the states of the event in focus */
        if (c->sc->focus_event >= 0) {
            const dm_event *e = &c->doc->x->events[c->sc->focus_event];
            for (int k = 0; k < e->nparts; k++) {
                int s = dm_part_state(c->doc->x, &e->parts[k]);
                if (s < 0) continue;
                if (*a < 0) *a = s;
                else if (*b < 0 && s != *a) *b = s;
            }
        }
    }
}

static int state_after(const fctx *c, const int *st, const size_t *pos, size_t n, size_t from, const char *prep) {
    for (size_t k = 0; k < n; k++) {
        if (pos[k] < from || pos[k] < c->t0 + 1) continue;
        size_t p = pos[k] - 1;
        if (IS(p, "the") && p > c->t0) p--;
        if (dm_eq(W(p), prep) || (dm_eq(prep, "in") && (IS(p, "into") || IS(p, "to")))) return st[k];
    }
    return -1;
}

static void push_fact(fctx *c, dm_fact f) {
    if (f.parties[0] < 0 || f.parties[1] < 0 || f.parties[0] == f.parties[1]) return;
    f.evidence = (dm_span){c->t->v[c->t0].start, c->t->v[c->t1 - 1].end};
    /* the same figure said twice in a story */
    dm_extraction *x = c->doc->x;
    for (size_t k = 0; k < x->nfacts; k++) {
        dm_fact *g = &x->facts[k];
        if (g->metric == f.metric && g->value == f.value && g->year == f.year &&
            ((g->parties[0] == f.parties[0] && g->parties[1] == f.parties[1]) ||
             (g->parties[0] == f.parties[1] && g->parties[1] == f.parties[0])))
            return;
    }
    DM_VEC_PUSH(&c->doc->arena, x->facts, x->nfacts, x->facts_cap, f);
}

static void money_facts(fctx *c) {
    int st[16];
    size_t pos[16];
    size_t ns = states(c, st, pos, 16);
    for (size_t i = c->t0; i < c->t1; i++) {
        dm_amount am;
        if (!dm_parse_money(c->doc, i, c->t1, &am)) continue;
        size_t val = i;
        i = am.t1 - 1;
        if (blocked(c, val)) continue;
        /* the nearest metric word before the amount, else just after it */
        int metric = 0;
        size_t trig = 0;
        for (size_t k = val; k-- > c->t0 && val - k <= 25;) {
            int m = metric_at(c, k);
            if (m) {
                metric = m;
                trig = k;
                break;
            }
        }
        if (!metric)
            for (size_t k = am.t1; k < c->t1 && k < am.t1 + 5; k++) {
                int m = metric_at(c, k);
                if (m) {
                    metric = m;
                    trig = k;
                    break;
                }
            }
        /* "... trade with the EU reached $3.4 billion in the first half of 2025, and that the two
         * have set a target of $10 billion by 2030": a target's trade may be named farther back */
        if (!metric && val >= c->t0 + 2 && IS(val - 1, "of") && (IS(val - 2, "target") || IS(val - 2, "goal")))
            for (size_t k = val; k-- > c->t0;)
                if (metric_at(c, k) == MET_TRADE) {
                    metric = MET_TRADE;
                    trig = k;
                    break;
                }
        /* "Trade ... reached $58.4 million. The presidents instructed their governments to raise it
         * to $200 million": the figure the last sentences gave is "it", and this is its target */
        const dm_fact *referred = NULL;
        if (!metric && (referred = trade_referred_to(c, val)) != NULL) metric = MET_TARGET;
        if (!metric) continue;
        dm_fact f = {0};
        f.metric = (uint8_t)metric;
        f.value = am.value;
        memcpy(f.unit, am.unit, 4);
        f.qualifier = qualifier_before(c, val);
        f.parties[0] = f.parties[1] = -1;
        f.since = since_of(c, val, am.t1);
        year_of(c, val, &f.year, &f.part);
        /* a total since a year has no year of its own, unless it is said in the amount's clause */
        if (f.since && (f.year == c->sc->last_year_context || !year_in_clause(c, val, am.t1, f.year))) f.year = 0;
        f.has_change = (uint8_t)change_in(c, &f.change);
        int a, b;
        focus_pair(c, &a, &b);
        int ds[16];
        size_t nds = distinct(st, ns, ds);
        if (metric == MET_TRADE && is_target_context(c, trig, val)) f.metric = MET_TARGET;
        if (referred) {
            f.parties[0] = referred->parties[0];
            f.parties[1] = referred->parties[1];
        } else if (f.metric == MET_TRADE || f.metric == MET_TARGET) {
            /* "Trade between A and B reached X, while trade between A and C was Y": each figure's
             * parties are those of its own clause; "the two countries" in a clause of its own are
             * the pair an earlier clause named, else the story's pair, never the next clause's */
            size_t ca, cb;
            clause_of(c, val, am.t1, &ca, &cb);
            int cs[16];
            size_t ncs = 0;
            for (size_t k = 0; k < ns; k++)
                if (pos[k] >= ca && pos[k] < cb) cs[ncs++] = st[k];
            int own = ca > c->t0 || cb < c->t1; /* the sentence has other clauses */
            int two = 0;
            for (size_t k = ca; k + 1 < cb; k++) two |= IS(k, "two") && (IS(k + 1, "countries") || IS(k + 1, "nations"));
            if (own && ncs) nds = distinct(cs, ncs, ds);
            else if (own && two) {
                ncs = 0;
                for (size_t k = 0; k < ns; k++)
                    if (pos[k] < ca) cs[ncs++] = st[k];
                nds = distinct(cs, ncs, ds);
                if (nds < 2) nds = 0;
            }
            if (nds >= 2) f.parties[0] = ds[0], f.parties[1] = ds[1];
            else if (nds == 1) f.parties[0] = ds[0], f.parties[1] = ds[0] == a ? b : a;
            else f.parties[0] = a, f.parties[1] = b;
        } else if (metric == MET_INVESTMENT) {
            int to = state_after(c, st, pos, ns, c->t0, "in");
            int from = state_after(c, st, pos, ns, c->t0, "from");
            for (size_t k = 0; k < ns; k++) /* "Qatari investments": the investor */
                if (pos[k] + 1 == trig || (pos[k] + 2 == trig && IS(pos[k] + 1, "direct"))) from = st[k];
            if (from >= 0 && to == from) to = -1;
            if (from >= 0 && to < 0)
                for (size_t k = 0; k < ns; k++)
                    if (st[k] != from) {
                        to = st[k]; /* "Kazakhstan has attracted ... from the Netherlands" */
                        break;
                    }
            for (size_t k = 0; k < ns && from < 0; k++)
                if (st[k] != to) from = st[k];
            if (to < 0) to = from == a ? b : a;
            if (from < 0) from = to == a ? b : a;
            f.parties[0] = from;
            f.parties[1] = to;
        } else if (metric == MET_EXPORT) {
            /* the trade flow of this figure's own words: "Kazakh exports", "imports from Japan" */
            int imports = W(trig)[0] == 'i';
            int to = -1, from = -1;
            for (size_t k = 0; k < ns; k++) {
                if (pos[k] + 3 >= trig && pos[k] < trig && !imports) from = st[k]; /* "Kazakh exports" */
                if (pos[k] + 3 >= trig && pos[k] < trig && imports) to = st[k];
                if (pos[k] > trig && pos[k] <= trig + 8 && pos[k] > c->t0) {
                    const char *pw = W(pos[k] - 1);
                    if (dm_eq(pw, "the") && pos[k] > c->t0 + 1) pw = W(pos[k] - 2);
                    if (dm_eq(pw, "to") || dm_eq(pw, "into")) to = st[k];
                    if (dm_eq(pw, "from") || dm_eq(pw, "of")) from = st[k];
                }
            }
            if (from < 0)
                for (size_t k = 0; k < ns; k++)
                    if (st[k] != to) {
                        from = st[k];
                        break;
                    }
            if (to < 0) to = from == a ? b : a;
            if (from < 0) from = to == a ? b : a;
            f.parties[0] = from;
            f.parties[1] = to;
        }
        push_fact(c, f);
    }
}

static void count_facts(fctx *c) {
    int st[16];
    size_t pos[16];
    size_t ns = states(c, st, pos, 16);
    for (size_t i = c->t0; i < c->t1; i++) {
        if (c->t->v[i].kind != TK_NUM) continue;
        if (i > c->t0 && (IS(i - 1, "$") || IS(i - 1, "usd"))) continue;
        double v = number_of(W(i));
        if (v < 1 || v != floor(v) || v > 1e6) continue;
        /* the noun within a few words: "435 Armenian companies", "13 significant joint projects" */
        size_t noun = 0;
        int metric = 0;
        for (size_t k = i + 1; k < c->t1 && k < i + 6; k++) {
            if (dm_word_in(COMPANY_NOUNS, W(k))) {
                metric = MET_COMPANIES;
                noun = k;
                break;
            }
            if (IS(k, "projects") && IS(k - 1, "joint")) {
                metric = MET_JOINT;
                noun = k;
                break;
            }
            if (IS(k, ",") || IS(k, ".") || c->t->v[k].kind == TK_NUM) break;
        }
        if (!metric) continue;
        dm_fact f = {0};
        f.metric = (uint8_t)metric;
        f.value = v;
        f.qualifier = qualifier_before(c, i);
        f.parties[0] = f.parties[1] = -1;
        int a, b;
        focus_pair(c, &a, &b);
        if (metric == MET_JOINT) {
            int ds[16];
            size_t nds = distinct(st, ns, ds);
            if (nds >= 2) f.parties[0] = ds[0], f.parties[1] = ds[1];
            else f.parties[0] = a, f.parties[1] = b;
        } else {
            /* origin: an adjective between number and noun, or "of Swiss capital"; host: "in X" */
            int origin = -1, host = -1;
            for (size_t k = 0; k < ns; k++)
                if (pos[k] > i && pos[k] < noun) origin = st[k];
            for (size_t k = 0; k < ns; k++)
                if (pos[k] > noun && pos[k] > c->t0 && (IS(pos[k] - 1, "in") || (IS(pos[k] - 1, "the") && IS(pos[k] - 2, "in")))) {
                    host = st[k];
                    break;
                }
            if (origin < 0)
                for (size_t k = 0; k < ns; k++)
                    if (pos[k] > noun && IS(pos[k] + 1, "capital")) origin = st[k];
            /* "... with Italian capital operate in the country": the other state the sentence named
             * before the figure ("Japan remained one of Malaysia's partners, with 1,600 Japanese
             * companies operating in the country"), else the other side of the pair in focus */
            for (size_t k = noun + 1; host < 0 && origin >= 0 && k + 2 < c->t1 && k < noun + 12; k++)
                if (IS(k, "in") && IS(k + 1, "the") && (IS(k + 2, "country") || IS(k + 2, "republic"))) {
                    for (size_t q = 0; q < ns; q++)
                        if (pos[q] < i && st[q] != origin) host = st[q];
                    if (host < 0) host = origin == a ? b : a;
                }
            if (origin < 0 || host < 0) continue;
            f.parties[0] = origin;
            f.parties[1] = host;
        }
        push_fact(c, f);
        i = noun;
    }
}

void dm_find_facts(const dm_ctx *ctx, dm_doc *doc, size_t s, const dm_mentions *ms, dm_story_ctx *sc) {
    fctx c = {ctx, doc, &doc->toks, doc->sents[s].t0, doc->sents[s].t1, ms, sc, s};
    /* every figure has a number token (amounts and counts alike): most sentences have none */
    size_t i = c.t0;
    while (i < c.t1 && doc->toks.v[i].kind != TK_NUM) i++;
    if (i == c.t1) return;
    money_facts(&c);
    count_facts(&c);
}
