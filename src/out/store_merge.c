/* The knowledge base across documents: one event row per real event however
 * many documents report it, and planned events linked to their occurrence
 * (people: store_people.c). What a document said stays in
 * its reports and participants; the merged rows can always be recomputed
 * from them (dm_store_cleanup does so after a document is replaced). */
#include "store_int.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/error.h"
#include "../extract/dates.h"
#include "../lex/gazetteer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* How far apart two documents may be dated and still tell of one undated event. */
#define DOC_DAYS_APART 3
/* How long after its announcement a planned event may take place. */
#define PLANNED_WITHIN_DAYS 120
#define MAX_KEYS 64

/* ---- dates ------------------------------------------------------------------ */

/* Reads n digits at p, or -1. */
static int digits(const char *p, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

dm_ymd dm_ymd_parse(const char *s) {
    dm_ymd d = {0, 0, 0, 0};
    if (!s || (d.y = digits(s, 4)) < 1) return (dm_ymd){0, 0, 0, 0};
    d.precision = 1;
    if (s[4] == '-' && (d.m = digits(s + 5, 2)) >= 1 && d.m <= 12) {
        d.precision = 2;
        if (s[7] == '-' && (d.d = digits(s + 8, 2)) >= 1 && d.d <= 31) d.precision = 3;
        else d.d = 0;
    } else {
        d.m = 0;
    }
    return d;
}

/* The extractor's calendar (extract/dates.c) does the arithmetic. */
long dm_ymd_day(dm_ymd d, int last) {
    int m = d.m ? d.m : last ? 12 : 1;
    int day = d.d ? d.d : last ? dm_days_in_month(d.y, m) : 1;
    return dm_days((dm_date){(int16_t)d.y, (int8_t)m, (int8_t)day});
}

void dm_day_format(long z, char *out) { dm_date_format(dm_from_days(z), out); }

/* Equal, one containing the other (2023-09 contains 2023-09-21), or days a day apart. */
static int dates_compatible(dm_ymd a, dm_ymd b) {
    if (!a.precision || !b.precision) return 0;
    if (a.precision == 3 && b.precision == 3) {
        long k = dm_ymd_day(a, 0) - dm_ymd_day(b, 0);
        return k >= -1 && k <= 1;
    }
    if (a.y != b.y) return 0;
    return a.precision < 2 || b.precision < 2 || a.m == b.m;
}

/* ---- participant keys ------------------------------------------------------- */

/* A participant as a key: "p" + person id, "o" + organization code, "c" + state code. */
typedef struct {
    char v[MAX_KEYS][40];
    int n;
} key_set;

static void key_add(key_set *ks, char kind, const char *code, int64_t id) {
    if (ks->n == MAX_KEYS) return;
    char k[40] = {kind};
    if (code) {
        dm_copy(k + 1, sizeof k - 1, code);
    } else { /* the id's digits, last first */
        char digits[24];
        int n = 0;
        for (uint64_t v = (uint64_t)id; n == 0 || v; v /= 10) digits[n++] = (char)('0' + v % 10);
        for (int i = 0; i < n; i++) k[1 + i] = digits[n - 1 - i];
        k[1 + n] = 0;
    }
    for (int i = 0; i < ks->n; i++)
        if (!strcmp(ks->v[i], k)) return;
    memcpy(ks->v[ks->n++], k, sizeof k);
}

typedef struct {
    char kind[16], status[16];
    char *date, *date_end, *city, *country, *org, *title;
    char *reported; /* earliest date of the stories (documents) telling it */
    int64_t planned_id;
} event_row;

static char *dup_or_null(const char *s) {
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) dm_die_oom();
    return d;
}

static void event_row_free(event_row *e) {
    free(e->date);
    free(e->date_end);
    free(e->city);
    free(e->country);
    free(e->org);
    free(e->title);
    free(e->reported);
    memset(e, 0, sizeof *e);
}

