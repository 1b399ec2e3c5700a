/* People across documents (store_int.h): one record per real person, found
 * by folded surname, compatible state and organization and a compatible
 * given name or initial; the fullest name wins; the titles held over time. */
#include "store_int.h"
#include "../core/arena.h"
#include "../core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* ---- names ------------------------------------------------------------------ */

/* A name word folded as people.surname is: the extractor's folding (dm_fold: lower case,
 * accents removed), which the query side applies to what users type, letters only. */
static void fold_word(const char *w, size_t n, char *out, size_t cap) {
    char *folded = dm_xmalloc(n * 3 + 1);
    size_t len = dm_fold(w, n, folded, n * 3 + 1), k = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (dm_cp_is_letter(dm_utf8_next(folded, len, &i)) && k + (i - at) < cap) {
            memcpy(out + k, folded + at, i - at);
            k += i - at;
        }
    }
    free(folded);
    out[k] = 0;
}

typedef struct {
    char surname[96];
    char given[96]; /* first word when the name has two or more, else "" */
    int initial;    /* the first word is an initial ("M.", "Kh.") */
} name_parts;

static void split_name(const char *name, name_parts *np) {
    memset(np, 0, sizeof *np);
    const char *words[16];
    size_t lens[16];
    int n = 0;
    for (const char *p = name; *p && n < 16;) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ' ') p++;
        words[n] = start;
        lens[n++] = (size_t)(p - start);
    }
    /* the surname is the last word with letters in it */
    int last = n - 1;
    for (; last >= 0; last--) {
        fold_word(words[last], lens[last], np->surname, sizeof np->surname);
        if (np->surname[0]) break;
    }
    if (last > 0) {
        fold_word(words[0], lens[0], np->given, sizeof np->given);
        size_t letters = strlen(np->given);
        np->initial = letters == 1 || (letters <= 2 && words[0][lens[0] - 1] == '.');
    }
}

/* How well two given names agree: 3 equal, 2 an initial fits, 1 one is unknown, 0 they differ. */
static int given_fit(const name_parts *a, const name_parts *b) {
    if (!a->given[0] || !b->given[0]) return 1;
    if (!a->initial && !b->initial) return strcmp(a->given, b->given) == 0 ? 3 : 0;
    const char *shorter = a->initial ? a->given : b->given, *longer = a->initial ? b->given : a->given;
    return strncmp(shorter, longer, strlen(shorter)) == 0 ? 2 : 0;
}

static int same_or_unknown(const char *a, const char *b) { return !a || !b || !strcmp(a, b); }

/* Is name fuller than other: more words, then more bytes. */
static int fuller(const char *name, const char *other) {
    int wa = 1, wb = 1;
    for (const char *p = name; *p; p++) wa += *p == ' ';
    for (const char *p = other; *p; p++) wb += *p == ' ';
    return wa != wb ? wa > wb : strlen(name) > strlen(other);
}

/* People already resolved, by the exact name, state and organization a report
 * gives: the same names come back in document after document, and each would
 * otherwise cost a lookup and a comparison of given names. Kept like the
 * event briefs (a fixed table, dropped by dm_store_forget). */
#define KNOWN_SLOTS 16384
struct dm_known {
    uint64_t key; /* 0: empty */
    int64_t id;
    char first[16], last[16]; /* the record's first_seen, last_seen */
};

static uint64_t person_key(const char *name, const char *country, const char *org) {
    /* name|country|org hashed as one string (joined without printf: this runs for every participant) */
    char buf[512];
    size_t n = 0;
    const char *parts[3] = {name, country ? country : "-", org ? org : "-"};
    for (int i = 0; i < 3; i++) {
        if (i) buf[n++] = '|';
        dm_copy(buf + n, sizeof buf - n, parts[i]);
        n += strlen(buf + n);
    }
    uint64_t h = XXH3_64bits(buf, n);
    return h ? h : 1;
}

static dm_known *known_slot(dm_store *s, uint64_t key) {
    if (!s->known) {
        s->known = calloc(KNOWN_SLOTS, sizeof *s->known);
        if (!s->known) dm_die_oom();
    }
    return &s->known[key % KNOWN_SLOTS];
}

static void known_seen(dm_known *k, const char *seen) {
    if (!seen) return;
    if (!k->first[0] || strcmp(seen, k->first) < 0) dm_copy(k->first, sizeof k->first, seen);
    if (!k->last[0] || strcmp(seen, k->last) > 0) dm_copy(k->last, sizeof k->last, seen);
}

/* Titles seen in the current transaction, written when it ends (dm_titles_flush):
 * the same person holds the same title in report after report, and one
 * upsert with the count replaces one per report. */
typedef struct {
    uint64_t key; /* 0: empty */
    int64_t person;
    char *title, *role;
    char first[16], last[16];
    int reports;
} pending_title;

struct dm_titles {
    pending_title *v;
    size_t n, cap;
};

