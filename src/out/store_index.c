/* Events by date, kept in memory for the merging (store_int.h). Finding the
 * events a report may tell of means looking up a few dates (the day before,
 * the day, the day after, its month and year) or a window of days (undated
 * events, announcements up to 120 days back): as SQL that was one query per
 * report and window, returning the same ids again and again. Here each
 * (kind, status, date) bucket is read from the database once, when first
 * asked for, and then kept up to date as events are added or get a new date.
 * Buckets never read are not kept up to date: reading them later finds the
 * rows. Dropped whole by dm_index_forget (a rollback, a replaced document) or
 * when they hold too many ids.
 *
 * Most events of a date share too few participants with a report to be its
 * event (on the bench corpus, 97% of those compared). Each event's keys are
 * also kept as a 64-bit signature by id, so a lookup skips them without
 * reading their briefs (a cache miss each in a 16 MB table). */
#include "store_int.h"
#include "../core/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define MAX_INDEXED_IDS 4000000

typedef struct {
    uint64_t key; /* 0: empty */
    dm_ids ids;
} bucket;

struct dm_index {
    bucket *v;
    size_t n, cap, ids;
    int complete; /* every stored event is filed here: a bucket not held is empty, no query needed */
    uint64_t *sig; /* by event id: SIG_KNOWN, the key count (SIG_COUNT_SHIFT) and a bit per key; 0: unknown */
    size_t nsig;
};

/* A signature: bit 63 says it is known, bits 60-61 hold the number of keys
 * (3 for three or more), bits 0-57 a bit per key. */
#define SIG_KNOWN ((uint64_t)1 << 63)
#define SIG_COUNT_SHIFT 60
#define SIG_KEY_BITS 58
#define SIG_KEY_MASK (((uint64_t)1 << SIG_KEY_BITS) - 1)

static uint64_t key_bit(uint64_t key) { return (uint64_t)1 << (key % SIG_KEY_BITS); }

void dm_key_filter_make(dm_key_filter *f, const uint64_t *keys, int nkeys) {
    f->bits = 0;
    f->nkeys = nkeys;
    f->distinct = 1;
    for (int i = 0; i < nkeys; i++) {
        if (f->bits & key_bit(keys[i])) f->distinct = 0;
        f->bits |= key_bit(keys[i]);
    }
}

/* Can an event of signature sig share enough keys with the filter's report?
 * shared_keys asks for min(2, the report's keys, the event's keys) in common,
 * at least one. Each shared key sets its bit in both, so when the report's
 * keys have distinct bits the bits in common are at least the keys in common;
 * otherwise only "no bit in common" rules an event out. */
static int may_share(uint64_t sig, const dm_key_filter *f) {
    if (!(sig & SIG_KNOWN)) return 1;
    int need = dm_keys_needed(f->nkeys, (int)((sig >> SIG_COUNT_SHIFT) & 3));
    if (need == 0) return 0;
    int common = __builtin_popcountll(sig & f->bits & SIG_KEY_MASK);
    return f->distinct ? common >= need : common >= 1;
}

void dm_index_keys(dm_store *s, int64_t id, const uint64_t *keys, int nkeys) {
    dm_index *x = s->index;
    if (!x || id <= 0) return;
    if ((size_t)id >= x->nsig) {
        if (!keys) return; /* beyond the array: unknown already */
        size_t cap = x->nsig ? x->nsig : 4096;
        while (cap <= (size_t)id) cap *= 2;
        x->sig = dm_xrealloc(x->sig, cap * sizeof *x->sig);
        memset(x->sig + x->nsig, 0, (cap - x->nsig) * sizeof *x->sig);
        x->nsig = cap;
    }
    uint64_t sig = 0;
    if (keys) {
        sig = SIG_KNOWN | (uint64_t)(nkeys < 3 ? nkeys : 3) << SIG_COUNT_SHIFT;
        for (int i = 0; i < nkeys; i++) sig |= key_bit(keys[i]);
    }
    x->sig[id] = sig;
}