static dm_status load_event(dm_store *s, int64_t id, event_row *e, key_set *keys, dm_error *err) {
    memset(e, 0, sizeof *e);
    sqlite3_stmt *st = dm_store_stmt(s, S_EVENT_INFO);
    sqlite3_bind_int64(st, 1, id);
    int rc = dm_store_step(s, st, "reading an event", err);
    if (rc < 0) return DM_ERR_DB;
    if (rc != SQLITE_ROW) return dm_error_set(err, DM_ERR_DB, 0, "%s: event %lld vanished", s->path, (long long)id);
    dm_copy(e->kind, sizeof e->kind, dm_col_text(st, 0));
    dm_copy(e->status, sizeof e->status, dm_col_text(st, 1));
    e->date = dup_or_null(dm_col_text(st, 2));
    e->date_end = dup_or_null(dm_col_text(st, 3));
    e->city = dup_or_null(dm_col_text(st, 4));
    e->country = dup_or_null(dm_col_text(st, 5));
    e->org = dup_or_null(dm_col_text(st, 6));
    e->title = dup_or_null(dm_col_text(st, 7));
    e->planned_id = sqlite3_column_int64(st, 8);
    e->reported = dup_or_null(dm_col_text(st, 9));
    sqlite3_reset(st);
    if (keys) {
        keys->n = 0;
        st = dm_store_stmt(s, S_EVENT_KEYS);
        sqlite3_bind_int64(st, 1, id);
        while ((rc = dm_store_step(s, st, "reading an event's participants", err)) == SQLITE_ROW) {
            const char *kind = dm_col_text(st, 0);
            if (!kind) continue;
            if (!strcmp(kind, "person") && sqlite3_column_type(st, 1) != SQLITE_NULL)
                key_add(keys, 'p', NULL, sqlite3_column_int64(st, 1));
            else if (!strcmp(kind, "org") && dm_col_text(st, 2)) key_add(keys, 'o', dm_col_text(st, 2), 0);
            else if (!strcmp(kind, "country") && dm_col_text(st, 3)) key_add(keys, 'c', dm_col_text(st, 3), 0);
        }
        if (rc < 0) return DM_ERR_DB;
        /* a visit's destination is a key too, while any report tells of it */
        if (!strcmp(e->kind, "visit") && e->country && keys->n) key_add(keys, 'c', e->country, 0);
    }
    return DM_OK;
}

/* Takes what a report adds to a merged event: the most precise date, a known
 * place (a city once the state agrees), the organization and title. Returns
 * 1 when something changed. */
static int merge_fields(event_row *e, const char *date, const char *date_end, const char *city, const char *country,
                        const char *org, const char *title, const char *reported) {
    int changed = 0;
    if (reported && (!e->reported || strcmp(reported, e->reported) < 0)) {
        free(e->reported);
        e->reported = dup_or_null(reported);
        changed = 1;
    }
    if (dm_ymd_parse(date).precision > dm_ymd_parse(e->date).precision) {
        free(e->date);
        free(e->date_end);
        e->date = dup_or_null(date);
        e->date_end = dup_or_null(date_end);
        changed = 1;
    }
    if (!e->country && country) {
        e->country = dup_or_null(country);
        free(e->city);
        e->city = dup_or_null(city);
        changed = 1;
    } else if (!e->city && city && country && e->country && !strcmp(country, e->country)) {
        e->city = dup_or_null(city);
        changed = 1;
    }
    if (!e->org && org) e->org = dup_or_null(org), changed = 1;
    if (!e->title && title) e->title = dup_or_null(title), changed = 1;
    return changed;
}

static dm_status save_event(dm_store *s, int64_t id, const event_row *e, dm_error *err) {
    sqlite3_stmt *st = dm_store_stmt(s, S_EVENT_UPDATE);
    sqlite3_bind_int64(st, 1, id);
    dm_bind_text(st, 2, e->date);
    dm_bind_text(st, 3, e->date_end);
    dm_bind_text(st, 4, e->city);
    dm_bind_text(st, 5, e->country);
    dm_bind_text(st, 6, e->org);
    dm_bind_text(st, 7, e->title);
    dm_bind_text(st, 8, e->reported);
    return dm_store_step(s, st, "updating an event", err) < 0 ? DM_ERR_DB : DM_OK;
}

/* ---- finding the event a report tells of ------------------------------------ */

/* A report as the merging needs it. */
typedef struct {
    const char *kind, *status, *date, *date_end, *city, *country, *org, *title, *cameo;
    const char *reported; /* the story's or document's date */
    dm_ymd ymd;
    key_set keys;
    uint64_t khash[MAX_KEYS]; /* the keys hashed, as briefs hold them */
    int nkeys;
    dm_key_filter filter; /* khash as the index's filter */
} report;

/* Appends the ids a candidate query returns (the queries return disjoint sets: no duplicates to weed out). */
static dm_status collect(dm_store *s, sqlite3_stmt *st, dm_ids *out, dm_error *err) {
    int rc;
    while ((rc = dm_store_step(s, st, "looking for the same event", err)) == SQLITE_ROW)
        dm_ids_push(out, sqlite3_column_int64(st, 0));
    return rc < 0 ? DM_ERR_DB : DM_OK;
}

/* Events of kind and status first reported within days of the date `around` (only undated ones if asked). */
static dm_status by_reported(dm_store *s, const char *kind, const char *status, const char *around, long before,
                             long after, int undated_only, const dm_key_filter *filter, dm_ids *out, dm_error *err) {
    dm_ymd d = dm_ymd_parse(around);
    if (!d.precision) return DM_OK;
    for (long day = dm_ymd_day(d, 0) - before, last = dm_ymd_day(d, 1) + after; day <= last; day++) {
        char value[11];
        dm_day_format(day, value);
        if (dm_index_lookup(s, kind, status, undated_only ? 'U' : 'R', value, filter, out, err)) return DM_ERR_DB;
    }
    return DM_OK;
}