static uint64_t title_key(int64_t person, const char *title) {
    uint64_t h = XXH3_64bits_withSeed(title, strlen(title), (uint64_t)person);
    return h ? h : 1;
}

static pending_title *title_slot(pending_title *v, size_t cap, uint64_t key, int64_t person, const char *title) {
    size_t i = key & (cap - 1);
    while (v[i].key && !(v[i].key == key && v[i].person == person && !strcmp(v[i].title, title))) i = (i + 1) & (cap - 1);
    return &v[i];
}

static void note_title(dm_store *s, int64_t person, const char *title, const char *role, const char *seen) {
    if (!s->titles) {
        s->titles = calloc(1, sizeof *s->titles);
        if (!s->titles) dm_die_oom();
    }
    dm_titles *t = s->titles;
    if (2 * (t->n + 1) > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        pending_title *v = calloc(cap, sizeof *v);
        if (!v) dm_die_oom();
        for (size_t i = 0; i < t->cap; i++)
            if (t->v[i].key) *title_slot(v, cap, t->v[i].key, t->v[i].person, t->v[i].title) = t->v[i];
        free(t->v);
        t->v = v;
        t->cap = cap;
    }
    uint64_t key = title_key(person, title);
    pending_title *e = title_slot(t->v, t->cap, key, person, title);
    if (!e->key) {
        e->key = key;
        e->person = person;
        e->title = strdup(title);
        e->role = strdup(role);
        if (!e->title || !e->role) dm_die_oom();
        t->n++;
    }
    e->reports++;
    if (seen && (!e->first[0] || strcmp(seen, e->first) < 0)) dm_copy(e->first, sizeof e->first, seen);
    if (seen && (!e->last[0] || strcmp(seen, e->last) > 0)) dm_copy(e->last, sizeof e->last, seen);
}

void dm_titles_discard(dm_store *s) {
    dm_titles *t = s->titles;
    if (!t) return;
    for (size_t i = 0; i < t->cap; i++)
        if (t->v[i].key) {
            free(t->v[i].title);
            free(t->v[i].role);
        }
    memset(t->v, 0, t->cap * sizeof *t->v);
    t->n = 0;
}

dm_status dm_titles_flush(dm_store *s, dm_error *err) {
    dm_titles *t = s->titles;
    dm_status status = DM_OK;
    for (size_t i = 0; t && !status && i < t->cap; i++) {
        const pending_title *e = &t->v[i];
        if (!e->key) continue;
        sqlite3_stmt *st = dm_store_stmt(s, S_TITLE_UPSERT);
        sqlite3_bind_int64(st, 1, e->person);
        dm_bind_text(st, 2, e->title);
        dm_bind_text(st, 3, e->role);
        dm_bind_text(st, 4, e->first[0] ? e->first : NULL);
        dm_bind_text(st, 5, e->last[0] ? e->last : NULL);
        sqlite3_bind_int(st, 6, e->reports);
        if (dm_store_step(s, st, "storing a title", err) < 0) status = DM_ERR_DB;
    }
    dm_titles_discard(s);
    return status;
}

/* The person record for a named participant: the known person with the same
 * folded surname, compatible state and organization, and a compatible given
 * name (the best fit), or a new one. Records the title held on seen. */
