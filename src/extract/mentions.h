/* Mentions in a sentence: states, adjectives, cities, organizations, titles,
 * people (named after or before a title, known from earlier in the story, or
 * referred to by title alone or by a pronoun). People are added to or merged
 * into the document's person table. */
#ifndef DM_MENTIONS_H
#define DM_MENTIONS_H
#include "model.h"

typedef struct {
    dm_mention *v;
    size_t n, cap;
} dm_mentions;

/* What the mention finder needs to know about the story so far. */
typedef struct {
    uint32_t story;
    int home_country;  /* the story's own state, -1 unknown */
    int last_person;   /* most recent person (for pronouns), -1 */
    int last_subject;  /* most recent sentence subject, -1 */
} dm_mention_state;

void dm_find_mentions(const dm_ctx *ctx, dm_doc *doc, size_t sent, dm_mention_state *st, dm_mentions *out);

/* Gazetteer mentions only (states, adjectives, cities, organizations), for a pre-scan. */
void dm_find_places(const dm_ctx *ctx, const dm_doc *doc, size_t t0, size_t t1, dm_mentions *out, dm_arena *a);

/* The person index a mention refers to, or -1. */
static inline int dm_mention_person(const dm_mention *m) { return m->kind == MK_PERSON || m->kind == MK_PRONOUN ? m->id : -1; }
#endif