/* A bucket's key: events of kind and status whose date ('D'), first report
 * date when undated ('U'), first report date ('R') or its month ('M') is value. */
static uint64_t bucket_key(const char *kind, const char *status, char tag, const char *value) {
    /* called for every day of every window: no printf */
    char buf[96];
    size_t n = 0, k;
    const char *parts[3] = {kind, status, value};
    for (int i = 0; i < 3; i++) {
        k = strlen(parts[i]);
        if (n + k + 2 > sizeof buf) k = sizeof buf - n - 2;
        memcpy(buf + n, parts[i], k);
        n += k;
        buf[n++] = i == 1 ? tag : '|';
    }
    uint64_t h = XXH3_64bits(buf, n);
    return h ? h : 1;
}

static void clear(dm_index *x) {
    if (!x) return;
    for (size_t i = 0; i < x->cap; i++) free(x->v[i].ids.v);
    memset(x->v, 0, x->cap * sizeof *x->v);
    x->n = x->ids = 0;
    x->complete = 0;
    if (x->sig) memset(x->sig, 0, x->nsig * sizeof *x->sig); /* unknown: events' keys may have changed */
}

void dm_index_forget(dm_store *s) {
    clear(s->index);
    dm_index_start(s);
}

void dm_index_start(dm_store *s) {
    /* With no event stored, the index can hold every event from the first: a
     * new knowledge base (the bulk load of an archive) then asks the database
     * nothing while merging, where each new day, month and kind cost a query */
    sqlite3_stmt *st = dm_store_stmt(s, S_EVENTS_NONE);
    int none = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (!none) return;
    if (!s->index) {
        s->index = calloc(1, sizeof *s->index);
        if (!s->index) dm_die_oom();
    }
    s->index->complete = 1;
}

void dm_index_free(dm_store *s) {
    clear(s->index);
    if (s->index) {
        free(s->index->v);
        free(s->index->sig);
    }
    free(s->index);
    s->index = NULL;
}

static bucket *find(dm_index *x, uint64_t key) {
    if (!x || !x->cap) return NULL;
    for (size_t i = key & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
        if (x->v[i].key == key) return &x->v[i];
        if (!x->v[i].key) return NULL;
    }
}

static bucket *insert(dm_store *s, uint64_t key) {
    if (!s->index) {
        s->index = calloc(1, sizeof *s->index);
        if (!s->index) dm_die_oom();
    }
    dm_index *x = s->index;
    if (2 * (x->n + 1) > x->cap) {
        dm_index bigger = {NULL, 0, x->cap ? x->cap * 2 : 4096, x->ids, x->complete, x->sig, x->nsig};
        bigger.v = calloc(bigger.cap, sizeof *bigger.v);
        if (!bigger.v) dm_die_oom();
        for (size_t i = 0; i < x->cap; i++) {
            if (!x->v[i].key) continue;
            size_t j = x->v[i].key & (bigger.cap - 1);
            while (bigger.v[j].key) j = (j + 1) & (bigger.cap - 1);
            bigger.v[j] = x->v[i];
            bigger.n++;
        }
        free(x->v);
        *x = bigger;
    }
    size_t i = key & (x->cap - 1);
    while (x->v[i].key) i = (i + 1) & (x->cap - 1);
    x->v[i].key = key;
    x->n++;
    return &x->v[i];
}

