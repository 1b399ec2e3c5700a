#include "../core/words.h"
#include "stories.h"
#include "../core/arena.h"
#include "../core/utf8.h"
#include "../extract/dates.h"
#include "../lex/gazetteer.h"
#include <string.h>

static int line_bytes(const dm_doc *doc, const dm_sent *s) {
    return (int)(doc->toks.v[s->t1 - 1].end - doc->toks.v[s->t0].start);
}

static int whole_line(const dm_doc *doc, const dm_sent *s) {
    const dm_tokens *t = &doc->toks;
    return (s->t0 == 0 || (t->v[s->t0].flags & TF_NL)) && (s->t1 == t->n || (t->v[s->t1].flags & TF_NL));
}

/* "01.06.2022, 15:45 4021": a digest stamp line. */
static int is_stamp(const dm_doc *doc, const dm_sent *s, dm_date *date) {
    if (!whole_line(doc, s) || s->t1 - s->t0 < 4 || s->t1 - s->t0 > 6) return 0;
    dm_datex dx;
    if (!dm_date_parse(doc, s->t0, s->t1, (dm_date){0, 0, 0}, 0, &dx) || dx.kind != DX_FULL || dx.ntok != 1)
        return 0;
    size_t i = s->t0 + 1;
    if (!dm_tok_is(&doc->toks, i, ",") || doc->toks.v[i + 1].kind != TK_NUM || !dm_tok_is(&doc->toks, i + 2, ":"))
        return 0;
    *date = dx.span.from;
    return 1;
}

/* The first full date written in sentence s, or y == 0. */
static dm_date full_date_in(const dm_doc *doc, const dm_sent *s, int need_weekday) {
    for (size_t i = s->t0; i < s->t1; i++) {
        dm_datex dx;
        if (dm_date_parse(doc, i, s->t1, (dm_date){0, 0, 0}, 0, &dx) && dx.kind == DX_FULL && !dx.span.to.y) {
            if (need_weekday && !dx.weekday) continue;
            return dx.span.from;
        }
    }
    return (dm_date){0, 0, 0};
}

/* Leading " date YYYY-MM-DD " crawler marker: returns tokens it spans. */
static size_t marker_tokens(const dm_doc *doc, dm_date *d) {
    if (doc->toks.n < 6 || !dm_tok_is(&doc->toks, 0, "date")) return 0;
    dm_datex dx;
    if (dm_date_parse(doc, 1, doc->toks.n, (dm_date){0, 0, 0}, 0, &dx) && dx.kind == DX_FULL && dx.ntok == 5) {
        *d = dx.span.from;
        return 6;
    }
    return 0;
}

static int is_dateline_punct(const char *f) {
    return dm_eq(f, "-") || dm_eq(f, "\xe2\x80\x93") || dm_eq(f, "\xe2\x80\x94") || dm_eq(f, ",") ||
           dm_eq(f, ":") || dm_eq(f, "(");
}

/* A city at the start of a line followed by dateline punctuation. */
static int dateline_at(const dm_ctx *ctx, const dm_doc *doc, size_t i, size_t end) {
    dm_lex_hit hit;
    if (!dm_lex_longest(ctx->lx, &doc->toks, i, end, LXM(LX_CITY), &hit)) return -1;
    size_t j = i + hit.ntok;
    if (j >= end) return -1;
    const char *f = dm_tok_fold(&doc->toks, j);
    if (!is_dateline_punct(f)) return -1;
    /* "Moscow, Russia and ..." is a sentence, not a dateline: demand capitals, or a state or a date after the comma */
    if (dm_eq(f, ",") && !(doc->toks.v[i].flags & TF_UPPER)) {
        dm_lex_hit h2;
        dm_datex dx;
        int country = dm_lex_longest(ctx->lx, &doc->toks, j + 1, end, LXM(LX_COUNTRY), &h2);
        int date = dm_date_parse(doc, j + 1, end, (dm_date){0, 0, 0}, 0, &dx) &&
                   (dx.kind == DX_FULL || (dx.kind == DX_UNRESOLVED && dx.span.from.m));
        if (!country && !date) return -1;
    }
    return dm_lex_hit_get(&hit, LX_CITY)->id;
}

