#include "json.h"
#include "../extract/dates.h"
#include "../extract/facts.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *dm_event_kind_name(int kind) {
    static const char *const K[] = {"", "meeting", "multilateral", "visit", "call", "agreement"};
    return kind >= 1 && kind <= 5 ? K[kind] : "meeting";
}

const char *dm_metric_name(int metric) {
    static const char *const M[] = {"", "trade_turnover", "trade_target", "investment", "export", "companies",
                                    "joint_projects"};
    return metric >= 1 && metric <= 6 ? M[metric] : "trade_turnover";
}

/* CAMEO: 036 intent to meet, 040 consult, 042 make a visit, 043 host a visit,
 * 044 meet at a third location, 057 sign a formal agreement, 030 intent to cooperate. */
const char *dm_event_cameo(const dm_doc *doc, const dm_event *e) {
    if (e->status == ST_PLANNED) return e->kind == EV_AGREEMENT ? "030" : "036";
    switch (e->kind) {
    case EV_VISIT: return "042";
    case EV_AGREEMENT: return "057";
    case EV_CALL: return "040";
    default: break;
    }
    if (e->host_received) return "043";
    if (e->country >= 0) {
        int at_home = 0;
        for (int k = 0; k < e->nparts; k++) {
            const dm_part *p = &e->parts[k];
            int c = dm_part_state(doc->x, p);
            if (c == e->country) at_home = 1;
        }
        if (!at_home) return "044";
    }
    return "040";
}

static void put_str(dm_buf *b, const char *s) {
    if (s) dm_buf_json_str(b, s, strlen(s));
    else dm_buf_puts(b, "null");
}

static void put_date(dm_buf *b, dm_date d) {
    char s[16];
    dm_date_format(d, s);
    if (!s[0]) {
        dm_buf_puts(b, "null");
        return;
    }
    dm_buf_putc(b, '"');
    dm_buf_puts(b, s);
    dm_buf_putc(b, '"');
}

/* Inline: key is a literal, whose length the compiler then knows (no strlen, no call). */
static inline void put_code(dm_buf *b, const char *key, const char *code) {
    dm_buf_puts(b, key);
    dm_buf_putc(b, '"');
    dm_buf_puts(b, code);
    dm_buf_putc(b, '"');
}

/* Plain decimal numbers, never exponent form: amounts round to whole units
 * (2.01 billion times 1e9 is 2009999999.9999998), small ones keep up to 6 decimals. */
static void put_number(dm_buf *b, double v) {
    if (fabs(v) >= 1000 || fabs(v - round(v)) < 1e-9) {
        double r = round(v);
        if (fabs(r) < 1e18) { /* the usual case, without printf */
            if (r < 0) dm_buf_putc(b, '-');
            dm_buf_put_uint(b, (unsigned long long)fabs(r));
        } else {
            dm_buf_printf(b, "%.0f", r);
        }
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.6f", v);
    size_t n = strlen(tmp);
    while (n > 1 && tmp[n - 1] == '0') tmp[--n] = 0;
    if (tmp[n - 1] == '.') tmp[--n] = 0;
    dm_buf_puts(b, tmp);
}

static void put_person(const dm_ctx *ctx, const dm_person *p, dm_buf *b) {
    if (p->anonymous && p->country >= 0) {
        /* an unnamed office holder stands for the state */
        dm_buf_printf(b, "{\"kind\":\"country\",\"country\":\"%s\",\"title\":", ctx->countries[p->country].code);
        put_str(b, p->title);
        dm_buf_putc(b, '}');
        return;
    }
    dm_buf_puts(b, "{\"kind\":\"person\",\"name\":");
    put_str(b, p->name);
    if (p->country >= 0) put_code(b, ",\"country\":", ctx->countries[p->country].code);
    if (p->org >= 0) {
        dm_buf_puts(b, ",\"org\":");
        put_str(b, ctx->orgs[p->org].code);
    }
    dm_buf_puts(b, ",\"title\":");
    put_str(b, p->title);
    put_code(b, ",\"role\":", DM_ROLE_NAMES[p->role ? p->role : R_OFFICIAL]);
    dm_buf_putc(b, '}');
}

static void put_part(const dm_ctx *ctx, const dm_doc *doc, const dm_part *p, dm_buf *b) {
    if (p->kind == P_PERSON) put_person(ctx, &doc->x->people[p->id], b);
    else if (p->kind == P_COUNTRY) {
        put_code(b, "{\"kind\":\"country\",\"country\":", ctx->countries[p->id].code);
        dm_buf_putc(b, '}');
    }
    else {
        dm_buf_puts(b, "{\"kind\":\"org\",\"code\":");
        put_str(b, ctx->orgs[p->id].code);
        dm_buf_puts(b, ",\"name\":");
        put_str(b, ctx->orgs[p->id].name);
        dm_buf_putc(b, '}');
    }
}

static void put_span(dm_buf *b, dm_span sp, size_t base, int first) {
    dm_buf_puts(b, first ? "{\"start\":" : ",{\"start\":");
    dm_buf_put_uint(b, sp.start + base);
    dm_buf_puts(b, ",\"end\":");
    dm_buf_put_uint(b, sp.end + base);
    dm_buf_putc(b, '}');
}

/* The story (0-based, in the whole document) whose bytes hold offset: stories are in text order. */
static uint32_t story_at(const dm_doc *doc, uint32_t offset) {
    size_t lo = 0, hi = doc->nstories;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (doc->stories[mid].start <= offset) lo = mid;
        else hi = mid;
    }
    return (uint32_t)lo;
}

