/* Reading an extract JSON line for the store (line.h): yajl's callbacks
 * walk the line once, and a stack of frames says where each value belongs.
 * An event's own JSON is the span of the line from its '{' to its '}': the
 * parser's position (yajl_get_bytes_consumed, just past the token a callback
 * is given, as the line is parsed in one chunk) marks both ends. Writing it
 * again with a yajl generator cost a third of reading the line. */
#include "line.h"
#include "../core/error.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* Where a value is: what object or array it is in. */
typedef enum {
    F_ROOT,
    F_EVENTS,
    F_EVENT,
    F_LOCATION,
    F_TOPICS,
    F_PARTICIPANTS,
    F_SIGNATORIES,
    F_PARTY,
    F_EVIDENCE,
    F_SPAN,
    F_FACTS,
    F_FACT,
    F_FACT_PARTIES,
    F_FACT_EVIDENCE,
    F_FACT_SPAN,
    F_STORIES,
    F_STORY
} frame_kind;

#define MAX_FRAMES 8 /* the deepest place read: root, events, event, participants, party */
#define KEY_MAX 16   /* longer keys are none the store reads */

typedef struct {
    frame_kind kind;
    char key[KEY_MAX]; /* in an object: the member being read ("" when not one we know) */
} frame;

typedef struct {
    dm_line *line;
    frame frames[MAX_FRAMES];
    int depth;           /* frames in use; 0 before the root object */
    int skip;            /* > 0: inside a value no frame reads, this deep */
    int ended;           /* the root object is closed */
    int seen_events;     /* the root has an "events" array */
    const char *error;   /* what is wrong with the line (not its JSON syntax) */
    size_t error_index;  /* of the event or fact that is wrong */
} reader;

static frame *top(reader *r) { return &r->frames[r->depth - 1]; }


static int key_is(const frame *f, const char *key) { return !strcmp(f->key, key); }

static int push(reader *r, frame_kind kind) {
    if (r->depth == MAX_FRAMES) { /* no frame nests this deep: cannot happen with the kinds above */
        r->skip = 1;
        return 1;
    }
    r->frames[r->depth].kind = kind;
    r->frames[r->depth].key[0] = 0;
    r->depth++;
    return 1;
}

static char *copy(reader *r, const unsigned char *s, size_t n) {
    return dm_arena_strndup(&r->line->arena, (const char *)s, n);
}

/* The structures being filled: the last event, fact or story begun. */
static dm_line_event *event(reader *r) { return &r->line->events[r->line->nevents - 1]; }
static dm_line_fact *fact(reader *r) { return &r->line->facts[r->line->nfacts - 1]; }
static dm_line_story *story(reader *r) { return &r->line->stories[r->line->nstories - 1]; }
static dm_line_party *party(reader *r, frame_kind list) {
    dm_line_event *e = event(r);
    return list == F_SIGNATORIES ? &e->signatories[e->nsignatories - 1] : &e->participants[e->nparticipants - 1];
}
static dm_line_span *span(reader *r) {
    dm_line_event *e = event(r);
    return &e->evidence[e->nevidence - 1];
}

/* ---- values ------------------------------------------------------------------- */