/* The candidates for "the same event": the events whose dates contain the
 * report's or lie a day from it, those it contains, and undated ones first
 * reported within a few days (all events so reported when it is undated). */
static dm_status candidates(dm_store *s, const report *r, const char *status, dm_ids *out, dm_error *err) {
    if (!r->ymd.precision)
        return by_reported(s, r->kind, status, r->reported, DOC_DAYS_APART, DOC_DAYS_APART, 0, &r->filter, out, err);
    char v[5][16] = {"", "", "", "", ""}, lo[24] = "", hi[24] = "";
    dm_ymd d = r->ymd;
    /* formatted without printf, as every date here is: this runs for every report */
    dm_date_format((dm_date){(int16_t)d.y, 0, 0}, v[0]);
    if (d.precision >= 2) dm_date_format((dm_date){(int16_t)d.y, (int8_t)d.m, 0}, v[1]);
    if (d.precision == 3) {
        long day = dm_ymd_day(d, 0);
        dm_day_format(day - 1, v[2]);
        dm_day_format(day, v[3]);
        dm_day_format(day + 1, v[4]);
    }
    for (int i = 0; i < 5; i++)
        if (dm_index_lookup(s, r->kind, status, 'D', v[i], &r->filter, out, err)) return DM_ERR_DB;
    if (d.precision < 3) {
        const char *within = d.precision == 2 ? v[1] : v[0];
        size_t n = strlen(within);
        memcpy(lo, within, n);
        memcpy(hi, within, n);
        lo[n] = '-', hi[n] = '.';
        lo[n + 1] = hi[n + 1] = 0;
        sqlite3_stmt *st = dm_store_stmt(s, S_CAND_WITHIN);
        dm_bind_text(st, 1, r->kind);
        dm_bind_text(st, 2, status);
        dm_bind_text(st, 3, lo);
        dm_bind_text(st, 4, hi);
        if (collect(s, st, out, err)) return DM_ERR_DB;
    }
    return by_reported(s, r->kind, status, r->reported, DOC_DAYS_APART, DOC_DAYS_APART, 1, &r->filter, out, err);
}

/* ---- what the merging knows of an event, cached ------------------------------ */

/* An event as the merging compares it: its participant keys (hashed), dates
 * and planned link. Comparing a report with the events of nearby dates is
 * most of ingest's work, and an event is compared many times, so briefs are
 * kept in a fixed table by id (a newer event takes an older one's slot; 65536
 * slots hold the last 65536 events, about 16 MB, where the candidates of a
 * chronological ingest are; at 16384 the bench corpus reloaded a third) and
 * read from the database only when missing. They change with the rows (a
 * merge, a link) and are all dropped when rows are rolled back or a document
 * is replaced (dm_store_forget). */
#define BRIEF_KEYS 24
#define BRIEF_SLOTS 65536
_Static_assert(DM_NTOPICS <= 32, "a brief keeps the topics stored as bits of a uint32_t");
struct dm_brief {
    int64_t id, planned_id;
    unsigned epoch; /* the slot holds id's brief only when this is the store's brief_epoch */
    char date[16], reported[16];
    int nkeys;
    uint64_t keys[BRIEF_KEYS];
    uint32_t topics; /* DM_TOPIC_NAMES bits whose event_topics row this transaction knows is there:
                        a merged report's topics are mostly the event's already, and a statement
                        that would be ignored costs as much as one that inserts */
};

void dm_store_forget(dm_store *s) {
    dm_index_forget(s);
    /* a new epoch: every slot is stale at once, without clearing 16 MB for each replaced document */
    if (++s->brief_epoch == 0 && s->briefs) {
        memset(s->briefs, 0, BRIEF_SLOTS * sizeof *s->briefs);
        s->brief_epoch = 1;
    }
    dm_people_forget(s);
}

void dm_store_forget_free(dm_store *s) {
    free(s->briefs);
    s->briefs = NULL;
    dm_people_free(s);
}

static uint64_t key_hash(const char *key) { return XXH3_64bits(key, strlen(key)); }

/* The report's keys hashed, as briefs hold them, and as the index's filter. */
static void hash_keys(report *r) {
    for (int k = 0; k < r->keys.n; k++) r->khash[r->nkeys++] = key_hash(r->keys.v[k]);
    dm_key_filter_make(&r->filter, r->khash, r->nkeys);
}

