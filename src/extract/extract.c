/* The pipeline for one document: tokens, sentences, stories, then per story
 * mentions, events, facts and topics sentence by sentence. */
#include "../core/words.h"
#include "../lex/gazetteer.h"
#include "../out/json.h"
#include "../text/sentences.h"
#include "../text/stories.h"
#include "../text/tokens.h"
#include "dates.h"
#include "events.h"
#include "facts.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* DRAGOMAN_DEBUG=1 traces sentences and their mentions on stderr. */
static void trace(const dm_ctx *ctx, const dm_doc *doc, size_t s, const dm_mentions *ms) {
    static atomic_int on = -1; /* atomic: workers run this at once */
    int v = atomic_load_explicit(&on, memory_order_relaxed);
    if (v < 0) atomic_store_explicit(&on, v = getenv("DRAGOMAN_DEBUG") != NULL, memory_order_relaxed);
    if (!v) return;
    const dm_sent *se = &doc->sents[s];
    const dm_tokens *t = &doc->toks;
    fprintf(stderr, "[%zu story %u%s] %.*s\n", s, se->story, se->headline ? " headline" : "",
            (int)(t->v[se->t1 - 1].end - t->v[se->t0].start), doc->text + t->v[se->t0].start);
    static const char *K[] = {"", "COUNTRY", "ADJ", "CITY", "ORG", "TITLE", "PERSON", "PRONOUN"};
    for (size_t k = 0; k < ms->n; k++) {
        const dm_mention *m = &ms->v[k];
        fprintf(stderr, "    %-7s %.*s", K[m->kind], (int)(t->v[m->t1 - 1].end - t->v[m->t0].start),
                doc->text + t->v[m->t0].start);
        if (m->kind == MK_PERSON || m->kind == MK_PRONOUN) {
            const dm_person *p = &doc->x->people[m->id];
            fprintf(stderr, " -> #%d %s [%s %s %s]", m->id, p->name, p->country >= 0 ? ctx->countries[p->country].code : "-",
                    p->org >= 0 ? ctx->orgs[p->org].code : "-", DM_ROLE_NAMES[p->role]);
        }
        fputc('\n', stderr);
    }
}

/* Topic words of a sentence as a bit set; words inside organizations' names
 * ("Organization for Security and Co-operation in Europe") do not count. */
static uint32_t sentence_topics(const dm_ctx *ctx, const dm_doc *doc, const dm_sent *s, const dm_mentions *ms) {
    uint32_t bits = 0;
    size_t k = 0; /* mentions are in text order: the next organization not yet behind i */
    for (size_t i = s->t0; i < s->t1;) {
        while (k < ms->n && (ms->v[k].kind != MK_ORG || ms->v[k].t1 <= i)) k++;
        if (k < ms->n && ms->v[k].t0 <= i) {
            i = ms->v[k].t1;
            continue;
        }
        dm_lex_hit hit;
        if (doc->toks.v[i].kind == TK_WORD && dm_lex_longest(ctx->lx, &doc->toks, i, s->t1, LXM(LX_TOPIC), &hit)) {
            for (size_t e = 0; e < hit.n; e++) bits |= 1u << hit.e[e].id;
            i += hit.ntok;
        } else {
            i++;
        }
    }
    return bits;
}

/* The story's states by mentions; its home is the dateline's state or the most mentioned. */
static void story_counts(const dm_story *st, const dm_sentence_lex *lex, dm_story_ctx *sc) {
    int best = 0, first = -1;
    for (uint32_t s = 0; s < st->s1 - st->s0; s++)
        for (size_t k = 0; k < lex[s].n; k++) {
            const dm_mention *m = &lex[s].v[k];
            if ((m->kind != MK_COUNTRY && m->kind != MK_CADJ) || m->id >= 512) continue;
            int c = ++sc->country_count[m->id];
            if (c > best) best = c, first = m->id;
        }
    sc->ms.home_country = st->dateline_country >= 0 ? st->dateline_country : first;
}

