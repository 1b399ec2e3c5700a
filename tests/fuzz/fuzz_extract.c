/* libFuzzer target for the whole extractor: document validation, tokens,
 * sentences, stories, mentions, events, facts and the JSON writer.
 *
 *   make fuzz FUZZ_SECONDS=60
 *
 * Each input is run as one document named "fuzz" with no date. When it is
 * longer than 12 bytes it is also split: the first byte gives the length
 * (0-15) of a date string that follows it, and the rest is the text, so the
 * given-date path (a .jsonl "date") is exercised too.
 *
 * Beyond the sanitizers, the target checks the API contract and aborts when:
 *   - dm_doc_new's status and *out disagree (DM_OK with NULL, or an error with
 *     a document), or an error status comes without a message;
 *   - the JSON is not exactly one line ending in '\n', holds a NUL byte, does
 *     not start with {"doc":"fuzz", is not valid UTF-8, or is not a JSON
 *     object (parsed with jansson) whose "doc" is "fuzz";
 *   - dm_doc_json gives different bytes when called twice.
 * Undefined behaviour found by UBSan stops the run too (see below). */
#include "dragoman.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dm_ctx *ctx;

/* UBSan findings are crashes (with a saved reproducer), not log lines the run
 * goes past; UBSAN_OPTIONS=halt_on_error=0 in the environment overrides this. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

static void fail(const char *why, const char *json, size_t len) {
    fprintf(stderr, "fuzz_extract: %s\n", why);
    if (json) fprintf(stderr, "JSON (%zu bytes): %.*s\n", len, (int)(len > 4000 ? 4000 : len), json);
    abort();
}

static int utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned cp, min;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
        else return 0;
        if (i + len > n) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

static void check_json(const char *json, size_t len) {
    static const char head[] = "{\"doc\":";
    if (!json) fail("dm_doc_json returned NULL", NULL, 0);
    if (len < sizeof head || json[len - 1] != '\n') fail("JSON does not end with a newline", json, len);
    if (memchr(json, '\n', len) != json + len - 1) fail("JSON holds more than one line", json, len);
    if (memchr(json, '\0', len)) fail("JSON holds a NUL byte", json, len);
    if (memcmp(json, head, sizeof head - 1) != 0) fail("JSON does not start with {\"doc\":", json, len);
    if (!utf8_valid((const unsigned char *)json, len)) fail("JSON is not valid UTF-8", json, len);
    json_error_t je;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        fprintf(stderr, "jansson: line %d column %d: %s\n", je.line, je.column, je.text);
        fail("JSON does not parse", json, len);
    }
    json_t *doc = json_object_get(root, "doc");
    if (!json_is_object(root) || !json_is_string(doc) || strcmp(json_string_value(doc), "fuzz") != 0)
        fail("JSON is not an object with \"doc\": \"fuzz\"", json, len);
    json_decref(root);
}

static void run(const char *text, size_t len, const char *date) {
    dm_error err;
    memset(&err, 0, sizeof err);
    dm_doc *doc = (dm_doc *)1; /* must be overwritten */
    dm_status st = dm_doc_new("fuzz", text, len, date, &doc, &err);
    if (st != DM_OK) {
        if (doc) fail("dm_doc_new failed but left a document in *out", NULL, 0);
        if (err.code != st) fail("dm_doc_new's err.code differs from its status", NULL, 0);
        if (!memchr(err.msg, '\0', sizeof err.msg) || !err.msg[0]) fail("dm_doc_new failed without a message", NULL, 0);
        return;
    }
    if (!doc) fail("dm_doc_new returned DM_OK without a document", NULL, 0);
    dm_doc_extract(ctx, doc);
    size_t n = 0;
    const char *json = dm_doc_json(doc, &n);
    check_json(json, n);
    size_t n2 = 0;
    const char *again = dm_doc_json(doc, &n2);
    if (n2 != n || memcmp(json, again, n) != 0) fail("dm_doc_json is not stable", again, n2);
    (void)dm_doc_sentence_count(doc);
    (void)dm_doc_event_count(doc);
    (void)dm_doc_fact_count(doc);
    dm_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        dm_error err;
        memset(&err, 0, sizeof err);
        ctx = dm_ctx_new(&err);
        if (!ctx) {
            fprintf(stderr, "fuzz_extract: dm_ctx_new: %s\n", err.msg);
            abort();
        }
    }
    /* a copy of exactly size bytes, so reads past the end are caught */
    char *text = malloc(size ? size : 1);
    if (!text) abort();
    if (size) memcpy(text, data, size);
    run(text, size, NULL);
    free(text);

    if (size > 12 && (size_t)(data[0] % 16) + 1 <= size) {
        size_t dlen = data[0] % 16; /* within the input: checked above */
        char date[16];
        memcpy(date, data + 1, dlen);
        date[dlen] = '\0';
        size_t tlen = size - 1 - dlen;
        char *t = malloc(tlen ? tlen : 1);
        if (!t) abort();
        if (tlen) memcpy(t, data + 1 + dlen, tlen);
        run(t, tlen, date);
        free(t);
    }
    return 0;
}