static void string_value(reader *r, const unsigned char *s, size_t n) {
    frame *f = top(r);
    const char **slot = NULL;
    switch (f->kind) {
    case F_ROOT:
        if (key_is(f, "published")) slot = &r->line->published;
        break;
    case F_EVENT: {
        dm_line_event *e = event(r);
        static const char *const keys[] = {"kind", "status", "date", "date_end", "org", "title", "cameo"};
        const char **slots[] = {&e->kind, &e->status, &e->date, &e->date_end, &e->org, &e->title, &e->cameo};
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            if (key_is(f, keys[i])) slot = slots[i];
        break;
    }
    case F_LOCATION:
        if (key_is(f, "city")) slot = &event(r)->city;
        else if (key_is(f, "country")) slot = &event(r)->country;
        break;
    case F_TOPICS: {
        dm_line_event *e = event(r);
        DM_VEC_PUSH(&r->line->arena, e->topics, e->ntopics, e->cap_topics, copy(r, s, n));
        return;
    }
    case F_PARTY: {
        dm_line_party *p = party(r, r->frames[r->depth - 2].kind);
        static const char *const keys[] = {"kind", "name", "title", "role", "country", "org", "code"};
        const char **slots[] = {&p->kind, &p->name, &p->title, &p->role, &p->country, &p->org, &p->code};
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            if (key_is(f, keys[i])) slot = slots[i];
        break;
    }
    case F_FACT: {
        dm_line_fact *x = fact(r);
        static const char *const keys[] = {"metric", "unit", "qualifier", "part"};
        const char **slots[] = {&x->metric, &x->unit, &x->qualifier, &x->part};
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            if (key_is(f, keys[i])) slot = slots[i];
        break;
    }
    case F_FACT_PARTIES: {
        dm_line_fact *x = fact(r);
        if (x->nparties == 1) x->party1 = copy(r, s, n); /* counted in scalar_start */
        else if (x->nparties == 2) x->party2 = copy(r, s, n);
        return;
    }
    case F_STORY:
        if (key_is(f, "date")) slot = &story(r)->date;
        break;
    default:
        break;
    }
    if (slot) *slot = copy(r, s, n);
}

static dm_line_num parse_number(const char *s, size_t n) {
    char buf[64];
    dm_line_num v = {DM_NUM_NONE, 0, 0};
    if (n >= sizeof buf) n = sizeof buf - 1; /* digits past 63 do not change a double */
    memcpy(buf, s, n);
    buf[n] = 0;
    if (!strpbrk(buf, ".eE")) {
        errno = 0;
        long long i = strtoll(buf, NULL, 10);
        if (!errno) {
            v.kind = DM_NUM_INT;
            v.i = i;
            v.d = (double)i;
            return v;
        }
    }
    v.kind = DM_NUM_REAL;
    v.d = strtod(buf, NULL);
    return v;
}

static int64_t whole(dm_line_num v, int64_t otherwise) { return v.kind == DM_NUM_INT ? v.i : otherwise; }

static void number_value(reader *r, dm_line_num v) {
    frame *f = top(r);
    switch (f->kind) {
    case F_EVENT:
        if (key_is(f, "story")) event(r)->story = whole(v, -1);
        break;
    case F_SPAN:
        if (key_is(f, "start")) span(r)->start = whole(v, 0);
        else if (key_is(f, "end")) span(r)->end = whole(v, 0);
        break;
    case F_FACT: {
        dm_line_fact *x = fact(r);
        if (key_is(f, "value")) x->value = v;
        else if (key_is(f, "year")) x->year = v;
        else if (key_is(f, "since")) x->since = v;
        else if (key_is(f, "change_pct")) x->change_pct = v;
        else if (key_is(f, "story")) x->story = whole(v, -1);
        break;
    }
    case F_FACT_SPAN:
        if (fact(r)->has_span != 1) break; /* only the first span */
        if (key_is(f, "start")) fact(r)->span.start = whole(v, 0);
        else if (key_is(f, "end")) fact(r)->span.end = whole(v, 0);
        break;
    case F_STORY:
        if (key_is(f, "start")) story(r)->start = whole(v, 0);
        else if (key_is(f, "end")) story(r)->end = whole(v, 0);
        break;
    default:
        break;
    }
}

/* A value at the root that must be an array (checked when it is anything else). */
static int root_wants_array(reader *r) {
    frame *f = top(r);
    if (f->kind != F_ROOT) return 1;
    if (key_is(f, "events")) r->error = "the extraction is not an extract JSON line (no \"events\" array)";
    else if (key_is(f, "facts") || key_is(f, "stories")) r->error = "\"facts\" and \"stories\" must be arrays";
    return !r->error;
}

