/* Reading the documents named on the command line: text files (one document
 * each), .jsonl files (one per line), directories (their .txt and .jsonl files
 * in name order) and "-" (standard input). Documents come one at a time so
 * memory does not grow with the input. */
#ifndef DM_INPUT_H
#define DM_INPUT_H
#include "dragoman.h"
#include <stdio.h>

typedef struct dm_input dm_input;

dm_input *dm_input_open(char **paths, int npaths);
/* The next document, or NULL at the end. A document that cannot be made
 * (unreadable, binary, bad JSON ...) returns NULL in *doc with err filled and
 * *name naming it; the caller reports it and goes on. Returns 0 at the end. */
int dm_input_next(dm_input *in, dm_doc **doc, const char **name, dm_error *err);
/* Bytes read so far, for progress. */
size_t dm_input_bytes(const dm_input *in);
void dm_input_close(dm_input *in);
#endif