static void process_story(const dm_ctx *ctx, dm_doc *doc, size_t si) {
    const dm_story *st = &doc->stories[si];
    dm_story_ctx *sc = dm_arena_alloc(&doc->arena, sizeof *sc);
    sc->ms.story = (uint32_t)si;
    sc->ms.home_country = -1;
    sc->ms.last_person = sc->ms.last_subject = sc->ms.main_actor = -1;
    sc->date = st->date;
    sc->focus_person = sc->focus_event = -1;
    sc->setting_city = sc->setting_country = -1;
    sc->dateline_city = st->dateline_city;
    sc->headline_city = -1;
    sc->last_foreign = -1;
    sc->first_event = (uint32_t)doc->x->nevents;
    dm_sentence_lex *lex = dm_arena_alloc(&doc->arena, (st->s1 - st->s0 + 1) * sizeof *lex);
    for (uint32_t s = st->s0; s < st->s1; s++) dm_lex_sentence(ctx, doc, s, &lex[s - st->s0]);
    story_counts(st, lex, sc);
    dm_mentions ms = {0};
    uint32_t pending = 0; /* topics of the paragraph's opening, before its first event */
    for (uint32_t s = st->s0; s < st->s1; s++) {
        dm_find_mentions(ctx, doc, s, &sc->ms, &lex[s - st->s0], &ms);
        trace(ctx, doc, s, &ms);
        size_t before = doc->x->nevents;
        dm_find_events(ctx, doc, s, &ms, sc);
        dm_find_facts(ctx, doc, s, &ms, sc);
        /* topics go to this sentence's events, or to the event in focus; a sentence
         * that only adds a visit, a signing or a plan still elaborates the focus */
        uint32_t topics = sentence_topics(ctx, doc, &doc->sents[s], &ms);
        if (doc->sents[s].t0 < doc->toks.n && (doc->toks.v[doc->sents[s].t0].flags & TF_PARA)) pending = 0;
        int side_only = 1;
        for (size_t k = before; k < doc->x->nevents; k++) {
            dm_event *e = &doc->x->events[k];
            e->topics |= topics | pending;
            if ((e->kind == EV_MEETING || e->kind == EV_CALL || e->kind == EV_MULTILATERAL) && e->status == ST_OCCURRED)
                side_only = 0;
        }
        if (doc->x->nevents > before) pending = 0;
        if (sc->focus_event < 0 && !doc->sents[s].headline) pending |= topics;
        if (side_only && sc->focus_event >= 0 && !doc->sents[s].headline &&
            (size_t)sc->focus_event < before) {
            dm_event *e = &doc->x->events[sc->focus_event];
            e->topics |= topics;
            /* "met with A, B and C. They discussed ...": all the meetings of that sentence */
            for (size_t k = sc->first_event; k < doc->x->nevents; k++) {
                dm_event *sib = &doc->x->events[k];
                if (sib != e && sib->sent == e->sent && sib->kind == e->kind) sib->topics |= topics;
            }
            if (e->nevidence < DM_MAX_EVIDENCE && topics) {
                const dm_tokens *t = &doc->toks;
                e->evidence[e->nevidence++] = (dm_span){t->v[doc->sents[s].t0].start, t->v[doc->sents[s].t1 - 1].end};
            }
        }
        /* the latest state other than home, for "between the two countries" */
        for (size_t k = 0; k < ms.n; k++) {
            int c = -1;
            if (ms.v[k].kind == MK_COUNTRY || ms.v[k].kind == MK_CADJ) c = ms.v[k].id;
            else if (ms.v[k].kind == MK_PERSON) c = doc->x->people[ms.v[k].id].country;
            if (c >= 0 && c != sc->ms.home_country) sc->last_foreign = c;
        }
        /* "Last year, ..." sets the year of the next sentence's figures; "In 2021, ..." the
         * date of the next sentence's events when the story goes on in the past */
        sc->last_year_context = 0;
        sc->carry_date = (dm_dspan){{0, 0, 0}, {0, 0, 0}};
        for (size_t i = doc->sents[s].t0; i < doc->sents[s].t1 && i < doc->sents[s].t0 + 8; i++) {
            dm_datex bx;
            if (dm_tok_is(&doc->toks, i, ",") && i > doc->sents[s].t0 + 3) break;
            /* the cheap tests first: few tokens follow "in" */
            if (sc->date.y && i > doc->sents[s].t0 && dm_tok_is(&doc->toks, i - 1, "in") &&
                dm_date_parse(doc, i, doc->sents[s].t1, sc->date, 0, &bx) && bx.kind == DX_YEAR &&
                bx.span.from.y < sc->date.y) {
                sc->carry_date = bx.span;
                break;
            }
        }
        dm_datex dx;
        const dm_sent *se = &doc->sents[s];
        size_t d0 = se->t0 + (dm_tok_is(&doc->toks, se->t0, "in") ? 1 : 0);
        if (dm_date_parse(doc, d0, se->t1, sc->date, 0, &dx) && dx.kind != DX_UNRESOLVED && !dx.span.from.d &&
            dm_tok_is(&doc->toks, d0 + dx.ntok, ","))
            sc->last_year_context = dx.span.from.y;
        /* the subject of this sentence is what "he" means next */
        for (size_t k = 0; k < ms.n; k++)
            if (ms.v[k].kind == MK_PERSON) {
                sc->ms.last_subject = ms.v[k].id;
                break;
            }
    }
    dm_finish_story_events(ctx, doc, sc);
}

void dm_doc_extract(const dm_ctx *ctx, dm_doc *doc) {
    /* about one token per five bytes of news text: room for them at once */
    doc->toks.cap = doc->len / 4 + 16;
    doc->toks.v = dm_arena_grow(&doc->arena, NULL, 0, doc->toks.cap, sizeof *doc->toks.v);
    doc->toks.fold_cap = doc->len + doc->len / 2 + 64;
    doc->toks.fold = dm_arena_grow(&doc->arena, NULL, 0, doc->toks.fold_cap, 1);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    dm_split_sentences(doc);
    dm_find_stories(ctx, doc);
    doc->x = dm_arena_alloc(&doc->arena, sizeof *doc->x);
    for (size_t si = 0; si < doc->nstories; si++) process_story(ctx, doc, si);
    dm_json_write_doc(ctx, doc, &doc->json);
}

size_t dm_doc_sentence_count(const dm_doc *doc) { return doc->nsents; }

size_t dm_doc_event_count(const dm_doc *doc) {
    size_t n = 0;
    if (doc->x)
        for (size_t k = 0; k < doc->x->nevents; k++) n += !doc->x->events[k].dropped;
    return n;
}

size_t dm_doc_fact_count(const dm_doc *doc) { return doc->x ? doc->x->nfacts : 0; }

const char *dm_doc_json(dm_doc *doc, size_t *len) {
    if (len) *len = doc->json.len;
    return doc->json.data ? doc->json.data : "";
}
