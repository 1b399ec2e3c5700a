/* The document as the pipeline sees it: text, tokens, sentences, stories and
 * what extraction found. Everything lives in the document's arena. */
#ifndef DM_DOC_H
#define DM_DOC_H
#include "dragoman.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include <stdint.h>
#include <string.h>

/* A calendar date of known precision: y only, y-m, or y-m-d (0 = unknown part). */
typedef struct {
    int16_t y;
    int8_t m, d;
} dm_date;

/* A date or a span of dates; to.y == 0 for a single date. */
typedef struct {
    dm_date from, to;
} dm_dspan;

enum { TK_WORD = 1, TK_NUM, TK_PUNCT };
enum {
    TF_CAP = 1,    /* starts with an uppercase letter */
    TF_UPPER = 2,  /* all letters uppercase (at least one letter) */
    TF_SPACE = 4,  /* white space before it */
    TF_NL = 8,     /* a line break before it */
    TF_PARA = 16,  /* a blank line before it */
    TF_LOWER = 32, /* starts with a lowercase letter */
    TF_DOTTED = 64 /* a dotted abbreviation such as U.S. */
};

typedef struct {
    uint32_t start, end; /* bytes in doc->text */
    uint32_t fold;       /* offset of the folded form in doc->fold */
    uint16_t flen;
    uint8_t kind, flags;
    uint32_t hash; /* of the folded form */
    uint32_t wc;   /* word class bits (text/wordclass.h) */
} dm_tok;

typedef struct {
    uint32_t t0, t1; /* token range */
    uint32_t story;
    uint8_t headline; /* a line without final punctuation: a title */
} dm_sent;

typedef struct {
    uint32_t start, end; /* bytes */
    uint32_t s0, s1;     /* sentence range */
    dm_date date;        /* the story's own date, y == 0 when unknown */
    int dateline_city;   /* city index or -1 */
    int dateline_country;
    uint32_t dateline_t0, dateline_t1; /* tokens of "CITY, 16 May 2024" (t0 == t1: none), not an event's date */
    uint8_t dateline_elsewhere; /* the dateline names a place of dateline_country the lexicon does not know: */
    const char *dateline_place; /* its name ("Leticia"), in the document's arena */
} dm_story;

typedef struct dm_tokens {
    dm_tok *v;
    size_t n, cap;
    char *fold; /* folded forms, each NUL-terminated */
    size_t fold_len, fold_cap;
} dm_tokens;

struct dm_extraction; /* extract/model.h */

struct dm_doc {
    dm_arena arena;
    char *name;
    char *text;
    size_t len;
    dm_date given_date; /* from the caller (.jsonl "date") */
    const char *title, *url, *source; /* .jsonl "title", "url", "source" (in the arena), or NULL */
    dm_date published;
    dm_tokens toks;
    dm_sent *sents;
    size_t nsents, sents_cap;
    dm_story *stories;
    size_t nstories, stories_cap;
    struct dm_extraction *x;
    dm_buf json;
};

/* Folded text of token i. */
static inline const char *dm_tok_fold(const dm_tokens *t, size_t i) { return t->fold + t->v[i].fold; }
/* Does token i fold to exactly word (a lowercase ASCII literal)? Inline: most
 * tokens differ in the first byte. */
static inline int dm_tok_is(const dm_tokens *t, size_t i, const char *word) {
    if (i >= t->n) return 0;
    const char *f = dm_tok_fold(t, i);
    return f[0] == word[0] && strcmp(f, word) == 0;
}
#endif
