/* Word classes: each token is looked up once, when it is made, in a table of
 * the closed word lists the extractor asks about (words that are never names,
 * words of institutions, trigger words, words that open a date), so the hot
 * loops test a bit instead of comparing strings. */
#ifndef DM_WORDCLASS_H
#define DM_WORDCLASS_H
#include <stddef.h>
#include <stdint.h>

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
};

/* Registers a NULL-terminated list under the given class bits. Called by the
 * modules' init functions before any document is read (dm_ctx_new). */
void dm_wordclass_add(const char *const *words, uint32_t bits);
/* Builds the table once; safe to call more than once. */
void dm_wordclass_init(void);
/* The class bits of a folded word of n bytes with FNV-1a hash h. */
uint32_t dm_wordclass_of(const char *fold, size_t n, uint32_t h);
#endif
