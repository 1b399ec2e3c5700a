/* The bump allocator: zeroed, aligned memory; grow; strndup; large blocks; DM_VEC_PUSH. */
#include "helpers.h"

static int all_zero(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i]) return 0;
    return 1;
}

static void alloc_returns_zeroed_memory(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 256);
    /* dirty a block, then reuse the arena: later allocations are still zeroed */
    for (int round = 0; round < 20; round++) {
        unsigned char *p = dm_arena_alloc(&a, 40);
        assert_non_null(p);
        assert_true(all_zero(p, 40));
        memset(p, 0xAB, 40);
    }
    dm_arena_free(&a);
}

static void alloc_zeroes_reused_malloc_memory(void **state) {
    (void)state;
    /* blocks freed dirty and obtained again from malloc are zeroed too */
    for (int round = 0; round < 4; round++) {
        dm_arena a;
        dm_arena_init(&a, 2048);
        unsigned char *p = dm_arena_alloc(&a, 1500);
        assert_true(all_zero(p, 1500));
        unsigned char *q = dm_arena_alloc(&a, 300);
        assert_true(all_zero(q, 300));
        memset(p, 0xCD, 1500);
        memset(q, 0xEF, 300);
        dm_arena_free(&a);
    }
}

static void alloc_aligns_to_16(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 128);
    static const size_t sizes[] = {1, 3, 7, 15, 16, 17, 31, 33, 100, 5, 250, 1};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        void *p = dm_arena_alloc(&a, sizes[k]);
        assert_int_equal((uintptr_t)p % 16, 0);
    }
    dm_arena_free(&a);
}

static void allocations_do_not_overlap(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 64);
    unsigned char *p[50];
    for (int k = 0; k < 50; k++) {
        p[k] = dm_arena_alloc(&a, 10 + (size_t)k);
        memset(p[k], k + 1, 10 + (size_t)k);
    }
    for (int k = 0; k < 50; k++)
        for (size_t i = 0; i < 10 + (size_t)k; i++) assert_int_equal(p[k][i], k + 1);
    dm_arena_free(&a);
}

static void total_counts_malloced_bytes(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 1024);
    assert_int_equal(a.total, 0);
    dm_arena_alloc(&a, 10);
    assert_true(a.total >= 1024);
    dm_arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.total, 0);
}

static void zero_block_size_gets_a_default(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 0);
    assert_true(a.block_size > 0);
    char *p = dm_arena_alloc(&a, 100);
    assert_non_null(p);
    assert_true(all_zero((unsigned char *)p, 100));
    dm_arena_free(&a);
}

static void large_allocation_bigger_than_a_block(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 64);
    unsigned char *small = dm_arena_alloc(&a, 8);
    memset(small, 0x11, 8);
    size_t big_n = 100000;
    unsigned char *big = dm_arena_alloc(&a, big_n);
    assert_non_null(big);
    assert_int_equal((uintptr_t)big % 16, 0);
    assert_true(all_zero(big, big_n));
    memset(big, 0x5A, big_n); /* the whole of it is usable (valgrind would see an overrun) */
    assert_true(a.total >= big_n);
    unsigned char *after = dm_arena_alloc(&a, 32);
    assert_true(all_zero(after, 32));
    memset(after, 0x22, 32);
    for (size_t i = 0; i < 8; i++) assert_int_equal(small[i], 0x11);
    assert_int_equal(big[0], 0x5A);
    assert_int_equal(big[big_n - 1], 0x5A);
    dm_arena_free(&a);
}

/* The room beyond old_n is not cleared (arena.h): only the copy is checked. */
static void grow_copies_old_elements(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 256);
    int *v = dm_arena_alloc(&a, 4 * sizeof *v);
    for (int k = 0; k < 4; k++) v[k] = 100 + k;
    int *w = dm_arena_grow(&a, v, 4, 64, sizeof *w);
    assert_non_null(w);
    assert_ptr_not_equal(w, v);
    assert_int_equal((uintptr_t)w % 16, 0);
    for (int k = 0; k < 4; k++) assert_int_equal(w[k], 100 + k);
    /* the new room is writable without disturbing the copy */
    for (int k = 4; k < 64; k++) w[k] = -k;
    for (int k = 0; k < 4; k++) assert_int_equal(w[k], 100 + k);
    for (int k = 4; k < 64; k++) assert_int_equal(w[k], -k);
    /* the old array is untouched */
    for (int k = 0; k < 4; k++) assert_int_equal(v[k], 100 + k);
    dm_arena_free(&a);
}

