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
    int main_actor;    /* the story's main actor, -1 */
} dm_mention_state;

/* What the lexicon finds in a sentence: states, adjectives, cities,
 * organizations and titles, and which tokens are known words. Made once per
 * sentence (dm_lex_sentence) and read by the mention finder and the story. */
typedef struct {
    dm_mention *v;
    size_t n, cap;
    uint8_t *known; /* per token of the sentence */
} dm_sentence_lex;

void dm_lex_sentence(const dm_ctx *ctx, dm_doc *doc, size_t sent, dm_sentence_lex *out);

/* Mentions of sentence sent; lex is its dm_lex_sentence result (or NULL to make it). */
void dm_find_mentions(const dm_ctx *ctx, dm_doc *doc, size_t sent, dm_mention_state *st, const dm_sentence_lex *lex,
                      dm_mentions *out);

/* The person index a mention refers to, or -1. */
static inline int dm_mention_person(const dm_mention *m) { return m->kind == MK_PERSON || m->kind == MK_PRONOUN ? m->id : -1; }
#endif
