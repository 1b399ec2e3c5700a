/* Inside the knowledge base: what store.c (database, documents, facts) and
 * store_merge.c (people and events across documents) share. */
#ifndef DM_STORE_INT_H
#define DM_STORE_INT_H
#include "store.h"
#include "line.h"
#include "../core/buf.h"
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

/* A growable list of row ids. */
typedef struct {
    int64_t *v;
    size_t n, cap;
} dm_ids;
/* The prepared statements, made once at open and reset for each use. */
enum {
    S_DOC_FIND,
    S_DOC_INSERT,
    S_DOC_DELETE_PARTICIPANTS,
    S_DOC_DELETE_FIRST = S_DOC_DELETE_PARTICIPANTS,
    S_DOC_DELETE_REPORTS,
    S_DOC_DELETE_STORIES,
    S_DOC_DELETE_FACTS,
    S_DOC_DELETE,
    S_DOC_EVENTS,
    S_DOC_PEOPLE,
    S_PLANNED_BY,
    S_STORY_INSERT,
    S_FACT_INSERT,
    S_PERSON_FIND,
    S_PERSON_INSERT,
    S_PERSON_UPDATE,
    S_PERSON_SET,
    S_PERSON_SEEN,
    S_PERSON_PARTS,
    S_PERSON_DELETE_ORPHAN,
    S_TITLE_UPSERT,
    S_TITLES_CLEAR,
    S_TITLES_REBUILD,
    S_EVENT_INSERT,
    S_EVENT_INFO,
    S_EVENT_UPDATE,
    S_EVENT_KEYS,
    S_EVENT_REPORTED,
    S_EVENT_REPORTS,
    S_EVENT_DELETE_ORPHAN,
    S_EVENT_DELETED_TOPICS,
    S_EVENT_DELETED_LINKS,
    S_EVENT_SET_PLANNED,
    S_TOPIC_INSERT,
    S_TOPICS_CLEAR,
    S_REPORT_INSERT,
    S_PART_INSERT,
    S_CAND_WITHIN,
    S_BUCKET_DATE,
    S_BUCKET_UNDATED,
    S_BUCKET_REPORTED,
    S_BUCKET_MONTH,
    S_EVENTS_NONE,
    S_FTS_ADD,
    S_FTS_DELETE,
    S_COUNT
};

struct dm_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[S_COUNT];
    int in_txn;
    int doomed; /* a document failed half-written: the transaction must roll back */
    dm_ids fts_pending; /* documents stored in this transaction, not yet in documents_fts */
    struct dm_brief *briefs; /* store_merge.c: events as the merging compares them */
    unsigned brief_epoch;    /* store_merge.c: which briefs are current */
    struct dm_known *known;  /* store_merge.c: people by the names reports give */
    struct dm_index *index;  /* store_index.c: events by date */
    struct dm_titles *titles; /* store_people.c: titles seen, written at the end of the transaction */
    struct dm_checkpointer *ckpt; /* checkpoint.h: copies the log into the database after commits, or NULL */
    double *sql_ns; /* DRAGOMAN_SQL_STATS: nanoseconds by statement (S_COUNT: any other), else NULL */
};
typedef struct dm_titles dm_titles;
/* store_people.c: writes the titles noted in this transaction (before a
 * commit, and before rows are deleted or recomputed), or drops them (after a
 * rollback). */
dm_status dm_titles_flush(dm_store *s, dm_error *err);
void dm_titles_discard(dm_store *s);
typedef struct dm_index dm_index;
/* How many keys a report and an event must share to be one event: two, or all of the
 * smaller set when it holds fewer (0: none to share). The merging's test and the
 * index's filter both ask this. */
static inline int dm_keys_needed(int a, int b) {
    int need = a < b ? a : b;
    return need > 2 ? 2 : need;
}
/* A report's participant keys (hashed) as a filter: an event that cannot
 * share enough of them (see shared_keys in store_merge.c) is no candidate. */
typedef struct {
    uint64_t bits; /* one bit per key */
    int nkeys;
    int distinct; /* the keys have distinct bits, so shared bits count shared keys */
} dm_key_filter;
void dm_key_filter_make(dm_key_filter *f, const uint64_t *keys, int nkeys);
/* store_index.c: the events of kind and status whose date (tag 'D'), first
 * report date when undated ('U'), first report date ('R') or its month
 * ('M', value YYYY-MM) is value, added to out, except those whose keys are
 * known (dm_index_keys) and cannot pass filter (NULL: all); kept in step by
 * dm_index_added / dm_index_moved. */
dm_status dm_index_lookup(dm_store *s, const char *kind, const char *status, char tag, const char *value,
                          const dm_key_filter *filter, dm_ids *out, dm_error *err);
