/* UTF-8 validation (error codes and positions), decoding, folding and the
 * code point classes. */
#include "helpers.h"

/* Validates n bytes with the given line limit; returns the status and fills *err. */
static dm_status validate(const char *s, size_t n, size_t max_line, dm_error *err) {
    memset(err, 0, sizeof *err);
    err->pos = (size_t)-1;
    return dm_utf8_validate(s, n, max_line, err);
}

/* Asserts that s (n bytes) fails with code at byte pos and a message. */
static void assert_rejected(const char *s, size_t n, size_t max_line, dm_status code, size_t pos) {
    dm_error err;
    assert_int_equal(validate(s, n, max_line, &err), code);
    assert_int_equal(err.code, code);
    assert_int_equal(err.pos, pos);
    assert_true(strlen(err.msg) > 0);
}

static void accepts_ascii_and_multibyte_text(void **state) {
    (void)state;
    const char *s = "T\xc3\xbcrkiye \xe2\x80\x93 \xd2\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd "
                    "\xe4\xb8\xad\xe5\x9b\xbd \xf0\x9f\x98\x80 U+10FFFF:\xf4\x8f\xbf\xbf\r\n\tnext line\n";
    dm_error err;
    assert_int_equal(validate(s, strlen(s), DM_MAX_LINE, &err), DM_OK);
}

static void accepts_a_few_control_bytes(void **state) {
    (void)state;
    /* form feeds, vertical tabs and a stray escape in ordinary text are not binary */
    const char *s = "Page one\fPage two\vand an \x1b escape and a \x07 bell in a line of ordinary news text.\n";
    dm_error err;
    assert_int_equal(validate(s, strlen(s), DM_MAX_LINE, &err), DM_OK);
}

static void rejects_nul_byte_as_binary(void **state) {
    (void)state;
    assert_rejected("abc\0def", 7, DM_MAX_LINE, DM_ERR_BINARY, 3);
    assert_rejected("\0", 1, DM_MAX_LINE, DM_ERR_BINARY, 0);
}

static void rejects_many_control_bytes_as_binary(void **state) {
    (void)state;
    char s[100];
    for (size_t i = 0; i < sizeof s; i++) s[i] = (char)(i % 3 ? 'a' : 0x01);
    dm_error err;
    assert_int_equal(validate(s, sizeof s, DM_MAX_LINE, &err), DM_ERR_BINARY);
    assert_int_equal(err.code, DM_ERR_BINARY);
    assert_true(strlen(err.msg) > 0);
}