static void grow_from_null(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 256);
    double *d = dm_arena_grow(&a, NULL, 0, 10, sizeof *d);
    assert_non_null(d);
    assert_int_equal((uintptr_t)d % 16, 0);
    for (int k = 0; k < 10; k++) d[k] = k * 1.5;
    /* a later allocation does not overlap it */
    double *e = dm_arena_alloc(&a, 10 * sizeof *e);
    assert_true(all_zero((unsigned char *)e, 10 * sizeof *e));
    for (int k = 0; k < 10; k++) assert_true(d[k] == k * 1.5);
    dm_arena_free(&a);
}

static void strndup_copies_n_bytes_and_terminates(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 256);
    const char *src = "Kazakhstan and Uzbekistan";
    char *s = dm_arena_strndup(&a, src, 10);
    assert_string_equal(s, "Kazakhstan");
    assert_ptr_not_equal(s, src);
    char *e = dm_arena_strndup(&a, src, 0);
    assert_string_equal(e, "");
    /* embedded bytes are copied as they are, UTF-8 included */
    char *u = dm_arena_strndup(&a, "T\xc3\xbcrkiye!", 8);
    assert_string_equal(u, "T\xc3\xbcrkiye");
    dm_arena_free(&a);
}

typedef struct {
    int a;
    double b;
} pair;

static void vec_push_grows_and_keeps_elements(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 128);
    pair *v = NULL;
    size_t n = 0, cap = 0;
    DM_VEC_PUSH(&a, v, n, cap, ((pair){1, 0.5}));
    assert_int_equal(n, 1);
    assert_int_equal(cap, 8);
    for (int k = 2; k <= 8; k++) DM_VEC_PUSH(&a, v, n, cap, ((pair){k, k * 0.5}));
    assert_int_equal(n, 8);
    assert_int_equal(cap, 8);
    DM_VEC_PUSH(&a, v, n, cap, ((pair){9, 4.5}));
    assert_int_equal(n, 9);
    assert_int_equal(cap, 16);
    for (int k = 10; k <= 1000; k++) DM_VEC_PUSH(&a, v, n, cap, ((pair){k, k * 0.5}));
    assert_int_equal(n, 1000);
    assert_int_equal(cap, 1024);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(v[k].a, (int)k + 1);
        assert_true(v[k].b == (double)(k + 1) * 0.5);
    }
    dm_arena_free(&a);
}

/* reset keeps one block: what follows is zeroed, fits where the old allocations were, and
 * the count of malloced bytes is that block's */
static void reset_keeps_the_newest_block(void **state) {
    (void)state;
    dm_arena a;
    dm_arena_init(&a, 256);
    for (int i = 0; i < 40; i++) memset(dm_arena_alloc(&a, 64), 0xCD, 64);
    assert_true(a.total > 256);
    dm_arena_reset(&a);
    size_t kept = a.total;
    assert_true(kept >= 64);
    unsigned char *p = dm_arena_alloc(&a, 64);
    assert_true(all_zero(p, 64));
    assert_int_equal(a.total, kept); /* no new malloc */
    dm_arena_reset(&a);
    dm_arena_reset(&a); /* twice is fine */
    dm_arena_free(&a);
    dm_arena b;
    dm_arena_init(&b, 0);
    dm_arena_reset(&b); /* an arena that never allocated */
    dm_arena_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alloc_returns_zeroed_memory),
        cmocka_unit_test(alloc_zeroes_reused_malloc_memory),
        cmocka_unit_test(alloc_aligns_to_16),
        cmocka_unit_test(allocations_do_not_overlap),
        cmocka_unit_test(total_counts_malloced_bytes),
        cmocka_unit_test(zero_block_size_gets_a_default),
        cmocka_unit_test(large_allocation_bigger_than_a_block),
        cmocka_unit_test(grow_copies_old_elements),
        cmocka_unit_test(grow_from_null),
        cmocka_unit_test(strndup_copies_n_bytes_and_terminates),
        cmocka_unit_test(vec_push_grows_and_keeps_elements),
        cmocka_unit_test(reset_keeps_the_newest_block),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
