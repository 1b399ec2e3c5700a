/* The input reader: files, .jsonl lines, directories, huge files in parts. */
#include "helpers.h"
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *content, size_t n) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, n, f), n);
    fclose(f);
}

static int make_dir(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dm-input-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Reads every item of paths, making documents; returns how many. */
static size_t read_all(char **paths, int n, dm_input_item *items, size_t max) {
    dm_input *in = dm_input_open(paths, n);
    size_t k = 0;
    while (k < max && dm_input_next(in, &items[k])) {
        dm_input_make(&items[k]);
        k++;
    }
    dm_input_close(in);
    return k;
}

static void free_items(dm_input_item *items, size_t n) {
    for (size_t k = 0; k < n; k++) {
        dm_doc_free(items[k].doc);
        dm_input_item_free(&items[k]);
    }
}

static void jsonl_lines_become_documents_named_by_id(void **state) {
    (void)state;
    const char *text = "{\"id\": \"a1\", \"date\": \"2024-01-02\", \"text\": \"One.\"}\n"
                       "\n"
                       "{\"id\": 7, \"text\": \"Two.\"}\n"
                       "{\"id\": \"bad\", \"text\": \n"
                       "{\"text\": \"Three.\"}";
    write_file("docs.jsonl", text, strlen(text));
    char path[256];
    snprintf(path, sizeof path, "%s/docs.jsonl", dir);
    char *paths[] = {path};
    dm_input_item it[8];
    size_t n = read_all(paths, 1, it, 8);
    assert_int_equal(n, 4); /* the blank line is skipped */
    assert_non_null(it[0].doc);
    assert_string_equal(it[0].doc->name, "a1");
    assert_int_equal(it[0].doc->given_date.y, 2024);
    assert_string_equal(it[1].doc->name, "7");
    assert_null(it[2].doc); /* broken JSON: reported by FILE:LINE */
    assert_int_equal(it[2].err.code, DM_ERR_JSON);
    assert_string_equal(it[2].name, "docs.jsonl:4");
    assert_string_equal(it[3].doc->name, "docs.jsonl:5"); /* no id: named by its line */
    free_items(it, n);
}

static void directories_are_read_in_name_order(void **state) {
    (void)state;
    write_file("b.txt", "Second.", 7);
    write_file("a.txt", "First.", 6);
    write_file("notes.md", "Ignored.", 8);
    char sub[128];
    snprintf(sub, sizeof sub, "%s", dir);
    char *paths[] = {sub};
    dm_input_item it[16];
    size_t n = read_all(paths, 1, it, 16);
    /* a.txt, b.txt, then docs.jsonl's documents; notes.md is not read */
    assert_true(n >= 2);
    assert_string_equal(it[0].name, "a.txt");
    assert_string_equal(it[1].name, "b.txt");
    for (size_t k = 0; k < n; k++) assert_null(strstr(it[k].name, "notes"));
    free_items(it, n);
}

static void a_missing_file_is_an_error_not_the_end(void **state) {
    (void)state;
    write_file("ok.txt", "Fine.", 5);
    char missing[256], ok[256];
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    snprintf(ok, sizeof ok, "%s/ok.txt", dir);
    char *paths[] = {missing, ok};
    dm_input_item it[4];
    size_t n = read_all(paths, 2, it, 4);
    assert_int_equal(n, 2);
    assert_null(it[0].doc);
    assert_int_equal(it[0].err.code, DM_ERR_IO);
    assert_non_null(it[1].doc);
    free_items(it, n);
}

static void a_huge_text_file_comes_in_parts_cut_at_paragraphs(void **state) {
    (void)state;
    size_t para = 1000, total = DM_PART_BYTES * 2 + 12345;
    char *big = malloc(total);
    assert_non_null(big);
    for (size_t k = 0; k < total; k++) big[k] = (k % para == para - 1 || k % para == para - 2) ? '\n' : 'a' + (char)(k % 7);
    write_file("big.txt", big, total);
    free(big);
    char path[256];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    char *paths[] = {path};
    dm_input_item it[8];
    size_t n = read_all(paths, 1, it, 8);
    assert_int_equal(n, 3);
    size_t covered = 0;
    for (size_t k = 0; k < n; k++) {
        assert_non_null(it[k].doc);
        assert_int_equal(it[k].part, (int)k);
        assert_int_equal(it[k].last, k == n - 1);
        assert_int_equal(it[k].base, covered); /* parts follow each other */
        covered += it[k].doc->len;
        if (k + 1 < n) assert_int_equal(it[k].doc->text[it[k].doc->len - 1], '\n'); /* cut after a line break */
    }
    assert_int_equal(covered, total);
    free_items(it, n);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_lines_become_documents_named_by_id),
        cmocka_unit_test(directories_are_read_in_name_order),
        cmocka_unit_test(a_missing_file_is_an_error_not_the_end),
        cmocka_unit_test(a_huge_text_file_comes_in_parts_cut_at_paragraphs),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("input", tests, make_dir, remove_dir);
}