dm_status dm_store_person(dm_store *s, dm_put *put, const char *name, const char *country, const char *org,
                                const char *title, const char *role, const char *seen, int64_t *id, dm_error *err) {
    uint64_t key = person_key(name, country, org);
    dm_known *k = known_slot(s, key);
    sqlite3_stmt *st;
    if (k->key == key) {
        *id = k->id;
        if (seen && (strcmp(seen, k->first) < 0 || strcmp(seen, k->last) > 0)) {
            st = dm_store_stmt(s, S_PERSON_SEEN);
            sqlite3_bind_int64(st, 1, k->id);
            dm_bind_text(st, 2, seen);
            if (dm_store_step(s, st, "updating a person", err) < 0) return DM_ERR_DB;
            known_seen(k, seen);
        }
        goto seen_title;
    }
    name_parts np;
    split_name(name, &np);
    if (!np.surname[0]) {
        /* no letters to match on: keep the name as it is */
        dm_copy(np.surname, sizeof np.surname, name);
    }
    st = dm_store_stmt(s, S_PERSON_FIND);
    dm_bind_text(st, 1, np.surname);
    dm_bind_text(st, 2, country);
    int64_t best = 0;
    int best_fit = 0, rc, needs_update = 0;
    char best_name[256] = "", best_first[16] = "", best_last[16] = "";
    while ((rc = dm_store_step(s, st, "looking up a person", err)) == SQLITE_ROW) {
        const char *other = dm_col_text(st, 1), *ocountry = dm_col_text(st, 2), *oorg = dm_col_text(st, 3);
        if (!same_or_unknown(org, oorg)) continue;
        name_parts op;
        split_name(other ? other : "", &op);
        int fit = given_fit(&np, &op);
        if (fit > best_fit || (fit && fit == best_fit && sqlite3_column_int64(st, 0) < best)) {
            best_fit = fit;
            best = sqlite3_column_int64(st, 0);
            dm_copy(best_name, sizeof best_name, other);
            /* only what the record lacks is written back */
            const char *first = dm_col_text(st, 4), *last = dm_col_text(st, 5);
            dm_copy(best_first, sizeof best_first, first);
            dm_copy(best_last, sizeof best_last, last);
            needs_update = fuller(name, best_name) || (country && !ocountry) || (org && !oorg) ||
                           (seen && (!first || strcmp(seen, first) < 0 || !last || strcmp(seen, last) > 0));
        }
    }
    if (rc < 0) return DM_ERR_DB;
    if (best && needs_update) {
        st = dm_store_stmt(s, S_PERSON_UPDATE);
        sqlite3_bind_int64(st, 1, best);
        dm_bind_text(st, 2, fuller(name, best_name) ? name : best_name);
        dm_bind_text(st, 3, country);
        dm_bind_text(st, 4, org);
        dm_bind_text(st, 5, seen);
        if (dm_store_step(s, st, "updating a person", err) < 0) return DM_ERR_DB;
        *id = best;
    } else if (best) {
        *id = best;
    } else {
        st = dm_store_stmt(s, S_PERSON_INSERT);
        dm_bind_text(st, 1, name);
        dm_bind_text(st, 2, np.surname);
        dm_bind_text(st, 3, country);
        dm_bind_text(st, 4, org);
        dm_bind_text(st, 5, seen);
        if (dm_store_step(s, st, "storing a person", err) < 0) return DM_ERR_DB;
        *id = sqlite3_last_insert_rowid(s->db);
        put->result->people_new++;
    }
    memset(k, 0, sizeof *k);
    k->key = key;
    k->id = *id;
    if (best == *id) {
        memcpy(k->first, best_first, sizeof k->first);
        memcpy(k->last, best_last, sizeof k->last);
    }
    known_seen(k, seen);
seen_title:
    if (title) note_title(s, *id, title, role ? role : "official", seen);
    return DM_OK;
}

void dm_people_forget(dm_store *s) {
    if (s->known) memset(s->known, 0, KNOWN_SLOTS * sizeof *s->known);
}

void dm_people_free(dm_store *s) {
    free(s->known);
    s->known = NULL;
    dm_titles_discard(s);
    if (s->titles) free(s->titles->v);
    free(s->titles);
    s->titles = NULL;
}

/* Recomputes a person from the participants left to them: the fullest name,
 * the first state and organization given, the dates seen, the titles held. */
dm_status dm_store_refresh_person(dm_store *s, int64_t id, dm_error *err) {
    char name[256] = "", country[16] = "", org[64] = "", first[16] = "", last[16] = "";
    sqlite3_stmt *st = dm_store_stmt(s, S_PERSON_PARTS);
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = dm_store_step(s, st, "recomputing a person", err)) == SQLITE_ROW) {
        const char *n = dm_col_text(st, 0), *c = dm_col_text(st, 1), *o = dm_col_text(st, 2),
                   *seen = dm_col_text(st, 3);
        if (n && (!name[0] || fuller(n, name))) dm_copy(name, sizeof name, n);
        if (c && !country[0]) dm_copy(country, sizeof country, c);
        if (o && !org[0]) dm_copy(org, sizeof org, o);
        if (seen && (!first[0] || strcmp(seen, first) < 0)) dm_copy(first, sizeof first, seen);
        if (seen && (!last[0] || strcmp(seen, last) > 0)) dm_copy(last, sizeof last, seen);
    }
    if (rc < 0) return DM_ERR_DB;
    name_parts np;
    split_name(name, &np);
    st = dm_store_stmt(s, S_PERSON_SET);
    sqlite3_bind_int64(st, 1, id);
    dm_bind_text(st, 2, name);
    dm_bind_text(st, 3, np.surname[0] ? np.surname : name);
    dm_bind_text(st, 4, country[0] ? country : NULL);
    dm_bind_text(st, 5, org[0] ? org : NULL);
    dm_bind_text(st, 6, first[0] ? first : NULL);
    dm_bind_text(st, 7, last[0] ? last : NULL);
    if (dm_store_step(s, st, "recomputing a person", err) < 0) return DM_ERR_DB;
    st = dm_store_stmt(s, S_TITLES_CLEAR);
    sqlite3_bind_int64(st, 1, id);
    if (dm_store_step(s, st, "recomputing a person's titles", err) < 0) return DM_ERR_DB;
    st = dm_store_stmt(s, S_TITLES_REBUILD);
    sqlite3_bind_int64(st, 1, id);
    return dm_store_step(s, st, "recomputing a person's titles", err) < 0 ? DM_ERR_DB : DM_OK;
}