static void brief_add_key(dm_brief *b, uint64_t k) {
    for (int i = 0; i < b->nkeys; i++)
        if (b->keys[i] == k) return;
    if (b->nkeys < BRIEF_KEYS) b->keys[b->nkeys++] = k;
}

static dm_brief *brief_slot(dm_store *s, int64_t id) {
    if (!s->briefs) {
        s->briefs = calloc(BRIEF_SLOTS, sizeof *s->briefs);
        if (!s->briefs) dm_die_oom();
        if (!s->brief_epoch) s->brief_epoch = 1; /* the cleared slots (epoch 0) hold nothing */
    }
    return &s->briefs[(uint64_t)id % BRIEF_SLOTS];
}

/* The cached brief of event id, or NULL. */
static dm_brief *brief_cached(dm_store *s, int64_t id) {
    dm_brief *b = brief_slot(s, id);
    return b->id == id && b->epoch == s->brief_epoch ? b : NULL;
}

/* The slot of event id, emptied for its brief. */
static dm_brief *brief_claim(dm_store *s, int64_t id) {
    dm_brief *b = brief_slot(s, id);
    memset(b, 0, sizeof *b);
    b->id = id;
    b->epoch = s->brief_epoch;
    return b;
}

static void brief_set_dates(dm_brief *b, const char *date, const char *reported) {
    dm_copy(b->date, sizeof b->date, date);
    dm_copy(b->reported, sizeof b->reported, reported);
}

/* The brief of event id, from the cache or the database. */
static dm_status brief_of(dm_store *s, int64_t id, dm_brief **out, dm_error *err) {
    *out = brief_cached(s, id);
    if (*out) return DM_OK;
    event_row e;
    key_set keys;
    dm_status status = load_event(s, id, &e, &keys, err);
    dm_brief *b = *out = brief_claim(s, id);
    if (!status) {
        b->planned_id = e.planned_id;
        brief_set_dates(b, e.date, e.reported);
        for (int i = 0; i < keys.n; i++) brief_add_key(b, key_hash(keys.v[i]));
        dm_index_keys(s, id, b->keys, b->nkeys);
    } else {
        b->id = 0; /* nothing cached; the caller stops at the error */
    }
    event_row_free(&e);
    return status;
}

/* How many of the report's keys the event has; 0 unless enough to be one
 * event: two in common, or all of the smaller set when it holds fewer. */
static int shared_keys(const dm_brief *b, const uint64_t *keys, int nkeys) {
    int shared = 0;
    for (int i = 0; i < nkeys; i++)
        for (int j = 0; j < b->nkeys; j++)
            if (keys[i] == b->keys[j]) {
                shared++;
                break;
            }
    int need = dm_keys_needed(nkeys, b->nkeys);
    return need > 0 && shared >= need ? shared : 0;
}

/* Are an event's and a report's dates compatible; an undated side only when
 * the stories (documents) that first told them are dated a few days apart. */
static int when_compatible(const dm_brief *b, const report *r) {
    dm_ymd ed = dm_ymd_parse(b->date);
    if (ed.precision && r->ymd.precision) return dates_compatible(ed, r->ymd);
    dm_ymd mine = dm_ymd_parse(r->reported), first = dm_ymd_parse(b->reported);
    if (mine.precision < 3 || first.precision < 3) return 0;
    long apart = dm_ymd_day(mine, 0) - dm_ymd_day(first, 0);
    return apart >= -DOC_DAYS_APART && apart <= DOC_DAYS_APART;
}

/* The merged event this report tells of, or 0: same kind and status, enough
 * participants in common, compatible dates; the most keys shared wins. The
 * document's own other events are never candidates: the extractor already
 * told them apart. */
static dm_status find_same(dm_store *s, dm_put *put, const report *r, int64_t *found, dm_error *err) {
    *found = 0;
    if (!r->nkeys) return DM_OK;
    dm_ids cand = {0};
    dm_status status = candidates(s, r, r->status, &cand, err);
    int best = 0;
    for (size_t i = 0; !status && i < cand.n; i++) {
        if (dm_idset_has(&put->own_events, cand.v[i])) continue;
        dm_brief *b;
        status = brief_of(s, cand.v[i], &b, err);
        int shared = status ? 0 : shared_keys(b, r->khash, r->nkeys);
        /* the most keys shared; on a tie the earliest event, whatever order the candidates came in */
        if (shared && (shared > best || (shared == best && cand.v[i] < *found)) && when_compatible(b, r)) {
            best = shared;
            *found = cand.v[i];
        }
    }
    dm_ids_free(&cand);
    return status;
}

