/* dragoman ingest: the extract pipeline (pipeline.h) with a sink that stores
 * each document in the knowledge base (out/store.h), one transaction per
 * COMMIT_DOCS documents (--commit-every) or COMMIT_BYTES of text, so a killed
 * run loses at most the transaction it was writing. */
#include "../core/arena.h"
#include "../core/buf.h"
#include "../out/json.h"
#include "../out/store.h"
#include "../text/doc.h"
#include "cli.h"
#include "pipeline.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f) {
    fputs("usage: dragoman ingest [--db PATH] [--jobs N] [--commit-every N] [--lexicon FILE]... [--quiet]\n"
          "                       FILES|DIRS|-\n"
          "\n"
          "Extracts each document (as dragoman extract does) and stores it with its\n"
          "stories, events, participants, facts and evidence in a SQLite knowledge base.\n"
          "The same event told by several documents becomes one event with several\n"
          "reports; the same person named several ways becomes one person.\n"
          "\n"
          "  --db PATH   the knowledge base (default ./dragoman.db; created if missing)\n"
          "  --jobs N    extract with N threads (what is stored does not change)\n"
          "  --commit-every N\n"
          "              a transaction per N documents (default 4096) or 16 MB of text;\n"
          "              smaller: others see the work sooner, a killed run redoes less\n"
          "  --lexicon   add a TSV lexicon (as for extract)\n"
          "  --quiet     no progress line on a terminal\n"
          "  --stats     also print documents, bytes, time, MB/s and peak memory on stderr\n"
          "\n"
          "A document already stored with the same text is left as it is; one with the\n"
          "same name and new text replaces its old version. A document that cannot be\n"
          "read or stored is reported on stderr and skipped; the exit status is then 1.\n"
          "A summary goes to standard output.\n",
          f);
}

/* The sink of ingest. A huge document comes in parts: its text and JSON line
 * are gathered until the last part, then stored whole. */
typedef struct {
    const dm_ctx *ctx;
    dm_store *kb;
    int failed;       /* a document failed (to read or to store) */
    int fatal;        /* the database itself failed: stop storing */
    int part_failed;  /* a part of the document being gathered failed */
    dm_json_parts parts;
    dm_buf text, json;
    size_t counts[4]; /* by dm_store_outcome; [0]: failed */
    size_t reports, merged, people, facts, linked;
    size_t batch[4];  /* the transaction being written, counted in once it commits */
    dm_store_result batch_sum;
    size_t pending_docs, pending_bytes; /* read since the last commit */
    size_t commit_docs;                 /* --commit-every */
} ingester;

/* A transaction per 4096 documents or 16 MB of text: fewer commits rewrite the
 * same index pages less often and leave the text index fewer segments to merge
 * (a tenth less time than 1024 documents or 4 MB on the bench corpus; the page
 * cache of 64 MB still holds the transaction). The pipeline's batches are
 * smaller (see dm_cmd_ingest), so the writer waits less for the first and the
 * extractor less for the last. */
#define COMMIT_DOCS 4096
#define COMMIT_BYTES ((size_t)16 << 20)

static void report_failure(ingester *g, const char *name, const dm_error *err) {
    fputs("dragoman: ", stderr);
    dm_put_name(name);
    fprintf(stderr, ": %s: %s\n", dm_strerror(err->code), err->msg);
    g->failed = 1;
    g->counts[0]++;
}

static void store_prepared(ingester *g, const char *item_name, const dm_store_prepared *p) {
    if (g->fatal) {
        g->counts[0]++; /* the database failed earlier, as reported */
        return;
    }
    dm_error err = {0};
    dm_store_result res;
    if (dm_store_begin(g->kb, &err) != DM_OK) {
        report_failure(g, item_name, &err);
        g->fatal = 1;
        return;
    }
    if (dm_store_put_prepared(g->kb, p, &res, &err) != DM_OK) {
        report_failure(g, item_name, &err);
        if (err.code == DM_ERR_DB) g->fatal = 1; /* the batch is doomed; the database may be full or failing */
        return;
    }
    g->batch[res.outcome]++;
    g->batch_sum.reports += res.reports;
    g->batch_sum.merged += res.merged;
    g->batch_sum.people_new += res.people_new;
    g->batch_sum.facts += res.facts;
    g->batch_sum.linked += res.linked;
}

