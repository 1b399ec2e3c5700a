/* The context: built-in lexicons, user lexicons, word classes, error names. */
#include "helpers.h"

static int lookup(dm_ctx *ctx, const char *text, uint8_t type) {
    dm_doc *doc = test_doc(text, NULL);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    dm_lex_hit hit;
    int found = dm_lex_longest(ctx->lx, &doc->toks, 0, doc->toks.n, LXM(type), &hit) && hit.ntok == doc->toks.n;
    int id = found ? dm_lex_hit_get(&hit, type)->id : -1;
    dm_doc_free(doc);
    return id;
}

static const char *write_tmp(const char *name, const char *content) {
    static char path[256];
    snprintf(path, sizeof path, "/tmp/%s", name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return path;
}

static void a_user_lexicon_adds_an_organization(void **state) {
    (void)state;
    dm_error err;
    dm_ctx *ctx = dm_ctx_new(&err);
    assert_non_null(ctx);
    assert_int_equal(lookup(ctx, "Zedland Cooperation Forum", LX_ORG), -1);
    const char *path = write_tmp("orgs-dm-test.tsv", "# mine\nZCF\tZedland Cooperation Forum\tZed Forum\t-\n");
    assert_int_equal(dm_ctx_load_lexicon(ctx, path, &err), DM_OK);
    int id = lookup(ctx, "Zedland Cooperation Forum", LX_ORG);
    assert_true(id >= 0);
    assert_string_equal(ctx->orgs[id].code, "ZCF");
    assert_int_equal(lookup(ctx, "Zed Forum", LX_ORG), id);
    remove(path);
    dm_ctx_free(ctx);
}

static void bad_user_lexicons_are_refused_with_a_reason(void **state) {
    (void)state;
    dm_error err;
    dm_ctx *ctx = dm_ctx_new(&err);
    assert_int_equal(dm_ctx_load_lexicon(ctx, "/tmp/no-such-dir/orgs.tsv", &err), DM_ERR_IO);
    const char *wrong = write_tmp("mylist.tsv", "X\tY\n");
    assert_int_equal(dm_ctx_load_lexicon(ctx, wrong, &err), DM_ERR_USAGE);
    assert_non_null(strstr(err.msg, "countries, cities, orgs, titles or topics"));
    const char *bad = write_tmp("cities-dm-test.tsv", "Atlantis\tXXX\tcapital\t\n");
    assert_int_equal(dm_ctx_load_lexicon(ctx, bad, &err), DM_ERR_LEXICON);
    assert_non_null(strstr(err.msg, "cities-dm-test.tsv:1"));
    remove(wrong);
    remove(bad);
    dm_ctx_free(ctx);
}

static void word_classes_are_known_for_every_token(void **state) {
    (void)state;
    dm_wordclass_init();
    dm_doc *doc = test_doc("March Tuesday met the parliament Zzyzx", NULL);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    assert_true(doc->toks.v[0].wc & WC_MONTH);
    assert_true(doc->toks.v[1].wc & WC_WEEKDAY);
    assert_true(doc->toks.v[2].wc & WC_TRIGGER);
    assert_true(doc->toks.v[3].wc & WC_NOT_NAME);
    assert_false(doc->toks.v[3].wc & WC_MONTH);
    assert_true(doc->toks.v[4].wc & WC_PARLIAMENT);
    assert_true(doc->toks.v[4].wc & WC_INSTITUTION);
    assert_int_equal(doc->toks.v[5].wc, 0);
    dm_doc_free(doc);
}

static void every_status_has_a_name(void **state) {
    (void)state;
    for (int c = DM_OK; c <= DM_ERR_USAGE; c++) {
        const char *s = dm_strerror((dm_status)c);
        assert_non_null(s);
        assert_string_not_equal(s, "unknown error");
    }
    assert_string_equal(dm_strerror((dm_status)99), "unknown error");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_user_lexicon_adds_an_organization),
        cmocka_unit_test(bad_user_lexicons_are_refused_with_a_reason),
        cmocka_unit_test(word_classes_are_known_for_every_token),
        cmocka_unit_test(every_status_has_a_name),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("context", tests, test_group_setup, NULL);
}