static dm_status set_planned(dm_store *s, int64_t occurred, int64_t planned, dm_put *put, dm_error *err) {
    sqlite3_stmt *st = dm_store_stmt(s, S_EVENT_SET_PLANNED);
    sqlite3_bind_int64(st, 1, occurred);
    sqlite3_bind_int64(st, 2, planned);
    if (dm_store_step(s, st, "linking a planned event", err) < 0) return DM_ERR_DB;
    dm_brief *b = brief_cached(s, occurred);
    if (b) b->planned_id = planned;
    put->result->linked++;
    return DM_OK;
}

/* Links an occurred event (told as r) to the planned one it fulfils: same
 * kind, enough participants in common, announced on or before the day it
 * happened and at most PLANNED_WITHIN_DAYS earlier, the planned date (if any)
 * compatible. */
static dm_status link_to_planned(dm_store *s, int64_t occurred, const report *r, dm_put *put, dm_error *err) {
    const char *when = r->date ? r->date : r->reported;
    dm_ymd on = dm_ymd_parse(when);
    if (!on.precision || !r->nkeys) return DM_OK;
    /* the announcements of the months of the window (a few lookups, not one a day) */
    long last = dm_ymd_day(on, 1), first_day = dm_ymd_day(on, 0) - PLANNED_WITHIN_DAYS;
    dm_ids cand = {0};
    dm_status status = DM_OK;
    dm_date from = dm_from_days(first_day), to = dm_from_days(last);
    for (int y = from.y, m = from.m; !status && (y < to.y || (y == to.y && m <= to.m)); m = m == 12 ? 1 : m + 1, y += m == 1) {
        char month[16];
        dm_date_format((dm_date){(int16_t)y, (int8_t)m, 0}, month);
        status = dm_index_lookup(s, r->kind, "planned", 'M', month, &r->filter, &cand, err);
    }
    int64_t best = 0;
    int best_shared = 0;
    for (size_t i = 0; !status && i < cand.n; i++) {
        dm_brief *b;
        status = brief_of(s, cand.v[i], &b, err);
        if (status) break;
        dm_ymd pd = dm_ymd_parse(b->date), first = dm_ymd_parse(b->reported);
        int shared = shared_keys(b, r->khash, r->nkeys);
        if (shared && (shared > best_shared || (shared == best_shared && cand.v[i] < best)) && first.precision &&
            dm_ymd_day(first, 0) <= last &&
            dm_ymd_day(first, 0) >= first_day &&
            (!pd.precision || !r->date || dates_compatible(pd, on))) {
            best_shared = shared;
            best = cand.v[i];
        }
    }
    dm_ids_free(&cand);
    if (status || !best) return status;
    return set_planned(s, occurred, best, put, err);
}

/* A new planned event (told as r): link the occurred events already stored
 * that fulfil it (documents need not come in the order things happened). */
static dm_status link_occurred_to(dm_store *s, int64_t planned, const report *r, dm_put *put, dm_error *err) {
    dm_ymd announced = dm_ymd_parse(r->reported);
    if (announced.precision < 3 || !r->nkeys) return DM_OK;
    long from = dm_ymd_day(announced, 0), to = from + PLANNED_WITHIN_DAYS;
    dm_ids cand = {0};
    dm_status status;
    if (r->ymd.precision) {
        /* a planned date: the occurred events whose dates fit it */
        status = candidates(s, r, "occurred", &cand, err);
    } else {
        /* an undated plan: the occurred events of the days (and months) that follow */
        status = DM_OK;
        char value[11], month[8] = "";
        for (long day = from; !status && day <= to; day++) {
            dm_day_format(day, value);
            status = dm_index_lookup(s, r->kind, "occurred", 'D', value, &r->filter, &cand, err);
            if (!status && strncmp(value, month, 7) != 0) {
                memcpy(month, value, 7);
                status = dm_index_lookup(s, r->kind, "occurred", 'D', month, &r->filter, &cand, err);
            }
        }
    }
    for (size_t i = 0; !status && i < cand.n; i++) {
        if (dm_idset_has(&put->own_events, cand.v[i])) continue;
        dm_brief *b;
        status = brief_of(s, cand.v[i], &b, err);
        if (status) break;
        dm_ymd d = dm_ymd_parse(b->date[0] ? b->date : b->reported);
        if (b->planned_id || !shared_keys(b, r->khash, r->nkeys) || !d.precision || dm_ymd_day(d, 1) < from ||
            dm_ymd_day(d, 0) > to || (r->ymd.precision && b->date[0] && !dates_compatible(r->ymd, d)))
            continue;
        status = set_planned(s, cand.v[i], planned, put, err);
    }
    dm_ids_free(&cand);
    return status;
}

/* ---- one report --------------------------------------------------------------- */

