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
} fctx;

static const char *FW(const dm_doc *doc, size_t end, size_t i) { return i < end ? dm_tok_fold(&doc->toks, i) : ""; }
#define W(i) FW(c->doc, c->t1, (i))
#define IS(i, w) (!strcmp(W(i), (w)))

static double number_of(const char *f) {
    char buf[64];
    size_t o = 0;
    for (; *f && o < sizeof buf - 1; f++)
        if (*f != ',') buf[o++] = *f;
    buf[o] = 0;
    return strtod(buf, NULL);
}

static double scale_of(const char *f) {
    if (!strcmp(f, "trillion") || !strcmp(f, "tn") || !strcmp(f, "trln") || !strcmp(f, "trl")) return 1e12;
    if (!strcmp(f, "billion") || !strcmp(f, "bn") || !strcmp(f, "bln") || !strcmp(f, "billions") || !strcmp(f, "b"))
        return 1e9;
    if (!strcmp(f, "million") || !strcmp(f, "mln") || !strcmp(f, "mn") || !strcmp(f, "millions") || !strcmp(f, "m"))
        return 1e6;
    if (!strcmp(f, "thousand") || !strcmp(f, "k")) return 1e3;
    return 0;
}

/* Currency words after an amount. Returns tokens used and sets the code. */
static int currency_after(const dm_doc *doc, size_t i, size_t end, char *code) {
    const char *a = FW(doc, end, i), *b = FW(doc, end, i + 1);
    if ((!strcmp(a, "us") || !strcmp(a, "u.s.") || !strcmp(a, "american")) && (!strcmp(b, "dollars") || !strcmp(b, "dollar"))) {
        strcpy(code, "USD");
        return 2;
    }
    if (!strcmp(a, "swiss") && !strcmp(b, "francs")) {
        strcpy(code, "CHF");
        return 2;
    }
    static const struct {
        const char *w, *c;
    } C[] = {{"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
             {"eur", "EUR"},     {"yen", "JPY"},    {"jpy", "JPY"}, {"rubles", "RUB"}, {"roubles", "RUB"},
             {"rub", "RUB"},     {"yuan", "CNY"},   {"cny", "CNY"}, {"rmb", "CNY"},    {"tenge", "KZT"},
             {"kzt", "KZT"},     {"pounds", "GBP"}, {"gbp", "GBP"}, {"rupees", "INR"}, {"inr", "INR"},
             {"manat", "AZN"},   {"lira", "TRY"},   {"francs", "CHF"}, {"chf", "CHF"}, {"won", "KRW"},
             {"dirhams", "AED"}, {"riyals", "SAR"}, {"soms", "KGS"}, {"som", "UZS"}, {NULL, NULL}};
    for (int k = 0; C[k].w; k++)
        if (!strcmp(a, C[k].w)) {
            strcpy(code, C[k].c);
            return 1;
        }
    return 0;
}

int dm_parse_money(const dm_doc *doc, size_t i, size_t end, dm_amount *out) {
    memset(out, 0, sizeof *out);
    size_t j = i;
    char code[4] = "";
    const char *f = FW(doc, end, j);
    /* prefixes: $, US$, USD, €, £, dlrs */
    if ((!strcmp(f, "us") || !strcmp(f, "u.s.")) && !strcmp(FW(doc, end, j + 1), "$")) j++, f = FW(doc, end, j);
    if (!strcmp(f, "$")) strcpy(code, "USD"), j++;
    else if (!strcmp(f, "usd") || !strcmp(f, "dlrs") || !strcmp(f, "dlr")) strcpy(code, "USD"), j++;
    else if (!strcmp(f, "\xe2\x82\xac") || !strcmp(f, "eur")) strcpy(code, "EUR"), j++;
    else if (!strcmp(f, "\xc2\xa3") || !strcmp(f, "gbp")) strcpy(code, "GBP"), j++;
    else if (!strcmp(f, "\xc2\xa5")) strcpy(code, "JPY"), j++;
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

static int in_list(const char *const *l, const char *w) {
    for (int i = 0; l[i]; i++)
        if (!strcmp(l[i], w)) return 1;
    return 0;
}

/* The metric of the trigger word at i, or 0. */
static int metric_at(const fctx *c, size_t i) {
    const char *f = W(i);
    if (!strcmp(f, "turnover")) return MET_TRADE;
    if (!strcmp(f, "trade")) {
        const char *n = W(i + 1);
        if (!strcmp(n, "surplus") || !strcmp(n, "deficit") || !strcmp(n, "balance") || !strcmp(n, "agreement") ||
            !strcmp(n, "partner") || !strcmp(n, "partners") || !strcmp(n, "minister") || !strcmp(n, "relations") ||
            !strcmp(n, "ties") || !strcmp(n, "and") || !strcmp(n, "mission") || !strcmp(n, "missions") ||
            !strcmp(n, "house") || !strcmp(n, "center") || !strcmp(n, "centre") || !strcmp(n, "war") ||
            !strcmp(n, "barriers") || !strcmp(n, "matters") || !strcmp(n, "policy") || !strcmp(n, "routes"))
            return 0;
        return MET_TRADE;
    }
    if (!strcmp(f, "investment") || !strcmp(f, "investments") || !strcmp(f, "invested") || !strcmp(f, "investors") ||
        !strcmp(f, "investor"))
        return MET_INVESTMENT;
    if (!strcmp(f, "exports") || !strcmp(f, "export") || !strcmp(f, "exported") || !strcmp(f, "imports") ||
        !strcmp(f, "imported"))
        return MET_EXPORT;
    return 0;
}

static int is_target_context(const fctx *c, size_t trig, size_t val) {
    size_t a = trig < val ? trig : val;
    size_t from = a > c->t0 + 8 ? a - 8 : c->t0;
    for (size_t k = from; k < val; k++) {
        const char *f = W(k);
        if (!strcmp(f, "goal") || !strcmp(f, "target") || !strcmp(f, "aim") || !strcmp(f, "aims") ||
            !strcmp(f, "task") || !strcmp(f, "bring") || !strcmp(f, "bringing") || !strcmp(f, "targets") ||
            !strcmp(f, "objective"))
            return 1;
    }
    /* "increase trade turnover to $500 million" */
    if (val > c->t0 && IS(val - 1, "to")) {
        for (size_t k = from; k < val; k++)
            if (!strcmp(W(k), "increase") || !strcmp(W(k), "raise") || !strcmp(W(k), "boost") || !strcmp(W(k), "double") ||
                !strcmp(W(k), "expand") || !strcmp(W(k), "bring"))
                return 1;
    }
    return 0;
}

static char qualifier_before(const fctx *c, size_t i) {
    for (size_t k = i; k > c->t0 && k + 4 > i; k--) {
        const char *f = W(k - 1), *g = W(k);
        if ((!strcmp(f, "more") || !strcmp(f, "greater")) && !strcmp(g, "than")) return '>';
        if (!strcmp(f, "over") || !strcmp(f, "above") || !strcmp(f, "exceeded") || !strcmp(f, "exceeding") ||
            !strcmp(f, "surpassed") || !strcmp(f, "excess") || !strcmp(f, "exceeds") || !strcmp(f, "surpassing"))
            return '>';
        if (!strcmp(f, "nearly") || !strcmp(f, "almost") || (!strcmp(f, "less") && !strcmp(g, "than")) ||
            !strcmp(f, "under") || (!strcmp(f, "up") && !strcmp(g, "to")) || (!strcmp(f, "close") && !strcmp(g, "to")))
            return '<';
        if (!strcmp(f, "about") || !strcmp(f, "around") || !strcmp(f, "approximately") || !strcmp(f, "some") ||
            !strcmp(f, "roughly") || !strcmp(f, "circa") || !strcmp(f, "estimated") || !strcmp(f, "~") ||
            !strcmp(f, "approx"))
            return '~';
        if (!strcmp(f, ",") || !strcmp(f, ".")) break;
    }
    return '=';
}

static int blocked(const fctx *c, size_t i) {
    for (size_t k = i > c->t0 + 4 ? i - 4 : c->t0; k < i; k++)
        if (in_list(NOT_A_FIGURE, W(k))) return 1;
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
                if (!strcmp(f, "more") || !strcmp(f, "increase") || !strcmp(f, "increased") || !strcmp(f, "increasing") ||
                    !strcmp(f, "rose") || !strcmp(f, "grew") || !strcmp(f, "growth") || !strcmp(f, "up") ||
                    !strcmp(f, "jumped") || !strcmp(f, "higher") || !strcmp(f, "rising") || !strcmp(f, "grown") ||
                    !strcmp(f, "increases") || !strcmp(f, "rise") || !strcmp(f, "surged") || !strcmp(f, "growing"))
                    sign = 1;
                if (!strcmp(f, "less") || !strcmp(f, "decrease") || !strcmp(f, "decreased") || !strcmp(f, "fell") ||
                    !strcmp(f, "down") || !strcmp(f, "declined") || !strcmp(f, "decline") || !strcmp(f, "dropped") ||
                    !strcmp(f, "lower") || !strcmp(f, "falling") || !strcmp(f, "decreasing"))
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
        if ((!strcmp(f, "first") || !strcmp(f, "second") || !strcmp(f, "third") || !strcmp(f, "fourth")) &&
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
        if (!strcmp(prev, "since") || !strcmp(prev, "for")) continue;
        if (i > c->t0 + 1 && (!strcmp(prev, "of") || !strcmp(prev, "in")) && IS(i - 2, "period")) continue;
        if (!strcmp(prev, "than") || (i > c->t0 + 1 && IS(i - 2, "compared"))) continue;
        if (dx.span.from.d) continue; /* a day's date is not a figure's period */
        int dist = (int)i - (int)val;
        if (dist < 0) dist = -dist + 2;
        if (dist < best) {
            best = dist;
            *year = dx.span.from.y;
            *part = p;
            if (!p && (!strcmp(f, "this") || !strcmp(f, "current")) && dx.span.from.y == c->sc->date.y)
                *part = "ytd";
        }
        i = j + dx.ntok - 1;
    }
    if (!*year && c->sc->last_year_context) *year = c->sc->last_year_context;
}

static int since_of(const fctx *c) {
    for (size_t i = c->t0; i + 1 < c->t1; i++)
        if (IS(i, "since") && c->t->v[i + 1].kind == TK_NUM && c->t->v[i + 1].flen == 4) {
            int y = atoi(W(i + 1));
            if (y > 1900 && y < 2100) return y;
        }
    return 0;
}

/* States named in the sentence, in order. */
static size_t states(const fctx *c, int *out, size_t *pos, size_t max) {
    size_t n = 0;
    for (size_t k = 0; k < c->ms->n && n < max; k++) {
        const dm_mention *m = &c->ms->v[k];
        int id = m->kind == MK_COUNTRY || m->kind == MK_CADJ ? m->id : m->kind == MK_CITY ? -2 : -1;
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

/* The pair the story is about: its home state and the latest other one. */
static void focus_pair(const fctx *c, int *a, int *b) {
    *a = c->sc->ms.home_country;
    *b = c->sc->last_foreign;
    if (*a < 0 || *b < 0) {
        /* the states of the event in focus */
        if (c->sc->focus_event >= 0) {
            const dm_event *e = &c->doc->x->events[c->sc->focus_event];
            for (int k = 0; k < e->nparts; k++) {
                int s = e->parts[k].kind == P_PERSON ? c->doc->x->people[e->parts[k].id].country
                        : e->parts[k].kind == P_COUNTRY ? e->parts[k].id : -1;
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
        if (!strcmp(W(p), prep) || (!strcmp(prep, "in") && (IS(p, "into") || IS(p, "to")))) return st[k];
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
        if (!metric) continue;
        dm_fact f = {0};
        f.metric = (uint8_t)metric;
        f.value = am.value;
        memcpy(f.unit, am.unit, 4);
        f.qualifier = qualifier_before(c, val);
        f.parties[0] = f.parties[1] = -1;
        year_of(c, val, &f.year, &f.part);
        f.since = since_of(c);
        f.has_change = (uint8_t)change_in(c, &f.change);
        int a, b;
        focus_pair(c, &a, &b);
        int ds[16];
        size_t nds = distinct(st, ns, ds);
        if (metric == MET_TRADE && is_target_context(c, trig, val)) f.metric = MET_TARGET;
        if (f.metric == MET_TRADE || f.metric == MET_TARGET) {
            if (nds >= 2) f.parties[0] = ds[0], f.parties[1] = ds[1];
            else if (nds == 1) f.parties[0] = ds[0], f.parties[1] = ds[0] == a ? b : a;
            else f.parties[0] = a, f.parties[1] = b;
        } else if (metric == MET_INVESTMENT) {
            int to = state_after(c, st, pos, ns, c->t0, "in");
            int from = -1;
            for (size_t k = 0; k < ns; k++)
                if (st[k] != to) {
                    from = st[k];
                    break;
                }
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
                    if (!strcmp(pw, "the") && pos[k] > c->t0 + 1) pw = W(pos[k] - 2);
                    if (!strcmp(pw, "to") || !strcmp(pw, "into")) to = st[k];
                    if (!strcmp(pw, "from") || !strcmp(pw, "of")) from = st[k];
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
            if (in_list(COMPANY_NOUNS, W(k))) {
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
            if (origin < 0 || host < 0) continue;
            f.parties[0] = origin;
            f.parties[1] = host;
        }
        push_fact(c, f);
        i = noun;
    }
}

void dm_find_facts(const dm_ctx *ctx, dm_doc *doc, size_t s, const dm_mentions *ms, dm_story_ctx *sc) {
    fctx c = {ctx, doc, &doc->toks, doc->sents[s].t0, doc->sents[s].t1, ms, sc};
    money_facts(&c);
    count_facts(&c);
}