static void put_event(const dm_ctx *ctx, const dm_doc *doc, const dm_event *e, size_t base, uint32_t story_base,
                      dm_buf *b) {
    put_code(b, "{\"kind\":", dm_event_kind_name(e->kind));
    put_code(b, ",\"status\":", e->status == ST_PLANNED ? "planned" : "occurred");
    dm_buf_puts(b, ",\"date\":");
    put_date(b, e->date.from);
    if (e->date.to.y) {
        dm_buf_puts(b, ",\"date_end\":");
        put_date(b, e->date.to);
    }
    dm_buf_puts(b, ",\"location\":");
    if (e->city >= 0 || e->country >= 0) {
        dm_buf_puts(b, "{\"city\":");
        const char *place = e->city < 0 && e->at_dateline_place ? doc->stories[e->story].dateline_place : NULL;
        put_str(b, e->city >= 0 ? ctx->cities[e->city].name : place);
        int country = e->country >= 0 ? e->country : ctx->cities[e->city].country;
        put_code(b, ",\"country\":", ctx->countries[country].code);
        dm_buf_putc(b, '}');
    } else {
        dm_buf_puts(b, "null");
    }
    dm_buf_puts(b, ",\"participants\":[");
    for (int k = 0; k < e->nparts; k++) {
        if (k) dm_buf_putc(b, ',');
        put_part(ctx, doc, &e->parts[k], b);
    }
    dm_buf_puts(b, "],\"org\":");
    put_str(b, e->org >= 0 ? ctx->orgs[e->org].code : NULL);
    dm_buf_puts(b, ",\"topics\":[");
    int first = 1;
    for (int t = 0; t < DM_NTOPICS; t++)
        if (e->topics & (1u << t)) {
            put_code(b, first ? "" : ",", DM_TOPIC_NAMES[t]);
            first = 0;
        }
    put_code(b, "],\"cameo\":", dm_event_cameo(doc, e));
    if (e->kind == EV_AGREEMENT) {
        dm_buf_puts(b, ",\"title\":");
        put_str(b, e->title);
        dm_buf_puts(b, ",\"signatories\":[");
        for (int k = 0; k < e->nsignatories; k++) {
            if (k) dm_buf_putc(b, ',');
            put_part(ctx, doc, &e->signatories[k], b);
        }
        dm_buf_putc(b, ']');
    }
    dm_buf_puts(b, ",\"evidence\":[");
    for (int k = 0; k < e->nevidence; k++) put_span(b, e->evidence[k], base, k == 0);
    dm_buf_puts(b, "],\"story\":");
    dm_buf_put_uint(b, e->story + story_base);
    dm_buf_putc(b, '}');
}

static void put_fact(const dm_ctx *ctx, const dm_doc *doc, const dm_fact *f, size_t base, uint32_t story_base,
                     dm_buf *b) {
    put_code(b, "{\"metric\":", dm_metric_name(f->metric));
    put_code(b, ",\"parties\":[", dm_party_code(ctx, f->parties[0]));
    put_code(b, ",", dm_party_code(ctx, f->parties[1]));
    dm_buf_puts(b, "],\"value\":");
    put_number(b, f->value);
    put_code(b, ",\"unit\":", f->unit[0] ? f->unit : "count");
    char qualifier[2] = {f->qualifier ? f->qualifier : '=', 0};
    put_code(b, ",\"qualifier\":", qualifier);
    dm_buf_puts(b, ",\"year\":");
    if (f->year > 0) dm_buf_put_uint(b, (unsigned)f->year);
    else dm_buf_puts(b, "null");
    dm_buf_puts(b, ",\"part\":");
    put_str(b, f->part);
    dm_buf_puts(b, ",\"since\":");
    if (f->since > 0) dm_buf_put_uint(b, (unsigned)f->since);
    else dm_buf_puts(b, "null");
    dm_buf_puts(b, ",\"change_pct\":");
    if (f->has_change) put_number(b, f->change);
    else dm_buf_puts(b, "null");
    dm_buf_puts(b, ",\"evidence\":[");
    put_span(b, f->evidence, base, 1);
    dm_buf_puts(b, "],\"story\":");
    dm_buf_put_uint(b, story_at(doc, f->evidence.start) + story_base);
    dm_buf_putc(b, '}');
}