static dm_status insert_participant(dm_store *s, int64_t report_id, int seq, const dm_line_party *p, int64_t person,
                                    int signatory, dm_error *err) {
    sqlite3_stmt *st = dm_store_stmt(s, S_PART_INSERT);
    sqlite3_bind_int64(st, 1, report_id);
    sqlite3_bind_int(st, 2, seq);
    dm_bind_text(st, 3, p->kind ? p->kind : "person");
    if (person) sqlite3_bind_int64(st, 4, person);
    dm_bind_text(st, 5, p->name);
    dm_bind_text(st, 6, p->title);
    dm_bind_text(st, 7, p->role);
    dm_bind_text(st, 8, p->country);
    dm_bind_text(st, 9, p->kind && !strcmp(p->kind, "org") ? p->code : p->org);
    sqlite3_bind_int(st, 10, signatory);
    return dm_store_step(s, st, "storing a participant", err) < 0 ? DM_ERR_DB : DM_OK;
}

/* Resolves the people among participants (persons[k] is their person id, or 0). */
static dm_status resolve_people(dm_store *s, dm_put *put, const dm_line_party *list, size_t n, const char *seen,
                                int64_t *persons, dm_error *err) {
    for (size_t k = 0; k < n; k++) {
        const dm_line_party *p = &list[k];
        persons[k] = 0;
        if (!p->kind || strcmp(p->kind, "person") || !p->name) continue;
        if (dm_store_person(s, put, p->name, p->country, p->org, p->title, p->role, seen, &persons[k], err))
            return DM_ERR_DB;
    }
    return DM_OK;
}