/* The bucket, read from the database the first time. */
static dm_status bucket_of(dm_store *s, const char *kind, const char *status, char tag, const char *value,
                           bucket **out, dm_error *err) {
    uint64_t key = bucket_key(kind, status, tag, value);
    *out = find(s->index, key);
    if (*out || (s->index && s->index->complete)) return DM_OK; /* complete: none is an empty bucket */
    if (s->index && s->index->ids > MAX_INDEXED_IDS) dm_index_forget(s);
    sqlite3_stmt *st = dm_store_stmt(s, tag == 'D'   ? S_BUCKET_DATE
                                        : tag == 'U' ? S_BUCKET_UNDATED
                                        : tag == 'R' ? S_BUCKET_REPORTED
                                                     : S_BUCKET_MONTH);
    dm_bind_text(st, 1, kind);
    dm_bind_text(st, 2, status);
    dm_bind_text(st, 3, value);
    dm_ids ids = {0};
    int rc;
    while ((rc = dm_store_step(s, st, "looking for the same event", err)) == SQLITE_ROW)
        dm_ids_push(&ids, sqlite3_column_int64(st, 0));
    if (rc < 0) {
        dm_ids_free(&ids);
        return DM_ERR_DB;
    }
    bucket *b = insert(s, key);
    b->ids = ids;
    s->index->ids += ids.n;
    *out = b;
    return DM_OK;
}

dm_status dm_index_lookup(dm_store *s, const char *kind, const char *status, char tag, const char *value,
                          const dm_key_filter *filter, dm_ids *out, dm_error *err) {
    if (!value || !value[0]) return DM_OK;
    bucket *b;
    if (bucket_of(s, kind, status, tag, value, &b, err)) return DM_ERR_DB;
    const dm_index *x = s->index;
    for (size_t i = 0; b && i < b->ids.n; i++) {
        int64_t id = b->ids.v[i];
        if (filter && (size_t)id < x->nsig && !may_share(x->sig[id], filter)) continue;
        dm_ids_push(out, id);
    }
    return DM_OK;
}

/* Adds id to a bucket already read (one not read yet finds it in the database),
 * or to its bucket, new if need be, when the index is complete. */
static void add_to(dm_store *s, const char *kind, const char *status, char tag, const char *value, int64_t id) {
    if (!value || !value[0]) return;
    uint64_t key = bucket_key(kind, status, tag, value);
    bucket *b = find(s->index, key);
    if (!b && s->index->complete) b = insert(s, key);
    if (!b) return;
    for (size_t i = 0; i < b->ids.n; i++)
        if (b->ids.v[i] == id) return;
    dm_ids_push(&b->ids, id);
    s->index->ids++;
}

static void remove_from(dm_store *s, const char *kind, const char *status, char tag, const char *value, int64_t id) {
    if (!value || !value[0]) return;
    bucket *b = find(s->index, bucket_key(kind, status, tag, value));
    if (!b) return;
    for (size_t i = 0; i < b->ids.n; i++)
        if (b->ids.v[i] == id) {
            b->ids.v[i] = b->ids.v[--b->ids.n];
            s->index->ids--;
            return;
        }
}

/* The buckets an event is filed under: its date, its first report's date (for undated
 * events, and by month), each given to op (add_to or remove_from). */
static void file_event(dm_store *s, int64_t id, const char *kind, const char *status, const char *date,
                       const char *reported,
                       void (*op)(dm_store *, const char *, const char *, char, const char *, int64_t)) {
    op(s, kind, status, 'D', date, id);
    if (!date || !date[0]) op(s, kind, status, 'U', reported, id);
    op(s, kind, status, 'R', reported, id);
    if (reported && strlen(reported) >= 7) {
        char month[8];
        memcpy(month, reported, 7);
        month[7] = 0;
        op(s, kind, status, 'M', month, id);
    }
}

void dm_index_added(dm_store *s, int64_t id, const char *kind, const char *status, const char *date,
                    const char *reported) {
    if (!s->index) return;
    if (s->index->complete && s->index->ids > MAX_INDEXED_IDS) clear(s->index); /* read as asked from now on */
    file_event(s, id, kind, status, date, reported, add_to);
}

void dm_index_moved(dm_store *s, int64_t id, const char *kind, const char *status, const char *old_date,
                    const char *old_reported, const char *date, const char *reported) {
    if (!s->index) return;
    file_event(s, id, kind, status, old_date, old_reported, remove_from);
    dm_index_added(s, id, kind, status, date, reported);
}
