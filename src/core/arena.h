/* A bump allocator: one per document, freed all at once. */
#ifndef DM_ARENA_H
#define DM_ARENA_H
#include <stddef.h>

typedef struct dm_arena_block dm_arena_block;
typedef struct {
    dm_arena_block *head;
    size_t block_size;
    size_t total; /* bytes obtained from malloc, for reporting */
} dm_arena;

void dm_arena_init(dm_arena *a, size_t block_size);
/* Zeroed memory aligned for any type; aborts with a message when out of memory. */
void *dm_arena_alloc(dm_arena *a, size_t size);
/* Grows an array allocated in the arena: returns a copy of old (old_n elems) with room for new_n;
 * the room beyond old_n is not cleared. */
void *dm_arena_grow(dm_arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
char *dm_arena_strndup(dm_arena *a, const char *s, size_t n);
void dm_arena_free(dm_arena *a);
/* Frees everything allocated so far but keeps the newest block for what comes next,
 * so a loop that uses the arena for a moment each time mallocs nothing. */
void dm_arena_reset(dm_arena *a);

/* Out of memory is not an error the program can recover from (as in cmark and jq). */
void *dm_xmalloc(size_t n);
void *dm_xrealloc(void *p, size_t n);
void dm_die_oom(void);

/* An arena-backed growable array of fixed-size elements. */
#define DM_VEC_PUSH(arena, arr, n, cap, value)                                             \
    do {                                                                                   \
        if ((n) == (cap)) {                                                                \
            size_t dm_nc_ = (cap) ? (cap)*2 : 8;                                           \
            (arr) = dm_arena_grow((arena), (arr), (n), dm_nc_, sizeof *(arr));             \
            (cap) = dm_nc_;                                                                \
        }                                                                                  \
        (arr)[(n)++] = (value);                                                            \
    } while (0)
#endif