dm_status dm_store_report(dm_store *s, dm_put *put, const dm_line_event *ev, int seq, dm_error *err) {
    report r;
    memset(&r, 0, sizeof r);
    r.kind = ev->kind;
    r.status = ev->status;
    r.date = ev->date;
    r.date_end = ev->date_end;
    r.city = ev->city;
    r.country = ev->country;
    r.org = ev->org;
    r.title = ev->title;
    r.cameo = ev->cameo;
    r.ymd = dm_ymd_parse(r.date);
    int64_t story_seq = ev->story;
    r.reported = story_seq >= 0 && (size_t)story_seq < put->nstories ? put->story_date[story_seq] : put->published;
    const char *seen = !strcmp(r.status, "occurred") && r.date ? r.date : r.reported;

    /* people first: their ids are the event's keys */
    size_t nparts = ev->nparticipants < MAX_KEYS ? ev->nparticipants : MAX_KEYS;
    size_t nsigners = ev->nsignatories < MAX_KEYS ? ev->nsignatories : MAX_KEYS;
    int64_t part_ids[MAX_KEYS] = {0}, signer_ids[MAX_KEYS] = {0};
    if (resolve_people(s, put, ev->participants, nparts, seen, part_ids, err) ||
        resolve_people(s, put, ev->signatories, nsigners, seen, signer_ids, err))
        return DM_ERR_DB;
    for (size_t k = 0; k < nparts; k++) {
        const dm_line_party *p = &ev->participants[k];
        if (part_ids[k]) key_add(&r.keys, 'p', NULL, part_ids[k]);
        else if (p->kind && !strcmp(p->kind, "org") && p->code) key_add(&r.keys, 'o', p->code, 0);
        else if (p->kind && !strcmp(p->kind, "country") && p->country) key_add(&r.keys, 'c', p->country, 0);
    }
    if (!strcmp(r.kind, "visit") && r.country) key_add(&r.keys, 'c', r.country, 0);
    hash_keys(&r);

    int64_t event_id;
    if (find_same(s, put, &r, &event_id, err)) return DM_ERR_DB;
    int is_new = !event_id;
    if (is_new) {
        sqlite3_stmt *st = dm_store_stmt(s, S_EVENT_INSERT);
        dm_bind_text(st, 1, r.kind);
        dm_bind_text(st, 2, r.status);
        dm_bind_text(st, 3, r.date);
        dm_bind_text(st, 4, r.date_end);
        dm_bind_text(st, 5, r.country ? r.city : NULL);
        dm_bind_text(st, 6, r.country);
        dm_bind_text(st, 7, r.org);
        dm_bind_text(st, 8, r.title);
        dm_bind_text(st, 9, r.cameo);
        dm_bind_text(st, 10, r.reported);
        if (dm_store_step(s, st, "storing an event", err) < 0) return DM_ERR_DB;
        event_id = sqlite3_last_insert_rowid(s->db);
        dm_index_added(s, event_id, r.kind, r.status, r.date, r.reported);
        dm_brief *b = brief_claim(s, event_id);
        brief_set_dates(b, r.date, r.reported);
        for (int k = 0; k < r.nkeys; k++) brief_add_key(b, r.khash[k]);
        dm_index_keys(s, event_id, b->keys, b->nkeys);
    } else {
        event_row e;
        dm_status status = load_event(s, event_id, &e, NULL, err);
        char *old_date = dup_or_null(e.date), *old_reported = dup_or_null(e.reported);
        if (!status && merge_fields(&e, r.date, r.date_end, r.city, r.country, r.org, r.title, r.reported)) {
            status = save_event(s, event_id, &e, err);
            dm_index_moved(s, event_id, r.kind, r.status, old_date, old_reported, e.date, e.reported);
        }
        free(old_date);
        free(old_reported);
        dm_brief *b = brief_cached(s, event_id);
        if (!status && b) {
            brief_set_dates(b, e.date, e.reported);
            for (int k = 0; k < r.nkeys; k++) brief_add_key(b, r.khash[k]);
        }
        /* the event's keys grew: the index's signature follows (unknown without a brief) */
        if (b) dm_index_keys(s, event_id, b->keys, b->nkeys);
        else dm_index_keys(s, event_id, NULL, 0);
        event_row_free(&e);
        if (status) return status;
        put->result->merged++;
    }
    dm_idset_add(&put->own_events, event_id);

    char topics[512] = "";
    size_t used = 0;
    dm_brief *known = brief_cached(s, event_id);
    for (size_t k = 0; k < ev->ntopics; k++) {
        const char *t = ev->topics[k];
        size_t n = strlen(t);
        if (used + 1 + n < sizeof topics) { /* topics are a short vocabulary: 512 bytes hold them all */
            if (used) topics[used++] = ' ';
            memcpy(topics + used, t, n + 1);
            used += n;
        }
        int bit = dm_topic_of(t);
        if (known && bit >= 0 && (known->topics >> bit & 1)) continue;
        sqlite3_stmt *st = dm_store_stmt(s, S_TOPIC_INSERT);
        sqlite3_bind_int64(st, 1, event_id);
        dm_bind_text(st, 2, t);
        if (dm_store_step(s, st, "storing a topic", err) < 0) return DM_ERR_DB;
        if (known && bit >= 0) known->topics |= 1u << bit;
    }

    sqlite3_stmt *st = dm_store_stmt(s, S_REPORT_INSERT);
    sqlite3_bind_int64(st, 1, event_id);
    sqlite3_bind_int64(st, 2, put->doc_id);
    sqlite3_bind_int(st, 3, seq);
    if (story_seq >= 0) sqlite3_bind_int64(st, 4, story_seq);
    const char *text[] = {r.kind, r.status, r.date, r.date_end, r.city, r.country, r.org, r.title, r.cameo};
    for (int i = 0; i < 9; i++) dm_bind_text(st, 5 + i, text[i]);
    dm_bind_text(st, 14, topics);
    /* the evidence spans as a JSON array in the report's row: a row each cost a sixth of ingest */
    dm_buf *spans = &put->scratch;
    spans->len = 0;
    dm_buf_putc(spans, '[');
    for (size_t k = 0; k < ev->nevidence; k++) { /* without printf: it ran for every report */
        dm_buf_put(spans, k ? ",[" : "[", k ? 2 : 1);
        dm_buf_put_int(spans, ev->evidence[k].start);
        dm_buf_putc(spans, ',');
        dm_buf_put_int(spans, ev->evidence[k].end);
        dm_buf_putc(spans, ']');
    }
    dm_buf_putc(spans, ']');
    sqlite3_bind_text64(st, 15, spans->data, spans->len, SQLITE_STATIC, SQLITE_UTF8);
    if (dm_store_step(s, st, "storing a report", err) < 0) return DM_ERR_DB;
    int64_t report_id = sqlite3_last_insert_rowid(s->db);
    put->result->reports++;

    int n = 0;
    for (size_t k = 0; k < nparts; k++)
        if (insert_participant(s, report_id, n++, &ev->participants[k], part_ids[k], 0, err)) return DM_ERR_DB;
    for (size_t k = 0; k < nsigners; k++)
        if (insert_participant(s, report_id, n++, &ev->signatories[k], signer_ids[k], 1, err)) return DM_ERR_DB;
    if (!strcmp(r.status, "occurred")) return is_new ? link_to_planned(s, event_id, &r, put, err) : DM_OK;
    if (is_new) return link_occurred_to(s, event_id, &r, put, err);
    return DM_OK;
}

/* ---- after a replacement ------------------------------------------------------ */

