#include "wordclass.h"
#include "../core/arena.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The table dm_wordclass_of probes (wordclass.h): each slot's hash with the low bit set
 * (0: free) is probed first, 16 KB that stay in cache, where the slots themselves are
 * read only on a match. */
dm_wordclass_slot dm_wordclass_slots[DM_WORDCLASS_SLOTS];
uint32_t dm_wordclass_tags[DM_WORDCLASS_SLOTS];
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
        size_t s = h & (DM_WORDCLASS_SLOTS - 1);
        while (dm_wordclass_slots[s].word && strcmp(dm_wordclass_slots[s].word, words[k]) != 0) s = (s + 1) & (DM_WORDCLASS_SLOTS - 1);
        if (!dm_wordclass_slots[s].word) {
            if (used * 2 >= DM_WORDCLASS_SLOTS) {
                /* the lists are the program's own: more words than slots is a build error */
                abort();
            }
            dm_wordclass_slots[s].word = words[k];
            dm_wordclass_slots[s].hash = h;
            dm_wordclass_tags[s] = h | 1;
            dm_wordclass_slots[s].len = (uint32_t)n;
            used++;
        }
        dm_wordclass_slots[s].bits |= bits;
    }
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