static void rejects_invalid_lead_byte(void **state) {
    (void)state;
    /* a continuation byte where a character should start */
    assert_rejected("ab\x80" "cd", 5, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("\xc3\xa9\xbf", 3, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("x\xff", 2, DM_MAX_LINE, DM_ERR_UTF8, 1);
    assert_rejected("xyz\xf8\x88\x80\x80\x80", 8, DM_MAX_LINE, DM_ERR_UTF8, 3);
}

static void rejects_truncated_sequence(void **state) {
    (void)state;
    /* cut off by the end of the text */
    assert_rejected("ab\xe2\x80", 4, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("\xf0\x9f\x98", 3, DM_MAX_LINE, DM_ERR_UTF8, 0);
    /* only n bytes count, even when the sequence would go on after them */
    assert_rejected("ab\xe2\x80\x99", 4, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("\xc3\xa9", 1, DM_MAX_LINE, DM_ERR_UTF8, 0);
    /* cut off by an ASCII byte */
    assert_rejected("ab\xe2\x80zz", 6, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("T\xc3 rkiye", 8, DM_MAX_LINE, DM_ERR_UTF8, 1);
}

static void rejects_overlong_encoding(void **state) {
    (void)state;
    assert_rejected("ab\xc0\x80", 4, DM_MAX_LINE, DM_ERR_UTF8, 2);
    assert_rejected("\xc1\xbf", 2, DM_MAX_LINE, DM_ERR_UTF8, 0);
    assert_rejected("a\xe0\x80\xaf", 4, DM_MAX_LINE, DM_ERR_UTF8, 1);
    assert_rejected("a\xf0\x80\x80\xaf", 5, DM_MAX_LINE, DM_ERR_UTF8, 1);
}

static void rejects_surrogates(void **state) {
    (void)state;
    assert_rejected("abc\xed\xa0\x80", 6, DM_MAX_LINE, DM_ERR_UTF8, 3);
    assert_rejected("\xed\xbf\xbf", 3, DM_MAX_LINE, DM_ERR_UTF8, 0);
    /* U+D7FF just below the surrogates is fine */
    dm_error err;
    assert_int_equal(validate("\xed\x9f\xbf", 3, DM_MAX_LINE, &err), DM_OK);
}

static void rejects_code_points_over_10ffff(void **state) {
    (void)state;
    assert_rejected("ok \xf4\x90\x80\x80", 7, DM_MAX_LINE, DM_ERR_UTF8, 3);
    assert_rejected("\xf7\xbf\xbf\xbf", 4, DM_MAX_LINE, DM_ERR_UTF8, 0);
}

static void rejects_line_longer_than_max_line(void **state) {
    (void)state;
    /* the second line (12 bytes) is over a limit of 10; pos is where it starts */
    const char *s = "short\n0123456789AB\nend\n";
    assert_rejected(s, strlen(s), 10, DM_ERR_TOO_LONG, 6);
    /* also when the long line is the last one, without a newline */
    const char *t = "ab\ncd\n0123456789ABC";
    assert_rejected(t, strlen(t), 10, DM_ERR_TOO_LONG, 6);
    /* a line of exactly max_line bytes is allowed */
    dm_error err;
    assert_int_equal(validate("0123456789\n0123456789", 21, 10, &err), DM_OK);
}

static void first_problem_is_reported(void **state) {
    (void)state;
    /* a bad byte before a NUL: the bad byte is reported */
    assert_rejected("a\xff" "b\0", 4, DM_MAX_LINE, DM_ERR_UTF8, 1);
    assert_rejected("a\0b\xff", 4, DM_MAX_LINE, DM_ERR_BINARY, 1);
}

/* Long ASCII runs are checked eight bytes at a time: a problem at any
 * position of a block, and a line break inside one, must still be seen. */
static void problems_inside_long_ascii_runs(void **state) {
    (void)state;
    char buf[64];
    for (size_t at = 0; at < 40; at++) {
        memset(buf, 'a', sizeof buf);
        buf[at] = 0;
        assert_rejected(buf, sizeof buf, 1000, DM_ERR_BINARY, at);
        memset(buf, 'a', sizeof buf);
        buf[at] = (char)0xFF;
        assert_rejected(buf, sizeof buf, 1000, DM_ERR_UTF8, at);
    }
    /* a line break at byte 20 ends a 20-byte line; the next line is 43 bytes */
    memset(buf, 'a', sizeof buf);
    buf[20] = '\n';
    dm_error err;
    assert_int_equal(dm_utf8_validate(buf, sizeof buf, 43, &err), DM_OK);
    assert_rejected(buf, sizeof buf, 42, DM_ERR_TOO_LONG, 21);
    /* DEL (0x7f) is ordinary text, as before */
    memset(buf, 'a', sizeof buf);
    buf[9] = 0x7f;
    assert_int_equal(dm_utf8_validate(buf, sizeof buf, 1000, &err), DM_OK);
}

static void next_decodes_and_advances(void **state) {
    (void)state;
    const char *s = "a\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80";
    size_t n = strlen(s), i = 0;
    assert_int_equal(dm_utf8_next(s, n, &i), 'a');
    assert_int_equal(i, 1);
    assert_int_equal(dm_utf8_next(s, n, &i), 0xE9);
    assert_int_equal(i, 3);
    assert_int_equal(dm_utf8_next(s, n, &i), 0x2019);
    assert_int_equal(i, 6);
    assert_int_equal(dm_utf8_next(s, n, &i), 0x1F600);
    assert_int_equal(i, 10);
}

/* The fold of a C string as a static NUL-terminated string. */
static const char *fold(const char *s) {
    static char out[256];
    size_t n = dm_fold(s, strlen(s), out, sizeof out - 1);
    out[n] = 0;
    return out;
}

static void fold_lowercases(void **state) {
    (void)state;
    assert_string_equal(fold("KAZAKHSTAN"), "kazakhstan");
    assert_string_equal(fold("Foreign Minister"), "foreign minister");
    assert_string_equal(fold("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90"), /* МОСКВА */
                        "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");     /* москва */
    assert_string_equal(fold("abc 123 ,.-"), "abc 123 ,.-");
}

static void fold_strips_accents(void **state) {
    (void)state;
    assert_string_equal(fold("\xc3\xa9"), "e");                      /* é */
    assert_string_equal(fold("\xc3\xbc"), "u");                      /* ü */
    assert_string_equal(fold("T\xc3\xbcrkiye"), "turkiye");          /* Türkiye */
    assert_string_equal(fold("\xc3\x89lys\xc3\xa9" "e"), "elysee");  /* Élysée */
    assert_string_equal(fold("\xc5\x9e" "ahin"), "sahin");           /* Şahin */
    assert_string_equal(fold("S\xc3\xa3o Tom\xc3\xa9"), "sao tome"); /* São Tomé */
    assert_string_equal(fold("Bak\xc4\xb1"), "baki");                /* Bakı */
}

static void fold_maps_typographic_apostrophes(void **state) {
    (void)state;
    assert_string_equal(fold("Nu\xe2\x80\x99" "amani"), "nu'amani");    /* ’ */
    assert_string_equal(fold("\xe2\x80\x98x"), "'x");                   /* ‘ */
    assert_string_equal(fold("O\xca\xbcz"), "o'z");                     /* ʼ U+02BC */
    assert_string_equal(fold("People\xe2\x80\x99s"), "people's");
}

static void fold_maps_dotless_i(void **state) {
    (void)state;
    assert_string_equal(fold("\xc4\xb1"), "i");
    assert_string_equal(fold("Diyarbak\xc4\xb1r"), "diyarbakir");
}

static void fold_truncates_at_cap(void **state) {
    (void)state;
    char out[8];
    memset(out, 'Z', sizeof out);
    size_t n = dm_fold("ABCDEFGHIJ", 10, out, 4);
    assert_int_equal(n, 4);
    assert_memory_equal(out, "abcd", 4);
    assert_int_equal(out[4], 'Z'); /* nothing written past cap */
    /* a multi-byte result that does not fit is not cut in half */
    memset(out, 'Z', sizeof out);
    n = dm_fold("a\xd0\x96", 3, out, 2); /* aЖ -> aж needs 3 bytes */
    assert_int_equal(n, 1);
    assert_int_equal(out[0], 'a');
}

static void code_point_classes(void **state) {
    (void)state;
    assert_true(dm_cp_is_letter('a'));
    assert_true(dm_cp_is_letter('Z'));
    assert_true(dm_cp_is_letter(0xE9));   /* é */
    assert_true(dm_cp_is_letter(0x416));  /* Ж */
    assert_true(dm_cp_is_letter(0x4E2D)); /* 中 */
    assert_false(dm_cp_is_letter('1'));
    assert_false(dm_cp_is_letter('-'));
    assert_false(dm_cp_is_letter(0x2019));
    assert_false(dm_cp_is_letter(0x301));

    assert_true(dm_cp_is_upper('A'));
    assert_true(dm_cp_is_upper(0x416)); /* Ж */
    assert_true(dm_cp_is_upper(0xDC));  /* Ü */
    assert_false(dm_cp_is_upper('a'));
    assert_false(dm_cp_is_upper(0x436)); /* ж */
    assert_false(dm_cp_is_upper(0x4E2D));

    assert_true(dm_cp_is_lower('z'));
    assert_true(dm_cp_is_lower(0x436));
    assert_true(dm_cp_is_lower(0x131)); /* ı */
    assert_false(dm_cp_is_lower('Q'));
    assert_false(dm_cp_is_lower(0x4E2D)); /* no case */

    assert_true(dm_cp_is_mark(0x301)); /* combining acute */
    assert_true(dm_cp_is_mark(0x308));
    assert_false(dm_cp_is_mark('a'));
    assert_false(dm_cp_is_mark(0xE9));

    assert_true(dm_cp_is_space(' '));
    assert_true(dm_cp_is_space('\t'));
    assert_true(dm_cp_is_space('\n'));
    assert_true(dm_cp_is_space('\r'));
    assert_true(dm_cp_is_space(0xA0));   /* no-break space */
    assert_true(dm_cp_is_space(0x2003)); /* em space */
    assert_true(dm_cp_is_space(0x2028)); /* line separator */
    assert_true(dm_cp_is_space(0xFEFF));
    assert_false(dm_cp_is_space('x'));
    assert_false(dm_cp_is_space('_'));
    assert_false(dm_cp_is_space(0x2019));
}


/* A place written in capitals, as a name: "PUERTO IGUAZÚ" is "Puerto Iguazú"; a short buffer truncates. */
static void titlecase_words(void **state) {
    (void)state;
    char out[64];
    const char *in = "PUERTO IGUAZ\xc3\x9a";
    assert_int_equal(dm_titlecase(in, strlen(in), out, sizeof out), strlen("Puerto Iguaz\xc3\xba"));
    assert_string_equal(out, "Puerto Iguaz\xc3\xba");
    dm_titlecase("SAINT-DENIS", 11, out, sizeof out);
    assert_string_equal(out, "Saint-Denis");
    dm_titlecase("N'DJAMENA", 9, out, sizeof out);
    assert_string_equal(out, "N'djamena");
    char small[4];
    assert_int_equal(dm_titlecase("LETICIA", 7, small, sizeof small), 3);
    assert_string_equal(small, "Let");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(titlecase_words),
        cmocka_unit_test(accepts_ascii_and_multibyte_text),
        cmocka_unit_test(accepts_a_few_control_bytes),
        cmocka_unit_test(rejects_nul_byte_as_binary),
        cmocka_unit_test(rejects_many_control_bytes_as_binary),
        cmocka_unit_test(rejects_invalid_lead_byte),
        cmocka_unit_test(rejects_truncated_sequence),
        cmocka_unit_test(rejects_overlong_encoding),
        cmocka_unit_test(rejects_surrogates),
        cmocka_unit_test(rejects_code_points_over_10ffff),
        cmocka_unit_test(rejects_line_longer_than_max_line),
        cmocka_unit_test(first_problem_is_reported),
        cmocka_unit_test(problems_inside_long_ascii_runs),
        cmocka_unit_test(next_decodes_and_advances),
        cmocka_unit_test(fold_lowercases),
        cmocka_unit_test(fold_strips_accents),
        cmocka_unit_test(fold_maps_typographic_apostrophes),
        cmocka_unit_test(fold_maps_dotless_i),
        cmocka_unit_test(fold_truncates_at_cap),
        cmocka_unit_test(code_point_classes),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