/* Recomputes a merged event from the reports left to it. */
static dm_status remerge_event(dm_store *s, int64_t id, dm_error *err) {
    event_row e;
    dm_status status = load_event(s, id, &e, NULL, err);
    if (status) return status;
    /* start from nothing: every field comes back from a remaining report */
    int64_t planned = e.planned_id;
    event_row_free(&e);
    e.planned_id = planned;
    sqlite3_stmt *st = dm_store_stmt(s, S_TOPICS_CLEAR);
    sqlite3_bind_int64(st, 1, id);
    if (dm_store_step(s, st, "recomputing an event", err) < 0) status = DM_ERR_DB;
    /* topics of all its reports, gathered first: the statement cannot be shared while stepping */
    char (*topics)[32] = NULL;
    size_t ntopics = 0;
    st = dm_store_stmt(s, S_EVENT_REPORTS);
    sqlite3_bind_int64(st, 1, id);
    int rc = 0;
    while (!status && (rc = dm_store_step(s, st, "recomputing an event", err)) == SQLITE_ROW) {
        merge_fields(&e, dm_col_text(st, 0), dm_col_text(st, 1), dm_col_text(st, 2), dm_col_text(st, 3),
                     dm_col_text(st, 4), dm_col_text(st, 5), NULL);
        const char *t = dm_col_text(st, 6);
        while (t && *t) {
            size_t len = strcspn(t, " ");
            if (len && len < 32) {
                topics = dm_xrealloc(topics, (ntopics + 1) * sizeof *topics);
                memcpy(topics[ntopics], t, len);
                topics[ntopics++][len] = 0;
            }
            t += len + (t[len] == ' ');
        }
    }
    if (!status && rc < 0) status = DM_ERR_DB;
    sqlite3_reset(st);
    for (size_t k = 0; !status && k < ntopics; k++) {
        st = dm_store_stmt(s, S_TOPIC_INSERT);
        sqlite3_bind_int64(st, 1, id);
        dm_bind_text(st, 2, topics[k]);
        if (dm_store_step(s, st, "recomputing an event's topics", err) < 0) status = DM_ERR_DB;
    }
    if (!status) {
        st = dm_store_stmt(s, S_EVENT_REPORTED);
        sqlite3_bind_int64(st, 1, id);
        if (dm_store_step(s, st, "recomputing an event", err) < 0) status = DM_ERR_DB;
        else e.reported = dup_or_null(dm_col_text(st, 0));
        sqlite3_reset(st);
    }
    if (!status) status = save_event(s, id, &e, err);
    free(topics);
    event_row_free(&e);
    return status;
}

dm_status dm_store_cleanup(dm_store *s, dm_put *put, const dm_ids *events, const dm_ids *people,
                           const dm_ids *relink, dm_error *err) {
    dm_store_forget(s); /* events are recomputed below: their briefs would be stale */
    if (dm_titles_flush(s, err)) return DM_ERR_DB; /* the new version's titles, before people are recomputed */
    for (size_t i = 0; i < events->n; i++) {
        sqlite3_stmt *st = dm_store_stmt(s, S_EVENT_DELETE_ORPHAN);
        sqlite3_bind_int64(st, 1, events->v[i]);
        if (dm_store_step(s, st, "removing an event nothing reports", err) < 0) return DM_ERR_DB;
        if (!sqlite3_changes(s->db)) {
            if (remerge_event(s, events->v[i], err)) return DM_ERR_DB;
            continue;
        }
        /* the event is gone: its topics, and links to it from its occurrence */
        for (int k = S_EVENT_DELETED_TOPICS; k <= S_EVENT_DELETED_LINKS; k++) {
            st = dm_store_stmt(s, k);
            sqlite3_bind_int64(st, 1, events->v[i]);
            if (dm_store_step(s, st, "removing an event nothing reports", err) < 0) return DM_ERR_DB;
        }
    }
    for (size_t i = 0; i < people->n; i++) {
        sqlite3_stmt *st = dm_store_stmt(s, S_PERSON_DELETE_ORPHAN);
        sqlite3_bind_int64(st, 1, people->v[i]);
        if (dm_store_step(s, st, "removing a person nothing reports", err) < 0) return DM_ERR_DB;
        if (!sqlite3_changes(s->db)) {
            if (dm_store_refresh_person(s, people->v[i], err)) return DM_ERR_DB;
            continue;
        }
        st = dm_store_stmt(s, S_TITLES_CLEAR); /* and the titles they held */
        sqlite3_bind_int64(st, 1, people->v[i]);
        if (dm_store_step(s, st, "removing a person nothing reports", err) < 0) return DM_ERR_DB;
    }
    for (size_t i = 0; i < relink->n; i++) {
        /* the occurred event as if told again: its keys and dates */
        event_row e;
        report r;
        memset(&r, 0, sizeof r);
        dm_status status = load_event(s, relink->v[i], &e, &r.keys, err);
        hash_keys(&r);
        if (!status && !e.planned_id) {
            r.kind = e.kind;
            r.status = e.status;
            r.date = e.date;
            r.reported = e.reported;
            r.country = e.country;
            r.ymd = dm_ymd_parse(e.date);
            status = link_to_planned(s, relink->v[i], &r, put, err);
        }
        event_row_free(&e);
        if (status) return status;
    }
    return DM_OK;
}
