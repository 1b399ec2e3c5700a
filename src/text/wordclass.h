/* Word classes: each token is looked up once, when it is made, in a table of
 * the closed word lists the extractor asks about (words that are never names,
 * words of institutions, trigger words, words that open a date), so the hot
 * loops test a bit instead of comparing strings. */
#ifndef DM_WORDCLASS_H
#define DM_WORDCLASS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
    WC_NOT_NAME = 1u << 0,    /* capitalized, but never part of a person's name */
    WC_INSTITUTION = 1u << 1, /* words of institutions and portfolios */
    WC_PARLIAMENT = 1u << 2,  /* chambers and committees */
    WC_PARTICLE = 1u << 3,    /* bin, al, de, van: inside names */
    WC_TRIGGER = 1u << 4,     /* may start an event trigger */
    WC_DATE = 1u << 5,        /* may open a date expression */
    WC_MONTH = 1u << 6,       /* a month's name */
    WC_WEEKDAY = 1u << 7,     /* a weekday's name */
    WC_FOCUS = 1u << 8,       /* verbs that go on with the event in focus ("took place", "headed by") */
    WC_FUTURE = 1u << 9,      /* words before an event that make it planned ("will", "invited") */
    /* the kinds of trigger words (extract/events.c), so a trigger is told without its lists */
    WC_MEET_VERB = 1u << 10,
    WC_MEET_NOUN = 1u << 11,
    WC_MULTI_NOUN = 1u << 12,
    WC_VISIT = 1u << 13,
    WC_SIGN = 1u << 14,
    WC_DOC_NOUN = 1u << 15,         /* what is adopted or signed: "statement", "agreement" */
    WC_NOT_EVENT_BEFORE = 1u << 16, /* before a trigger, makes it a mere reference ("participation in") */
    WC_ASIDE = 1u << 17,            /* "sidelines", "margins": "on the sidelines of" an event */
};

/* Registers a NULL-terminated list under the given class bits. Called by the
 * modules' init functions before any document is read (dm_ctx_new). */
void dm_wordclass_add(const char *const *words, uint32_t bits);
/* Builds the table once; safe to call more than once. */
void dm_wordclass_init(void);
typedef struct {
    const char *word;
    uint32_t hash, bits;
    uint32_t len;
} dm_wordclass_slot;

#define DM_WORDCLASS_SLOTS 4096 /* a power of two, well above the words registered */
extern dm_wordclass_slot dm_wordclass_slots[DM_WORDCLASS_SLOTS];
extern uint32_t dm_wordclass_tags[DM_WORDCLASS_SLOTS];

/* a == b for n bytes; the registered words are short, and a comparison of a
 * known size needs no call */
static inline int dm_wordclass_eq(const char *a, const char *b, size_t n) {
    switch (n) {
    case 1: return a[0] == b[0];
    case 2: return memcmp(a, b, 2) == 0;
    case 3: return memcmp(a, b, 3) == 0;
    case 4: return memcmp(a, b, 4) == 0;
    case 5: return memcmp(a, b, 5) == 0;
    case 6: return memcmp(a, b, 6) == 0;
    case 7: return memcmp(a, b, 7) == 0;
    case 8: return memcmp(a, b, 8) == 0;
    default: return memcmp(a, b, n) == 0;
    }
}

/* The class bits of a folded word of n bytes with FNV-1a hash h. Inline: the
 * tokenizer asks for every word. */
static inline uint32_t dm_wordclass_of(const char *fold, size_t n, uint32_t h) {
    for (size_t s = h & (DM_WORDCLASS_SLOTS - 1); dm_wordclass_tags[s]; s = (s + 1) & (DM_WORDCLASS_SLOTS - 1))
        if (dm_wordclass_tags[s] == (h | 1) && dm_wordclass_slots[s].hash == h && dm_wordclass_slots[s].len == n &&
            dm_wordclass_eq(dm_wordclass_slots[s].word, fold, n))
            return dm_wordclass_slots[s].bits;
    return 0;
}
#endif