/* A state in capitals opening a line, then dateline punctuation and a date within a few
 * tokens ("KUWAIT, 20 November 2024 (KUNA) --"); returns the state, or -1. The date is
 * demanded: "CHINA - ..." alone may be a headline's topic. */
static int state_dateline_at(const dm_ctx *ctx, const dm_doc *doc, size_t i, size_t end) {
    if (!(doc->toks.v[i].flags & TF_UPPER)) return -1;
    dm_lex_hit hit;
    if (!dm_lex_longest(ctx->lx, &doc->toks, i, end, LXM(LX_COUNTRY), &hit)) return -1;
    size_t j = i + hit.ntok;
    if (j >= end || !is_dateline_punct(dm_tok_fold(&doc->toks, j))) return -1;
    for (size_t k = j + 1; k < end && k < j + 4; k++) {
        dm_datex dx;
        if (dm_date_parse(doc, k, end, (dm_date){0, 0, 0}, 0, &dx) &&
            (dx.kind == DX_FULL || (dx.kind == DX_UNRESOLVED && dx.span.from.m && dx.span.from.d)))
            return dm_lex_hit_get(&hit, LX_COUNTRY)->id;
    }
    return -1;
}

/* A dateline of a place the lexicon does not know: capitals (one to three words, not a known
 * city or state) then ", STATE," or ", STATE –"; returns the state, or -1. */
static int dateline_elsewhere(const dm_ctx *ctx, const dm_doc *doc, size_t i, size_t end, size_t *place_end) {
    size_t j = i;
    while (j < end && j < i + 3 && (doc->toks.v[j].flags & TF_UPPER) && doc->toks.v[j].kind == TK_WORD) j++;
    if (j == i || j + 2 >= end || !dm_tok_is(&doc->toks, j, ",")) return -1;
    dm_lex_hit hit;
    if (dm_lex_longest(ctx->lx, &doc->toks, i, j, LXM(LX_CITY) | LXM(LX_COUNTRY), &hit)) return -1;
    if (!dm_lex_longest(ctx->lx, &doc->toks, j + 1, end, LXM(LX_COUNTRY), &hit)) return -1;
    size_t k = j + 1 + hit.ntok;
    if (k >= end || !is_dateline_punct(dm_tok_fold(&doc->toks, k))) return -1;
    *place_end = j;
    return dm_lex_hit_get(&hit, LX_COUNTRY)->id;
}

