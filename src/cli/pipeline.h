/* The extraction pipeline that `extract` and `ingest` share: documents are
 * read ahead into a bounded ring (two batches), extracted by worker threads as
 * they come, and handed to a sink on the main thread in input order, so what
 * the sink does never depends on the number of threads. */
#ifndef DM_PIPELINE_H
#define DM_PIPELINE_H
#include "dragoman.h"
#include "../text/input.h"
#include <stdio.h>

typedef struct {
    /* Called on the main thread, in input order, once per item: a whole
     * document or one part of a huge one (it->part, it->last). doc is NULL
     * when the item could not be made; the pipeline has then already printed
     * "dragoman: NAME: reason". The pipeline frees doc and the item after the
     * call returns, so the sink copies what it keeps. */
    void (*item)(void *user, const dm_input_item *it, dm_doc *doc, void *prepared);
    /* May be NULL. Called on a worker thread right after the item's
     * extraction, in no particular order, for work that needs no shared
     * state; what it returns is handed to item (which frees it). */
    void *(*prepare)(void *user, const dm_input_item *it, dm_doc *doc);
    /* Called after each batch's worth of items (may be NULL): a natural point to commit. */
    void (*batch_done)(void *user);
    void *user;
} dm_sink;

typedef struct {
    int jobs;         /* worker threads; 1 extracts on the main thread */
    int progress;     /* a progress line on stderr */
    size_t batch_docs;  /* a batch: up to this many documents a thread ... (the ring holds two) */
    size_t batch_bytes; /* ... or this much text a thread, whichever comes first */
    int overlap;      /* with one job, still extract on a thread of its own while the sink works */
} dm_pipeline_opts;

typedef struct {
    size_t docs, failed, bytes, sentences, events, facts;
    double seconds;
} dm_pipeline_stats;

/* Runs the pipeline over paths (files, directories, "-"). Failed documents
 * count in stats->failed. */
void dm_pipeline_run(const dm_ctx *ctx, char **paths, int npaths, const dm_pipeline_opts *opts, dm_sink *sink,
                     dm_pipeline_stats *stats);

/* Prints a document name on stderr with control characters shown as '?', so a message stays one line. */
void dm_put_name(const char *name);

/* The options extract and ingest share: --jobs N, --lexicon FILE, --quiet,
 * --stats, and the FILES|DIRS|- operands. */
typedef struct {
    int jobs, quiet, stats;
    char **lexicons, **paths; /* point into argv; the arrays are owned: dm_cli_opts_free */
    int nlexicons, npaths;
} dm_cli_opts;
void dm_cli_opts_init(dm_cli_opts *o, int argc);
void dm_cli_opts_free(dm_cli_opts *o);
/* Takes argv[*i] (and its value, advancing *i) if it is a shared option or an
 * operand: returns 1 when taken, 0 after printing a usage error naming cmd (a
 * bad value, or an option the command does not know). Commands try their own
 * options first. */
int dm_cli_opts_take(dm_cli_opts *o, const char *cmd, int argc, char **argv, int *i);
/* Is s (NULL: absent) a whole number from 1 to max? Then *out holds it. */
int dm_cli_count(const char *s, long max, long *out);
/* A command's own options: takes argv[*i] (advancing *i past a value) and returns 1, returns 0
 * when the option is not the command's, or -1 after printing a usage error. */
typedef int (*dm_cli_own_option)(void *user, int argc, char **argv, int *i);
/* Parses argv[1..] into o (initialized here): --help prints usage on stdout, own options go to
 * own (may be NULL), then the shared ones and the operands. Returns -1 to go on, else the exit
 * status to return (0 after --help, 2 for a usage error or no operand); o is freed unless -1. */
int dm_cli_opts_parse(dm_cli_opts *o, const char *cmd, int argc, char **argv, void (*usage)(FILE *),
                      dm_cli_own_option own, void *user);
/* The --stats line: documents, bytes, sentences, time, MB/s, peak memory. */
void dm_pipeline_print_stats(const dm_pipeline_stats *st, int jobs);
#endif
