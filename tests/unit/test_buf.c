/* The output buffer: appending bytes, strings, characters and formatted text,
 * and JSON string escaping. */
#include "helpers.h"
#include <limits.h>

/* dm_buf_json_str of a C string, compared with the expected literal. */
static void assert_json(const char *in, size_t n, const char *want) {
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_json_str(&b, in, n);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    assert_int_equal(b.data[b.len], 0);
    dm_buf_free(&b);
}

static void init_is_empty(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    dm_buf_free(&b);
}

static void put_puts_putc_append_and_terminate(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_put(&b, "abcdef", 3);
    assert_int_equal(b.len, 3);
    assert_string_equal(b.data, "abc");
    dm_buf_puts(&b, "-xyz");
    assert_string_equal(b.data, "abc-xyz");
    dm_buf_putc(&b, '!');
    assert_int_equal(b.len, 8);
    assert_string_equal(b.data, "abc-xyz!");
    dm_buf_put(&b, "", 0);
    assert_int_equal(b.len, 8);
    assert_true(b.cap > b.len);
    dm_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

static void put_keeps_embedded_nul(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_put(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b", 3);
    dm_buf_free(&b);
}

static void grows_over_many_appends(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    for (int k = 0; k < 10000; k++) dm_buf_putc(&b, (char)('a' + k % 26));
    assert_int_equal(b.len, 10000);
    assert_true(b.cap > 10000);
    for (int k = 0; k < 10000; k++) assert_int_equal(b.data[k], 'a' + k % 26);
    assert_int_equal(b.data[10000], 0);
    dm_buf_free(&b);
}

static void reserve_makes_room_without_changing_len(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_puts(&b, "xy");
    dm_buf_reserve(&b, 5000);
    assert_int_equal(b.len, 2);
    assert_true(b.cap >= 5003);
    assert_string_equal(b.data, "xy");
    dm_buf_free(&b);
}

static void printf_formats_and_appends(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_puts(&b, "[");
    dm_buf_printf(&b, "%s=%d;%.2f;%04d", "n", -42, 1.5, 7);
    dm_buf_printf(&b, "%zu", (size_t)123456789);
    dm_buf_putc(&b, ']');
    assert_string_equal(b.data, "[n=-42;1.50;0007123456789]");
    assert_int_equal(b.len, strlen("[n=-42;1.50;0007123456789]"));
    dm_buf_free(&b);
}

static void put_int_writes_decimal_of_any_sign(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    long long v[] = {0, 7, -7, 1234567890123LL, -905, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        if (i) dm_buf_putc(&b, ' ');
        dm_buf_put_int(&b, v[i]);
    }
    assert_string_equal(b.data, "0 7 -7 1234567890123 -905 9223372036854775807 -9223372036854775808");
    assert_int_equal(b.len, strlen(b.data));
    dm_buf_free(&b);
}

static void printf_longer_than_initial_capacity(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    char big[1000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = 0;
    dm_buf_printf(&b, "<%s>", big);
    assert_int_equal(b.len, 1001);
    assert_int_equal(b.data[0], '<');
    assert_int_equal(b.data[999], 'q');
    assert_int_equal(b.data[1000], '>');
    assert_int_equal(b.data[1001], 0);
    dm_buf_free(&b);
}

static void json_plain_text_is_quoted(void **state) {
    (void)state;
    assert_json("Astana", 6, "\"Astana\"");
    assert_json("", 0, "\"\"");
    /* only n bytes are used */
    assert_json("abcdef", 2, "\"ab\"");
}

static void json_escapes_quote_and_backslash(void **state) {
    (void)state;
    assert_json("say \"hi\"", 8, "\"say \\\"hi\\\"\"");
    assert_json("a\\b", 3, "\"a\\\\b\"");
    assert_json("\"", 1, "\"\\\"\"");
}

static void json_escapes_newline_tab_and_cr(void **state) {
    (void)state;
    assert_json("a\nb\tc", 5, "\"a\\nb\\tc\"");
    assert_json("x\r\n", 3, "\"x\\r\\n\"");
}

static void json_escapes_control_bytes_as_u00xx(void **state) {
    (void)state;
    assert_json("\x01", 1, "\"\\u0001\"");
    assert_json("a\x1f" "b", 3, "\"a\\u001fb\"");
    assert_json("\x0b\x0c\x08", 3, "\"\\u000b\\u000c\\u0008\"");
    assert_json("\0", 1, "\"\\u0000\"");
}

static void json_passes_utf8_through(void **state) {
    (void)state;
    const char *s = "T\xc3\xbcrkiye \xe2\x80\x9cquote\xe2\x80\x9d \xf0\x9f\x98\x80";
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_json_str(&b, s, strlen(s));
    assert_int_equal(b.len, strlen(s) + 2);
    assert_int_equal(b.data[0], '"');
    assert_memory_equal(b.data + 1, s, strlen(s));
    assert_int_equal(b.data[b.len - 1], '"');
    dm_buf_free(&b);
}

static void json_appends_after_existing_content(void **state) {
    (void)state;
    dm_buf b;
    dm_buf_init(&b);
    dm_buf_puts(&b, "{\"k\":");
    dm_buf_json_str(&b, "v\"1", 3);
    dm_buf_putc(&b, '}');
    assert_string_equal(b.data, "{\"k\":\"v\\\"1\"}");
    dm_buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_is_empty),
        cmocka_unit_test(put_puts_putc_append_and_terminate),
        cmocka_unit_test(put_keeps_embedded_nul),
        cmocka_unit_test(grows_over_many_appends),
        cmocka_unit_test(reserve_makes_room_without_changing_len),
        cmocka_unit_test(printf_formats_and_appends),
        cmocka_unit_test(printf_longer_than_initial_capacity),
        cmocka_unit_test(put_int_writes_decimal_of_any_sign),
        cmocka_unit_test(json_plain_text_is_quoted),
        cmocka_unit_test(json_escapes_quote_and_backslash),
        cmocka_unit_test(json_escapes_newline_tab_and_cr),
        cmocka_unit_test(json_escapes_control_bytes_as_u00xx),
        cmocka_unit_test(json_passes_utf8_through),
        cmocka_unit_test(json_appends_after_existing_content),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