void dm_find_stories(const dm_ctx *ctx, dm_doc *doc) {
    dm_date marker = {0, 0, 0};
    size_t skip = marker_tokens(doc, &marker);
    if (marker.y) doc->published = marker;
    else if (doc->given_date.y) doc->published = doc->given_date;

    /* digest stamps */
    size_t nstamps = 0;
    for (size_t k = 0; k < doc->nsents; k++) {
        dm_date d;
        if (!is_stamp(doc, &doc->sents[k], &d)) continue;
        /* the headline is the line before the stamp */
        size_t h = k > 0 ? k - 1 : k;
        dm_story st = {0};
        st.s0 = (uint32_t)h;
        st.date = d;
        st.dateline_city = st.dateline_country = -1;
        if (nstamps == 0) st.s0 = 0;
        DM_VEC_PUSH(&doc->arena, doc->stories, doc->nstories, doc->stories_cap, st);
        nstamps++;
    }
    if (!nstamps) {
        dm_story st = {0};
        st.dateline_city = st.dateline_country = -1;
        DM_VEC_PUSH(&doc->arena, doc->stories, doc->nstories, doc->stories_cap, st);
    }
    for (size_t k = 0; k < doc->nstories; k++)
        doc->stories[k].s1 = k + 1 < doc->nstories ? doc->stories[k + 1].s0 : (uint32_t)doc->nsents;

    if (!doc->published.y && nstamps) doc->published = doc->stories[0].date;
    if (!doc->published.y) {
        /* a short header line with a date: "Updated: 2010-09-27 14:01", "Published January 08, 2022" */
        for (size_t k = 0; k < doc->nsents && k < 14 && !doc->published.y; k++) {
            const dm_sent *s = &doc->sents[k];
            if (whole_line(doc, s) && line_bytes(doc, s) <= 100) doc->published = full_date_in(doc, s, 0);
        }
        /* a trailer: "///nCa, 21 February 2024" */
        for (size_t k = doc->nsents, seen = 0; k-- > 0 && seen < 3 && !doc->published.y;) {
            const dm_sent *s = &doc->sents[k];
            if (!whole_line(doc, s)) continue;
            seen++;
            if (line_bytes(doc, s) <= 100) doc->published = full_date_in(doc, s, 0);
        }
        /* a dateline or trailer inside the last line: "... ///nCa, 9 March 2023 [photo]" */
        if (!doc->published.y && doc->nsents) {
            const dm_sent *s = &doc->sents[doc->nsents - 1];
            for (size_t i = s->t0; i + 1 < s->t1; i++)
                if (dm_tok_is(&doc->toks, i, "/") && dm_tok_is(&doc->toks, i + 1, "/")) {
                    dm_sent tail = {(uint32_t)i, s->t1, 0, 0};
                    doc->published = full_date_in(doc, &tail, 0);
                    break;
                }
        }
        /* a dated statement: "on Friday 13/10/2023" */
        for (size_t k = 0; k < doc->nsents && !doc->published.y; k++)
            doc->published = full_date_in(doc, &doc->sents[k], 1);
    }

    for (size_t k = 0; k < doc->nstories; k++) {
        dm_story *st = &doc->stories[k];
        if (!st->date.y) st->date = doc->published;
        for (uint32_t s = st->s0; s < st->s1; s++) doc->sents[s].story = (uint32_t)k;
        st->start = st->s0 < doc->nsents ? doc->toks.v[doc->sents[st->s0].t0].start : 0;
        st->end = st->s1 > st->s0 ? doc->toks.v[doc->sents[st->s1 - 1].t1 - 1].end : st->start;
        /* dateline: a city opening one of the first lines */
        for (uint32_t s = st->s0; s < st->s1 && s < st->s0 + 16; s++) {
            size_t i = doc->sents[s].t0;
            if (i < skip) i = skip;
            if (i >= doc->sents[s].t1) continue;
            int city = dateline_at(ctx, doc, i, doc->sents[s].t1);
            size_t place_end = i;
            int elsewhere = city < 0 ? dateline_elsewhere(ctx, doc, i, doc->sents[s].t1, &place_end) : -1;
            if (elsewhere >= 0) {
                /* "LETICIA, Colombia, Aug 12 –": a place of the state the lexicon does not know, named as written */
                const char *from = doc->text + doc->toks.v[i].start;
                size_t n = doc->toks.v[place_end - 1].end - doc->toks.v[i].start;
                char *name = dm_arena_alloc(&doc->arena, n * 2 + 1);
                dm_titlecase(from, n, name, n * 2 + 1);
                st->dateline_country = elsewhere;
                st->dateline_elsewhere = 1;
                st->dateline_place = name;
                break;
            }
            /* "KUWAIT, 20 November 2024 (KUNA) --", "SINGAPORE, May 3 -": a state named in capitals
             * as the place, with a date after it */
            int state = city < 0 && elsewhere < 0 ? state_dateline_at(ctx, doc, i, doc->sents[s].t1) : -1;
            if (city >= 0 || state >= 0) {
                st->dateline_city = city;
                st->dateline_country = city >= 0 ? ctx->cities[city].country : state;
                /* a date after the place: "CITY, 16 May 2024 –", "CITY, Country, Mar. 18" */
                for (size_t j = i + 1; j < doc->sents[s].t1 && j < i + 8; j++) {
                    dm_datex dx;
                    if (!dm_date_parse(doc, j, doc->sents[s].t1, doc->published, 0, &dx) || dx.span.to.y) continue;
                    if (dx.kind == DX_FULL || (dx.kind == DX_PARTIAL && dx.span.from.d)) {
                        if (!doc->published.y && dx.kind == DX_FULL) doc->published = dx.span.from;
                        if (!st->date.y || (nstamps == 0 && dx.kind == DX_FULL)) st->date = dx.span.from;
                        st->dateline_t0 = (uint32_t)i;
                        st->dateline_t1 = (uint32_t)(j + dx.ntok);
                    }
                    break;
                }
                break;
            }
        }
    }
}
