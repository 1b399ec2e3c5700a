#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dm_arena_block {
    dm_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

void dm_die_oom(void) {
    fputs("dragoman: out of memory\n", stderr);
    abort();
}

void *dm_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) dm_die_oom();
    return p;
}

void *dm_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) dm_die_oom();
    return q;
}

void dm_arena_init(dm_arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

/* Memory from the arena, not cleared: for copies that fill it at once. */
static void *alloc_raw(dm_arena *a, size_t size) {
    size = (size + 15) & ~(size_t)15;
    dm_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > a->block_size ? size : a->block_size;
        b = dm_xmalloc(sizeof *b + cap);
        b->size = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        a->total += cap;
        /* Later blocks grow so that a large document needs few mallocs. */
        if (a->block_size < (4u << 20)) a->block_size *= 2;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *dm_arena_alloc(dm_arena *a, size_t size) {
    void *p = alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}

void *dm_arena_grow(dm_arena *a, void *old, size_t old_n, size_t new_n, size_t elem) {
    /* the new tail is written by the caller before it is read */
    void *p = alloc_raw(a, new_n * elem);
    if (old && old_n) memcpy(p, old, old_n * elem);
    return p;
}

char *dm_arena_strndup(dm_arena *a, const char *s, size_t n) {
    char *p = alloc_raw(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void free_blocks(dm_arena_block *b) {
    while (b) {
        dm_arena_block *n = b->next;
        free(b);
        b = n;
    }
}

void dm_arena_free(dm_arena *a) {
    free_blocks(a->head);
    a->head = NULL;
    a->total = 0;
}

void dm_arena_reset(dm_arena *a) {
    dm_arena_block *keep = a->head;
    if (!keep) return;
    free_blocks(keep->next);
    keep->next = NULL;
    keep->used = 0;
    a->total = keep->size;
}