/* ---- yajl callbacks ----------------------------------------------------------- */

static int scalar_start(reader *r) {
    if (!r->depth) { /* the line is a bare value */
        r->error = "the extraction is not an extract JSON line (no \"events\" array)";
        return 0;
    }
    if (r->skip) return 0;
    if (top(r)->kind == F_FACT_PARTIES) { /* each value is a party's place, whatever it holds */
        fact(r)->nparties++;
        return 1;
    }
    return root_wants_array(r);
}

static int on_null(void *ctx) {
    reader *r = ctx;
    return scalar_start(r) || !r->error;
}

static int on_boolean(void *ctx, int b) {
    reader *r = ctx;
    return scalar_start(r) || !r->error;
}

static int on_number(void *ctx, const char *s, size_t n) {
    reader *r = ctx;
    if (!scalar_start(r)) return !r->error;
    number_value(r, parse_number(s, n));
    return 1;
}

static int on_string(void *ctx, const unsigned char *s, size_t n) {
    reader *r = ctx;
    if (!scalar_start(r)) return !r->error;
    string_value(r, s, n);
    return 1;
}

static int on_map_key(void *ctx, const unsigned char *s, size_t n) {
    reader *r = ctx;
    if (r->skip) return 1;
    frame *f = top(r);
    if (n < KEY_MAX) {
        memcpy(f->key, s, n);
        f->key[n] = 0;
    } else {
        f->key[0] = 0;
    }
    return 1;
}

static int on_start_map(void *ctx) {
    reader *r = ctx;
    if (r->skip) {
        r->skip++;
        return 1;
    }
    if (!r->depth) {
        if (r->ended) return 1; /* yajl stops at a second value before this */
        return push(r, F_ROOT);
    }
    frame *f = top(r);
    dm_line *l = r->line;
    switch (f->kind) {
    case F_EVENTS: {
        dm_line_event e = {0};
        e.story = -1;
        DM_VEC_PUSH(&l->arena, l->events, l->nevents, l->cap_events, e);
        push(r, F_EVENT);
        return 1;
    }
    case F_EVENT:
        if (key_is(f, "location")) return push(r, F_LOCATION);
        break;
    case F_PARTICIPANTS:
    case F_SIGNATORIES: {
        dm_line_event *e = event(r);
        dm_line_party p = {0};
        if (f->kind == F_SIGNATORIES) DM_VEC_PUSH(&l->arena, e->signatories, e->nsignatories, e->cap_signatories, p);
        else DM_VEC_PUSH(&l->arena, e->participants, e->nparticipants, e->cap_participants, p);
        return push(r, F_PARTY);
    }
    case F_EVIDENCE: {
        dm_line_event *e = event(r);
        dm_line_span sp = {0, 0};
        DM_VEC_PUSH(&l->arena, e->evidence, e->nevidence, e->cap_evidence, sp);
        return push(r, F_SPAN);
    }
    case F_FACTS: {
        dm_line_fact x = {0};
        x.story = -1;
        DM_VEC_PUSH(&l->arena, l->facts, l->nfacts, l->cap_facts, x);
        return push(r, F_FACT);
    }
    case F_FACT_EVIDENCE:
        fact(r)->has_span++;
        return push(r, F_FACT_SPAN);
    case F_STORIES: {
        dm_line_story st = {0, 0, NULL};
        DM_VEC_PUSH(&l->arena, l->stories, l->nstories, l->cap_stories, st);
        return push(r, F_STORY);
    }
    case F_FACT_PARTIES:
        fact(r)->nparties++;
        break;
    default:
        if (!root_wants_array(r)) return 0;
        break;
    }
    r->skip = 1; /* an object no frame reads */
    return 1;
}