/* The keys event id has now (its brief's), or NULL when they are not known:
 * an event whose keys are not known passes every filter. */
void dm_index_keys(dm_store *s, int64_t id, const uint64_t *keys, int nkeys);
void dm_index_added(dm_store *s, int64_t id, const char *kind, const char *status, const char *date,
                    const char *reported);
void dm_index_moved(dm_store *s, int64_t id, const char *kind, const char *status, const char *old_date,
                    const char *old_reported, const char *date, const char *reported);
/* Drops the buckets (after a rollback, a replaced document); they are read again as asked. */
void dm_index_forget(dm_store *s);
/* At open: an empty knowledge base's index holds every event from the start. */
void dm_index_start(dm_store *s);
void dm_index_free(dm_store *s);
typedef struct dm_brief dm_brief;
typedef struct dm_known dm_known;
/* Drops the cached briefs (after a rollback, or when events are recomputed). */
void dm_store_forget(dm_store *s);
void dm_store_forget_free(dm_store *s);

void dm_ids_push(dm_ids *ids, int64_t id);
/* As a set (open addressing on v, ids > 0): adds id, or tells whether it is in. */
void dm_idset_add(dm_ids *set, int64_t id);
int dm_idset_has(const dm_ids *set, int64_t id);
int dm_ids_has(const dm_ids *ids, int64_t id);
void dm_ids_free(dm_ids *ids);

/* The statement id, reset with its bindings cleared, ready to bind. */
sqlite3_stmt *dm_store_stmt(dm_store *s, int id);
/* Steps st: SQLITE_ROW or SQLITE_DONE, or -1 with err filled ("what" names the step). */
int dm_store_step(dm_store *s, sqlite3_stmt *st, const char *what, dm_error *err);
/* Binds a string or NULL. */
void dm_bind_text(sqlite3_stmt *st, int i, const char *v);
/* A column as a string, or NULL. */
const char *dm_col_text(sqlite3_stmt *st, int i);

/* Copies src (NULL: "") into dst of cap bytes, cut to fit: the store's
 * copies into fixed fields run for every participant and candidate, where
 * snprintf("%s") cost more than the copying. */
static inline void dm_copy(char *dst, size_t cap, const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    memcpy(dst, src ? src : "", n);
    dst[n] = 0;
}

/* Dates as the contract writes them: YYYY, YYYY-MM or YYYY-MM-DD. */
typedef struct {
    int y, m, d;
    int precision; /* 0 none, 1 year, 2 month, 3 day */
} dm_ymd;
dm_ymd dm_ymd_parse(const char *s);
/* Days since 1970-01-01 of the earliest (last = 0) or latest (last = 1) day the date covers. */
long dm_ymd_day(dm_ymd d, int last);
/* A day number as YYYY-MM-DD (out holds 11 bytes). */
void dm_day_format(long day, char *out);

/* What one document is doing to the store, for the merging side. */
typedef struct dm_put dm_put;

struct dm_store_prepared {
    dm_store_doc doc;  /* borrowed */
    char hash[33];     /* hex XXH3-128 of the text */
    dm_line line;      /* the extract line, read */
};

/* Events and people of a document: one report stored with its participants,
 * evidence, merged event and people. story_date is the reporting story's
 * date (or the document's), NULL when unknown. */
dm_status dm_store_report(dm_store *s, dm_put *put, const dm_line_event *event, int seq, dm_error *err);

/* store_people.c: the person record for a named participant (found or new),
 * with the title held on seen recorded; and a person recomputed from the
 * participants left to them after a replacement. */
dm_status dm_store_person(dm_store *s, dm_put *put, const char *name, const char *country, const char *org,
                          const char *title, const char *role, const char *seen, int64_t *id, dm_error *err);
dm_status dm_store_refresh_person(dm_store *s, int64_t id, dm_error *err);
void dm_people_forget(dm_store *s);
void dm_people_free(dm_store *s);

/* After a replaced document's rows are gone: drop the merged events and
 * people nothing reports any more, recompute the others from what remains,
 * and link again the occurred events whose planned event went away. */
dm_status dm_store_cleanup(dm_store *s, dm_put *put, const dm_ids *events, const dm_ids *people,
                           const dm_ids *relink, dm_error *err);

struct dm_put {
    int64_t doc_id;
    const char *published;   /* the document's date, or NULL */
    const char **story_date; /* per story: its date, or the document's */
    size_t nstories;
    dm_ids own_events;       /* events this document's reports went to (a dm_idset) */
    dm_store_result *result;
    dm_buf scratch;          /* a report's evidence spans as JSON, reused */
};
#endif
