/* Reading one extract JSON line (spec/extract-format.md, with the additive
 * "stories" and "story" fields of out/json.h) into what the knowledge base
 * stores: its stories, facts and events with their participants, topics and
 * evidence.
 *
 * The line is read with yajl's event callbacks into plain structs in one
 * arena, without building a JSON tree: it is the store's input for every
 * document, and a tree (jansson) made reading it cost more than extracting
 * the document. Keys the store does not use are skipped; a member of the
 * wrong type counts as absent. */
#ifndef DM_LINE_H
#define DM_LINE_H
#include "../core/arena.h"
#include "dragoman.h"
#include <stdint.h>

/* A number as written: none, a whole number or a real one. */
typedef struct {
    enum { DM_NUM_NONE, DM_NUM_INT, DM_NUM_REAL } kind;
    int64_t i;
    double d;
} dm_line_num;

/* A participant or signatory (strings NULL when absent). */
typedef struct {
    const char *kind, *name, *title, *role, *country, *org, *code;
} dm_line_party;

typedef struct {
    int64_t start, end;
} dm_line_span;

typedef struct {
    const char *kind, *status, *date, *date_end, *city, *country, *org, *title, *cameo;
    int64_t story; /* -1 when absent */
    const char **topics;
    size_t ntopics, cap_topics;
    dm_line_party *participants, *signatories;
    size_t nparticipants, cap_participants, nsignatories, cap_signatories;
    dm_line_span *evidence;
    size_t nevidence, cap_evidence;
} dm_line_event;

typedef struct {
    const char *metric, *party1, *party2, *unit, *qualifier, *part;
    dm_line_num value, year, since, change_pct;
    int nparties;
    int has_span; /* the first evidence span */
    dm_line_span span;
    int64_t story; /* -1 when absent */
} dm_line_fact;

typedef struct {
    int64_t start, end;
    const char *date;
} dm_line_story;

typedef struct {
    dm_arena arena; /* everything below lives in it */
    const char *published;
    dm_line_event *events;
    size_t nevents, cap_events;
    dm_line_fact *facts;
    size_t nfacts, cap_facts;
    dm_line_story *stories;
    size_t nstories, cap_stories;
} dm_line;

/* Reads the line into *out (free with dm_line_free, also after a failure).
 * Fails with DM_ERR_JSON, saying why, when it is not JSON, not an object
 * with an "events" array, has "facts" or "stories" that are not arrays, an
 * event without a "kind" and "status", or a fact without a "metric" and a
 * numeric "value". */
dm_status dm_line_read(const char *json, size_t len, dm_line *out, dm_error *err);
void dm_line_free(dm_line *line);
#endif
