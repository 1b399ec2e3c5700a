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

/* One document, or one part of a huge text document. */
typedef struct {
    dm_doc *doc;     /* NULL when it could not be made: err says why */
    const char *name;
    dm_error err;
    size_t base;     /* byte offset of this part in the file */
    int part;        /* 0 for the first (or only) part */
    int last;        /* the document's last part */
} dm_input_item;

dm_input *dm_input_open(char **paths, int npaths);
/* The next document or part. Returns 0 at the end. A document that cannot be
 * made (unreadable, binary, bad JSON ...) comes with doc NULL and err filled;
 * the caller reports it and goes on. */
int dm_input_next(dm_input *in, dm_input_item *item);
/* Bytes read so far, for progress. */
size_t dm_input_bytes(const dm_input *in);
void dm_input_close(dm_input *in);
#endif
