/* Queries over a dragoman knowledge base (src/out/schema.sql, version 1),
 * opened read-only. Every query fills a dm_rows result set; user text only
 * ever reaches SQL as a bound parameter. */
#ifndef DM_QUERY_H
#define DM_QUERY_H
#include "dragoman.h"
#include "rows.h"
#include "store.h" /* DM_STORE_SCHEMA_VERSION: the one version both sides know */

typedef struct dm_kb dm_kb;

/* Opens the database at path read-only and checks that it is a knowledge base
 * of schema version 1. On failure returns NULL with err saying what to do
 * (DM_ERR_IO). Close with dm_kb_close. */
dm_kb *dm_kb_open(const char *path, dm_error *err);
void dm_kb_close(dm_kb *kb);

/* Filters shared by the query commands; NULL (or 0 for limit) means "any".
 * Strings are borrowed for the duration of the call. */
typedef struct {
    const char *country; /* ISO3: a participant's state or the location */
    const char *with;    /* ISO3: a participant's state (facts: the other party) */
    const char *person;  /* people.name substring or surname, case and accents ignored */
    const char *name;    /* people: the same match on the person listed */
    const char *kind, *status, *topic, *role, *metric;
    const char *since, *until; /* ISO dates, partial allowed (facts: years) */
    long limit;                /* 0: no limit */
} dm_query_filter;

/* events: id date kind status place participants topics sources, by date (undated last). */
dm_status dm_query_events(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err);

/* people: id name country org title role first_seen last_seen events, titles (JSON). */
dm_status dm_query_people(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err);

/* partners of f->country: partner events meeting multilateral visit call agreement level topics,
 * most events first. */
dm_status dm_query_partners(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err);

/* facts, one per document's figure; with series set, one row per
 * (metric, party pair, year, part, value, unit, qualifier) with the number of documents. */
dm_status dm_query_facts(dm_kb *kb, const dm_query_filter *f, int series, dm_rows *out, dm_error *err);

/* One merged event with everything known about it. */
typedef struct {
    dm_rows event;        /* one row */
    dm_rows participants; /* merged across reports */
    dm_rows sources;      /* one per report: the document's name, date, url */
    dm_rows evidence;     /* report, document, start, end, text */
    dm_rows planned;      /* the announcement this event fulfils (0 or 1 row) */
    dm_rows followed_by;  /* events that fulfil this one, when it is an announcement */
} dm_event_detail;

/* Fills d for event id; DM_ERR_USAGE when there is no such event. Free with dm_event_detail_free. */
dm_status dm_query_show(dm_kb *kb, long long id, dm_event_detail *d, dm_error *err);
void dm_event_detail_free(dm_event_detail *d);

/* Full-text search (FTS5 query syntax): id name published snippet events, best
 * match first. A malformed query is DM_ERR_USAGE with the reason. */
dm_status dm_query_search(dm_kb *kb, const char *text, const dm_query_filter *f, dm_rows *out, dm_error *err);

/* Dyadic export: one row per event and ordered actor pair (see README, "export"). */
dm_status dm_query_export(dm_kb *kb, const dm_query_filter *f, dm_rows *out, dm_error *err);
#endif
