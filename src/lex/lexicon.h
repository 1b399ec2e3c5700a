/* Phrases of folded tokens mapped to entries, found by longest match.
 * Phrases are tokenized with the document tokenizer, so "Nur-Sultan" and
 * "Secretary-General" match the same token sequences in text. */
#ifndef DM_LEXICON_H
#define DM_LEXICON_H
#include "../text/doc.h"

enum { LX_COUNTRY = 1, LX_CADJ, LX_CITY, LX_ORG, LX_TITLE, LX_TOPIC };
#define LXM(t) (1u << (t))

enum {
    LXF_CAP = 1, /* the first token in text must not start lowercase */
    LXF_ACRO = 2 /* every token in text must be uppercase (acronyms: US, UN) */
};

typedef struct {
    uint8_t type, flags;
    uint16_t id;
} dm_lex_entry;

typedef struct dm_lexicon dm_lexicon;

dm_lexicon *dm_lex_new(void);
void dm_lex_free(dm_lexicon *lx);
/* Adds phrase (case rule derived from how it is written) as an entry. */
void dm_lex_add(dm_lexicon *lx, const char *phrase, size_t len, uint8_t type, uint16_t id);

#define DM_LEX_MAX_HITS 8
typedef struct {
    size_t ntok; /* tokens matched, 0 when nothing matched */
    size_t n;    /* entries */
    dm_lex_entry e[DM_LEX_MAX_HITS];
} dm_lex_hit;

/* A lexicon begins with this table: for a bucket of first-word hashes, the types
 * (LXM bits) of the phrases that start with a word in it. Most words start no
 * phrase, and the inline test below answers that without a call. */
typedef struct {
    uint8_t first_types[1 << 16];
} dm_lex_starts;

static inline size_t dm_lex_first_bucket(uint32_t word_hash) { return (word_hash * 0x9E3779B1u) >> 16; }

int dm_lex_longest_probe(const dm_lexicon *lx, const dm_tokens *t, size_t i, size_t end, uint32_t type_mask,
                         dm_lex_hit *hit);

/* Longest phrase starting at token i (tokens before end) having an entry whose
 * type is in type_mask and whose case rule the text satisfies. */
static inline int dm_lex_longest(const dm_lexicon *lx, const dm_tokens *t, size_t i, size_t end, uint32_t type_mask,
                                 dm_lex_hit *hit) {
    hit->ntok = 0;
    hit->n = 0;
    if (i >= end || !(((const dm_lex_starts *)lx)->first_types[dm_lex_first_bucket(t->v[i].hash)] & type_mask))
        return 0;
    return dm_lex_longest_probe(lx, t, i, end, type_mask, hit);
}
/* The first entry of the given type in a hit, or NULL. */
const dm_lex_entry *dm_lex_hit_get(const dm_lex_hit *hit, uint8_t type);
size_t dm_lex_size(const dm_lexicon *lx);
#endif