static void write_events(const dm_ctx *ctx, const dm_doc *doc, size_t base, uint32_t story_base, dm_buf *b,
                         int *first) {
    for (size_t k = 0; doc->x && k < doc->x->nevents; k++) {
        const dm_event *e = &doc->x->events[k];
        if (e->dropped) continue;
        if (!*first) dm_buf_putc(b, ',');
        put_event(ctx, doc, e, base, story_base, b);
        *first = 0;
    }
}

static void write_facts(const dm_ctx *ctx, const dm_doc *doc, size_t base, uint32_t story_base, dm_buf *b,
                        int *first) {
    for (size_t k = 0; doc->x && k < doc->x->nfacts; k++) {
        if (!*first) dm_buf_putc(b, ',');
        put_fact(ctx, doc, &doc->x->facts[k], base, story_base, b);
        *first = 0;
    }
}

static void write_stories(const dm_doc *doc, size_t base, dm_buf *b, int *first) {
    for (size_t k = 0; k < doc->nstories; k++) {
        const dm_story *st = &doc->stories[k];
        dm_buf_puts(b, *first ? "{\"start\":" : ",{\"start\":");
        dm_buf_put_uint(b, st->start + base);
        dm_buf_puts(b, ",\"end\":");
        dm_buf_put_uint(b, st->end + base);
        dm_buf_puts(b, ",\"date\":");
        put_date(b, st->date);
        dm_buf_putc(b, '}');
        *first = 0;
    }
}

static void write_head(const dm_doc *doc, dm_buf *b) {
    dm_buf_puts(b, "{\"doc\":");
    put_str(b, doc->name);
    dm_buf_puts(b, ",\"published\":");
    put_date(b, doc->published);
    dm_buf_puts(b, ",\"events\":[");
}

void dm_json_write_doc(const dm_ctx *ctx, const dm_doc *doc, dm_buf *b) {
    b->len = 0;
    write_head(doc, b);
    int first = 1;
    write_events(ctx, doc, 0, 0, b, &first);
    dm_buf_puts(b, "],\"facts\":[");
    first = 1;
    write_facts(ctx, doc, 0, 0, b, &first);
    dm_buf_puts(b, "],\"stories\":[");
    first = 1;
    write_stories(doc, 0, b, &first);
    dm_buf_puts(b, "]}\n");
}

void dm_json_parts_init(dm_json_parts *jp) {
    memset(jp, 0, sizeof *jp);
    dm_buf_init(&jp->facts);
    dm_buf_init(&jp->stories);
}

void dm_json_parts_free(dm_json_parts *jp) {
    dm_buf_free(&jp->facts);
    dm_buf_free(&jp->stories);
}

void dm_json_parts_add(const dm_ctx *ctx, dm_json_parts *jp, const dm_doc *doc, size_t base, int part, int last,
                       dm_buf *out) {
    if (part == 0) {
        write_head(doc, out);
        jp->first_event = jp->first_fact = jp->first_story = 1;
        jp->story_base = 0;
        jp->facts.len = jp->stories.len = 0;
    }
    write_events(ctx, doc, base, jp->story_base, out, &jp->first_event);
    write_facts(ctx, doc, base, jp->story_base, &jp->facts, &jp->first_fact);
    write_stories(doc, base, &jp->stories, &jp->first_story);
    jp->story_base += (uint32_t)doc->nstories;
    if (last) dm_json_parts_end(jp, out);
}

void dm_json_parts_end(dm_json_parts *jp, dm_buf *out) {
    dm_buf_puts(out, "],\"facts\":[");
    if (jp->facts.len) dm_buf_put(out, jp->facts.data, jp->facts.len);
    dm_buf_puts(out, "],\"stories\":[");
    if (jp->stories.len) dm_buf_put(out, jp->stories.data, jp->stories.len);
    dm_buf_puts(out, "]}\n");
}
