/* Word comparisons for the hot path: most candidate words differ in their
 * first byte, so that is compared before the rest. */
#ifndef DM_WORDS_H
#define DM_WORDS_H
#include <string.h>

/* For the small helpers the extractor calls at every token: inlined they cost a
 * compare or two, called they cost a dozen instructions more (the compiler
 * leaves them out of line in the large functions of events.c and facts.c). */
#if defined(__GNUC__)
#define DM_HOT_INLINE static inline __attribute__((always_inline))
#else
#define DM_HOT_INLINE static inline
#endif

/* The empty word that token helpers give outside a sentence: four NUL bytes, so
 * that GCC, inlining dm_eq, sees the second byte it reads after a first match. */
#define DM_NO_WORD "\0\0\0"

DM_HOT_INLINE int dm_eq(const char *a, const char *b) {
    if (a[0] != b[0]) return 0;
    if (!a[0]) return 1;
    if (a[1] != b[1]) return 0;
    return !a[1] || strcmp(a + 2, b + 2) == 0;
}

/* Does s end with suffix? */
static inline int dm_ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* Is w one of the NULL-terminated list? */
static inline int dm_word_in(const char *const *list, const char *w) {
    for (int i = 0; list[i]; i++)
        if (dm_eq(list[i], w)) return 1;
    return 0;
}
#endif