/* A one-part document made ready for the store on the worker thread that
 * extracted it: its line parsed, its text hashed (dm_store_prepare). */
typedef struct {
    dm_store_prepared *p;
    dm_error err;
} prepared_doc;

static void *ingest_prepare(void *user, const dm_input_item *it, dm_doc *doc) {
    (void)user;
    if (!doc || it->part != 0 || !it->last) return NULL;
    prepared_doc *pd = calloc(1, sizeof *pd);
    if (!pd) dm_die_oom();
    size_t n;
    const char *json = dm_doc_json(doc, &n);
    dm_store_doc d = {doc->name, doc->text, doc->len, doc->title, doc->url, doc->source, json, n};
    dm_store_prepare(&d, &pd->p, &pd->err);
    return pd;
}

static void ingest_item(void *user, const dm_input_item *it, dm_doc *doc, void *prepared) {
    ingester *g = user;
    g->pending_bytes += it->raw_len;
    if (it->last) g->pending_docs++;
    if (it->part == 0 && it->last) {
        prepared_doc *pd = prepared;
        if (!doc || !pd) {
            g->counts[0]++;
            g->failed = 1;
        } else if (!pd->p) {
            report_failure(g, it->name, &pd->err);
        } else {
            store_prepared(g, it->name, pd->p);
        }
        if (pd) dm_store_prepared_free(pd->p);
        free(pd);
        return;
    }
    if (it->part == 0) {
        g->text.len = g->json.len = 0;
        g->part_failed = 0;
    }
    if (!doc) {
        g->part_failed = 1; /* a document missing a part is not stored at all */
    } else if (!g->part_failed) {
        dm_buf_put(&g->text, doc->text, doc->len);
        dm_json_parts_add(g->ctx, &g->parts, doc, it->base, it->part, it->last, &g->json);
    }
    if (!it->last) return;
    if (g->part_failed) {
        fputs("dragoman: ", stderr);
        dm_put_name(it->name);
        fputs(": not stored: a part of it could not be read (see above)\n", stderr);
        g->counts[0]++;
        g->failed = 1;
        return;
    }
    dm_store_doc d = {it->name, g->text.data, g->text.len, NULL, NULL, NULL, g->json.data, g->json.len};
    dm_error err = {0};
    dm_store_prepared *p;
    if (dm_store_prepare(&d, &p, &err) != DM_OK) {
        report_failure(g, it->name, &err);
        return;
    }
    store_prepared(g, it->name, p);
    dm_store_prepared_free(p);
}

static void commit(ingester *g) {
    g->pending_docs = g->pending_bytes = 0;
    dm_error err = {0};
    /* after a failed write the batch is doomed: this rolls it back */
    if (dm_store_commit(g->kb, &err) != DM_OK) {
        if (!g->fatal) fprintf(stderr, "dragoman: %s (the batch's documents were not stored)\n", err.msg);
        g->failed = g->fatal = 1;
        g->counts[0] += g->batch[1] + g->batch[2] + g->batch[3];
    } else {
        for (int k = 1; k < 4; k++) g->counts[k] += g->batch[k];
        g->reports += g->batch_sum.reports;
        g->merged += g->batch_sum.merged;
        g->people += g->batch_sum.people_new;
        g->facts += g->batch_sum.facts;
        g->linked += g->batch_sum.linked;
    }
    memset(g->batch, 0, sizeof g->batch);
    memset(&g->batch_sum, 0, sizeof g->batch_sum);
}

static void ingest_batch_done(void *user) {
    ingester *g = user;
    if (g->pending_docs >= g->commit_docs || g->pending_bytes >= COMMIT_BYTES) commit(g);
}

