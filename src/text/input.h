/* Reading the documents named on the command line: text files (one document
 * each), .jsonl files (one per line), directories (their .txt and .jsonl files
 * in name order) and "-" (standard input). Documents come one at a time so
 * memory does not grow with the input. */
#ifndef DM_INPUT_H
#define DM_INPUT_H
#include "dragoman.h"
#include <stdio.h>

typedef struct dm_input dm_input;

/* A text file over this size is read and extracted in parts, each cut at a
 * paragraph break, so memory does not grow with the document. */
#define DM_PART_BYTES ((size_t)4 << 20)

/* One document, or one part of a huge text document. The reader gives its raw
 * bytes; dm_input_make turns them into a document (parsing JSON, checking the
 * text), which can run on another thread than the reader. */
typedef struct {
    dm_doc *doc;     /* after dm_input_make: NULL when it could not be made, err says why */
    char *name;      /* the name errors give (FILE.jsonl:LINE for .jsonl); owned */
    dm_error err;
    size_t base;     /* byte offset of this part in the file */
    int part;        /* 0 for the first (or only) part */
    int last;        /* the document's last part */
    int raw_kind;    /* what raw holds: 0 nothing (err is set), 1 text, 2 a .jsonl line */
    char *raw;       /* owned until dm_input_make */
    size_t raw_len;
    char date[16];   /* the date to give a text part, or "" */
} dm_input_item;

dm_input *dm_input_open(char **paths, int npaths);
/* The next document or part, raw. Returns 0 at the end. */
int dm_input_next(dm_input *in, dm_input_item *item);
/* Makes the item's document from its raw bytes (thread-safe) and frees them.
 * A document that cannot be made (binary, bad JSON ...) is left NULL with err
 * filled; the caller reports it and goes on. */
void dm_input_make(dm_input_item *item);
/* Frees what an item still owns (not its document). */
void dm_input_item_free(dm_input_item *item);
/* Bytes read so far, for progress. */
size_t dm_input_bytes(const dm_input *in);
void dm_input_close(dm_input *in);
#endif
