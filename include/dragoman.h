/* dragoman: diplomatic events and figures from raw news text.
 *
 * The one public header. Typical use:
 *
 *   dm_error err;
 *   dm_ctx *ctx = dm_ctx_new(&err);            // loads the built-in lexicons
 *   dm_doc *doc;
 *   if (dm_doc_new("a.txt", text, len, NULL, &doc, &err) == DM_OK) {
 *       dm_doc_extract(ctx, doc);
 *       size_t n; const char *json = dm_doc_json(doc, &n);
 *       fwrite(json, 1, n, stdout);
 *       dm_doc_free(doc);
 *   }
 *   dm_ctx_free(ctx);
 *
 * A dm_ctx is immutable after creation and may be shared by threads; a dm_doc
 * belongs to one thread. Everything a document produces lives in the document's
 * arena and is freed by dm_doc_free.
 */
#ifndef DRAGOMAN_H
#define DRAGOMAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DM_VERSION "0.1.0"

typedef enum {
    DM_OK = 0,
    DM_ERR_IO,        /* a file could not be read */
    DM_ERR_EMPTY,     /* the document holds no text */
    DM_ERR_BINARY,    /* NUL bytes or other control data: not a text document */
    DM_ERR_UTF8,      /* the bytes are not valid UTF-8 */
    DM_ERR_TOO_LONG,  /* a line or document exceeds the limits below */
    DM_ERR_JSON,      /* a .jsonl line is not a JSON object with a "text" string */
    DM_ERR_LEXICON,   /* a lexicon file is malformed */
    DM_ERR_USAGE,     /* a caller passed arguments that make no sense */
    DM_ERR_DB         /* the knowledge base cannot be opened, is not ours, or refused a write */
} dm_status;

/* Filled by functions that can fail: what went wrong and where (a byte offset
 * into the input, or 0 when it does not apply). */
typedef struct {
    dm_status code;
    size_t pos;
    char msg[256];
} dm_error;

/* Limits on input. A longer line is reported as DM_ERR_TOO_LONG. */
#define DM_MAX_LINE ((size_t)16 << 20)
#define DM_MAX_DOC ((size_t)256 << 20)

/* A static string naming a status code. */
const char *dm_strerror(dm_status code);

typedef struct dm_ctx dm_ctx;
typedef struct dm_doc dm_doc;

/* Creates a context with the built-in lexicons (countries, cities,
 * organizations, titles, topics). Returns NULL and fills err on failure.
 * Free with dm_ctx_free. */
dm_ctx *dm_ctx_new(dm_error *err);

/* Adds a user lexicon file (same TSV formats as data/, kind given by the
 * file name: countries, cities, orgs, titles or topics). Must be called before
 * the context is shared between threads. */
dm_status dm_ctx_load_lexicon(dm_ctx *ctx, const char *path, dm_error *err);

void dm_ctx_free(dm_ctx *ctx);

/* Makes a document from len bytes of text (copied). name is the document's
 * name in the output (copied); date, if not NULL, is its ISO date (YYYY-MM-DD)
 * as given by the source (a .jsonl "date"). The text is validated: empty,
 * binary, invalid UTF-8 and over-long input fail with err filled and *out
 * set to NULL. */
dm_status dm_doc_new(const char *name, const char *text, size_t len, const char *date,
                     dm_doc **out, dm_error *err);

/* Runs the whole pipeline on the document. Never fails on valid text. */
void dm_doc_extract(const dm_ctx *ctx, dm_doc *doc);

/* The document's result as one line of JSON (ending with '\n'), as described in
 * spec/extract-format.md. Valid until dm_doc_free. */
const char *dm_doc_json(dm_doc *doc, size_t *len);

/* Counts for reporting: sentences and tokens the document held. */
size_t dm_doc_sentence_count(const dm_doc *doc);
size_t dm_doc_event_count(const dm_doc *doc);
size_t dm_doc_fact_count(const dm_doc *doc);

void dm_doc_free(dm_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
