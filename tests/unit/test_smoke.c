/* The public API end to end: a document in, one JSON line out. */
#include "helpers.h"

static void extract_writes_one_json_line(void **state) {
    (void)state;
    dm_doc *doc = test_extract("Japanese Foreign Minister Taro Sato met with Indian External Affairs Minister "
                               "Ravi Kumar in Tokyo on Monday.\n", "2024-03-13");
    size_t n;
    const char *j = dm_doc_json(doc, &n);
    assert_true(n > 0);
    assert_int_equal(j[n - 1], '\n');
    assert_non_null(strstr(j, "\"kind\":\"meeting\""));
    assert_non_null(strstr(j, "\"date\":\"2024-03-11\""));
    assert_int_equal(dm_doc_event_count(doc), 1);
    dm_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(extract_writes_one_json_line)};
    test_helpers_used();
    return cmocka_run_group_tests_name("smoke", tests, NULL, NULL);
}