static int on_start_array(void *ctx) {
    reader *r = ctx;
    if (r->skip) {
        r->skip++;
        return 1;
    }
    if (!r->depth) {
        r->error = "the extraction is not an extract JSON line (no \"events\" array)";
        return 0;
    }
    frame *f = top(r);
    switch (f->kind) {
    case F_ROOT:
        if (key_is(f, "events")) {
            r->seen_events = 1;
            return push(r, F_EVENTS);
        }
        if (key_is(f, "facts")) return push(r, F_FACTS);
        if (key_is(f, "stories")) return push(r, F_STORIES);
        break;
    case F_EVENT:
        if (key_is(f, "topics")) return push(r, F_TOPICS);
        if (key_is(f, "participants")) return push(r, F_PARTICIPANTS);
        if (key_is(f, "signatories")) return push(r, F_SIGNATORIES);
        if (key_is(f, "evidence")) return push(r, F_EVIDENCE);
        break;
    case F_FACT:
        if (key_is(f, "parties")) return push(r, F_FACT_PARTIES);
        if (key_is(f, "evidence")) return push(r, F_FACT_EVIDENCE);
        break;
    case F_FACT_PARTIES:
        fact(r)->nparties++;
        break;
    default:
        break;
    }
    r->skip = 1;
    return 1;
}

/* An object or array closes: the frame it was is done. */
static int close_frame(reader *r) {
    if (r->skip) {
        r->skip--;
        return 1;
    }
    frame_kind kind = top(r)->kind;
    dm_line *l = r->line;
    if (kind == F_EVENT) {
        dm_line_event *e = event(r);
        if (!e->kind || !e->status) {
            r->error = "event %zu has no \"kind\" or \"status\"";
            r->error_index = l->nevents - 1;
            return 0;
        }
    } else if (kind == F_FACT) {
        dm_line_fact *x = fact(r);
        if (!x->metric || x->value.kind == DM_NUM_NONE) {
            r->error = "fact %zu has no \"metric\" or numeric \"value\"";
            r->error_index = l->nfacts - 1;
            return 0;
        }
    } else if (kind == F_ROOT) {
        r->ended = 1;
    }
    r->depth--;
    return 1;
}

static int on_end_map(void *ctx) {
    reader *r = ctx;
    return close_frame(r);
}

static int on_end_array(void *ctx) {
    reader *r = ctx;
    return close_frame(r);
}

static const yajl_callbacks CALLBACKS = {
    .yajl_null = on_null,
    .yajl_boolean = on_boolean,
    .yajl_number = on_number,
    .yajl_string = on_string,
    .yajl_start_map = on_start_map,
    .yajl_map_key = on_map_key,
    .yajl_end_map = on_end_map,
    .yajl_start_array = on_start_array,
    .yajl_end_array = on_end_array,
};

dm_status dm_line_read(const char *json, size_t len, dm_line *out, dm_error *err) {
    memset(out, 0, sizeof *out);
    dm_arena_init(&out->arena, 16384);
    reader r = {0};
    r.line = out;
    yajl_handle h = yajl_alloc(&CALLBACKS, NULL, &r);
    if (!h) dm_die_oom();
    yajl_status st = yajl_parse(h, (const unsigned char *)json, len);
    if (st == yajl_status_ok) st = yajl_complete_parse(h);
    dm_status status = DM_OK;
    if (r.error) {
        status = dm_error_set(err, DM_ERR_JSON, 0, r.error, r.error_index);
    } else if (st != yajl_status_ok) {
        unsigned char *why = yajl_get_error(h, 0, NULL, 0);
        /* yajl's message ends with a newline */
        size_t n = why ? strcspn((const char *)why, "\n") : 0;
        status = dm_error_set(err, DM_ERR_JSON, 0, "the extraction is not JSON (%.*s)", (int)n,
                              why ? (const char *)why : "");
        if (why) yajl_free_error(h, why);
    } else if (!r.seen_events) {
        status = dm_error_set(err, DM_ERR_JSON, 0, "the extraction is not an extract JSON line (no \"events\" array)");
    }
    yajl_free(h);
    return status;
}

void dm_line_free(dm_line *line) {
    if (line) dm_arena_free(&line->arena);
}
