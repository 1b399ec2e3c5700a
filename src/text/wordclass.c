#include "wordclass.h"
#include "../core/arena.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *word;
    uint32_t hash, bits;
    uint32_t len;
} slot;

#define NSLOTS 4096 /* a power of two, well above the words registered */
static slot table[NSLOTS];
/* Each slot's hash with the low bit set (0: free), probed first: 16 KB that stay
 * in cache, where the slots themselves are read only on a match. */
static uint32_t tags[NSLOTS];
static size_t used;

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

void dm_wordclass_add(const char *const *words, uint32_t bits) {
    for (size_t k = 0; words[k]; k++) {
        size_t n = strlen(words[k]);
        uint32_t h = fnv1a(words[k], n);
        size_t s = h & (NSLOTS - 1);
        while (table[s].word && strcmp(table[s].word, words[k]) != 0) s = (s + 1) & (NSLOTS - 1);
        if (!table[s].word) {
            if (used * 2 >= NSLOTS) {
                /* the lists are the program's own: more words than slots is a build error */
                abort();
            }
            table[s].word = words[k];
            table[s].hash = h;
            tags[s] = h | 1;
            table[s].len = (uint32_t)n;
            used++;
        }
        table[s].bits |= bits;
    }
}

uint32_t dm_wordclass_of(const char *fold, size_t n, uint32_t h) {
    for (size_t s = h & (NSLOTS - 1); tags[s]; s = (s + 1) & (NSLOTS - 1))
        if (tags[s] == (h | 1) && table[s].hash == h && table[s].len == n && memcmp(table[s].word, fold, n) == 0)
            return table[s].bits;
    return 0;
}

/* The lists live with the modules that use them; they register here. */
void dm_mentions_register_words(void);
void dm_events_register_words(void);
void dm_dates_register_words(void);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void build(void) {
    dm_mentions_register_words();
    dm_events_register_words();
    dm_dates_register_words();
}

void dm_wordclass_init(void) { pthread_once(&once, build); }