typedef struct {
    const char *db;
    size_t commit_docs;
} ingest_opts;

/* ingest's own options: --db PATH, --commit-every N */
static int ingest_option(void *user, int argc, char **argv, int *i) {
    ingest_opts *io = user;
    int is_db = !strcmp(argv[*i], "--db"), is_commit = !strcmp(argv[*i], "--commit-every");
    if (!is_db && !is_commit) return 0;
    const char *v = *i + 1 < argc ? argv[*i + 1] : "";
    if (is_db) {
        if (!v[0]) {
            fprintf(stderr, "dragoman ingest: --db needs a file path\n");
            return -1;
        }
        io->db = v;
    } else {
        long n;
        if (!dm_cli_count(v, 1000000, &n)) {
            fprintf(stderr, "dragoman ingest: --commit-every needs a number of documents from 1 to 1000000, not '%s'\n",
                    v);
            return -1;
        }
        io->commit_docs = (size_t)n;
    }
    ++*i;
    return 1;
}

int dm_cmd_ingest(int argc, char **argv) {
    ingest_opts io = {"dragoman.db", COMMIT_DOCS};
    dm_cli_opts o;
    int rc = dm_cli_opts_parse(&o, "ingest", argc, argv, usage, ingest_option, &io);
    const char *db = io.db;
    if (rc >= 0) return rc;
    dm_error err = {0};
    dm_store *kb;
    if (dm_store_open(db, &kb, &err) != DM_OK) {
        fprintf(stderr, "dragoman: %s\n", err.msg);
        dm_cli_opts_free(&o);
        return 1;
    }
    dm_ctx *ctx = dm_cli_context(o.lexicons, o.nlexicons);
    if (!ctx) {
        dm_store_close(kb);
        dm_cli_opts_free(&o);
        return 1;
    }
    ingester g = {0};
    g.ctx = ctx;
    g.kb = kb;
    g.commit_docs = io.commit_docs;
    dm_json_parts_init(&g.parts);
    dm_buf_init(&g.text);
    dm_buf_init(&g.json);
    /* batches of 128 documents or 512 KB of text a thread, extracted on threads
     * of their own while the batch before is stored */
    dm_pipeline_opts po = {o.jobs, !o.quiet && isatty(2), 128, (size_t)512 << 10, 1};
    dm_sink sink = {ingest_item, ingest_prepare, ingest_batch_done, &g};
    dm_pipeline_stats st;
    dm_pipeline_run(ctx, o.paths, o.npaths, &po, &sink, &st);
    commit(&g);
    if (g.fatal)
        fprintf(stderr, "dragoman: stopped storing after the database error above: the documents of that batch and "
                        "after it are not stored; run the same command again once it is fixed (stored documents "
                        "are skipped)\n");
    dm_buf_free(&g.text);
    dm_buf_free(&g.json);
    dm_json_parts_free(&g.parts);
    /* closing writes the log's last pages into the database: part of the ingest's time */
    struct timespec c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &c0);
    dm_store_close(kb);
    clock_gettime(CLOCK_MONOTONIC, &c1);
    st.seconds += (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    if (o.stats) dm_pipeline_print_stats(&st, o.jobs);
    printf("dragoman ingest: %zu documents into %s: %zu new, %zu unchanged, %zu replaced, %zu failed; "
           "%zu events reported (%zu merged with other documents' events, %zu planned events linked), "
           "%zu new people, %zu facts; %.2f s, %.1f documents/s\n",
           st.docs, db, g.counts[DM_STORE_NEW], g.counts[DM_STORE_UNCHANGED], g.counts[DM_STORE_REPLACED],
           g.counts[0], g.reports, g.merged, g.linked, g.people, g.facts, st.seconds,
           st.seconds > 0 ? st.docs / st.seconds : 0.0);
    fflush(stdout);
    dm_ctx_free(ctx);
    dm_cli_opts_free(&o);
    return g.failed;
}
