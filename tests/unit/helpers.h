/* Shared by the unit tests: cmocka, the internal headers, and a few helpers
 * that make documents from strings. */
#ifndef DM_TEST_HELPERS_H
#define DM_TEST_HELPERS_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dragoman.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "extract/dates.h"
#include "extract/events.h"
#include "extract/facts.h"
#include "extract/mentions.h"
#include "extract/model.h"
#include "extract/people.h"
#include "lex/gazetteer.h"
#include "lex/lexicon.h"
#include "out/json.h"
#include "text/doc.h"
#include "text/input.h"
#include "text/wordclass.h"
#include "text/sentences.h"
#include "text/stories.h"
#include "text/tokens.h"

/* One context for a whole test program (lexicons load once). */
static dm_ctx *test_ctx(void) {
    static dm_ctx *ctx;
    if (!ctx) {
        dm_error err;
        ctx = dm_ctx_new(&err);
        if (!ctx) {
            fprintf(stderr, "cannot load lexicons: %s\n", err.msg);
            abort();
        }
    }
    return ctx;
}

/* A document from a C string (date may be NULL); fails the test if it is refused. */
static dm_doc *test_doc(const char *text, const char *date) {
    dm_doc *doc = NULL;
    dm_error err;
    assert_int_equal(dm_doc_new("test", text, strlen(text), date, &doc, &err), DM_OK);
    return doc;
}

/* A document run through the whole pipeline. */
static dm_doc *test_extract(const char *text, const char *date) {
    dm_doc *doc = test_doc(text, date);
    dm_doc_extract(test_ctx(), doc);
    return doc;
}

/* A document tokenized and split into sentences and stories only. */
static dm_doc *test_segment(const char *text, const char *date) {
    dm_doc *doc = test_doc(text, date);
    dm_tokenize(&doc->arena, doc->text, doc->len, &doc->toks);
    dm_split_sentences(doc);
    dm_find_stories(test_ctx(), doc);
    return doc;
}

/* The text of token i of doc, NUL-terminated in a static buffer. */
static const char *tok_text(const dm_doc *doc, size_t i) {
    static char buf[256];
    size_t n = doc->toks.v[i].end - doc->toks.v[i].start;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, doc->text + doc->toks.v[i].start, n);
    buf[n] = 0;
    return buf;
}

/* The index of the token where the nth (1-based) occurrence of needle starts; fails the test if none. */
static size_t test_token_at(const dm_doc *doc, const char *needle, int nth) {
    const char *p = doc->text;
    for (int k = 0; k < nth; k++) {
        p = strstr(k ? p + 1 : p, needle);
        assert_non_null(p);
    }
    size_t off = (size_t)(p - doc->text);
    for (size_t i = 0; i < doc->toks.n; i++)
        if (doc->toks.v[i].start == off) return i;
    fail_msg("no token starts at \"%s\"", needle);
    return 0;
}

/* The live (not merged away) events of an extracted document, in order. */
static size_t live_events(const dm_doc *doc, const dm_event **out, size_t max) {
    size_t n = 0;
    for (size_t k = 0; k < doc->x->nevents && n < max; k++)
        if (!doc->x->events[k].dropped) out[n++] = &doc->x->events[k];
    return n;
}

/* A cmocka group setup that loads the lexicons once, before the first test. */
static int test_group_setup(void **state) {
    (void)state;
    return test_ctx() ? 0 : -1;
}

/* The ISO code of a country index. */
static const char *code_of(int country) { return country >= 0 ? test_ctx()->countries[country].code : "-"; }

/* Silences "unused function" for helpers a test file does not call. */
static inline void test_helpers_used(void) {
    (void)test_extract;
    (void)test_segment;
    (void)tok_text;
    (void)test_token_at;
    (void)live_events;
    (void)code_of;
    (void)test_group_setup;
}
#endif
