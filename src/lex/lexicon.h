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

/* A lexicon begins with these tables: for a bucket of first-word hashes, the types
 * (LXM bits) of the phrases that start with a word in it, and of the one-word
 * phrases; and a bit per bucket of word pairs that begin a longer phrase. Most
 * words start no phrase, and common ones that begin only longer phrases ("the",
 * "on", "joint") rarely have the right word after them: the inline test below
 * answers both without a call. */
#define DM_LEX_PAIR_BITS 19
typedef struct {
    uint8_t first_types[1 << 16];
    uint8_t single_types[1 << 16];
    uint64_t pairs[(1u << DM_LEX_PAIR_BITS) / 64];
} dm_lex_starts;

static inline size_t dm_lex_first_bucket(uint32_t word_hash) { return (word_hash * 0x9E3779B1u) >> 16; }
static inline size_t dm_lex_pair_bucket(uint32_t first_hash, uint32_t second_hash) {
    return ((first_hash * 0x9E3779B1u) ^ (second_hash * 0x85EBCA6Bu)) >> (32 - DM_LEX_PAIR_BITS);
}

int dm_lex_longest_probe(const dm_lexicon *lx, const dm_tokens *t, size_t i, size_t end, uint32_t type_mask,
                         dm_lex_hit *hit);

/* Longest phrase starting at token i (tokens before end) having an entry whose
 * type is in type_mask and whose case rule the text satisfies. */
static inline int dm_lex_longest(const dm_lexicon *lx, const dm_tokens *t, size_t i, size_t end, uint32_t type_mask,
                                 dm_lex_hit *hit) {
    hit->ntok = 0;
    hit->n = 0;
    if (i >= end) return 0;
    const dm_lex_starts *st = (const dm_lex_starts *)lx;
    size_t b = dm_lex_first_bucket(t->v[i].hash);
    if (!(st->first_types[b] & type_mask)) return 0;
    if (!(st->single_types[b] & type_mask)) { /* only a phrase of two words or more can start here */
        if (i + 1 >= end) return 0;
        size_t p = dm_lex_pair_bucket(t->v[i].hash, t->v[i + 1].hash);
        if (!(st->pairs[p / 64] >> (p % 64) & 1)) return 0;
    }
    return dm_lex_longest_probe(lx, t, i, end, type_mask, hit);
}
/* The first entry of the given type in a hit, or NULL. */
const dm_lex_entry *dm_lex_hit_get(const dm_lex_hit *hit, uint8_t type);
size_t dm_lex_size(const dm_lexicon *lx);
#endif
