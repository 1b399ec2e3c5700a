/* The shared pipeline (pipeline.h). With --jobs N, three batches turn: one is
 * extracted by the workers while the one before is handed to the sink and the
 * next one is read. */
#include "pipeline.h"
#include "../core/arena.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

void dm_put_name(const char *s) {
    for (; *s; s++) fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, stderr);
}

typedef struct {
    const dm_ctx *ctx;
    dm_sink *sink;
    dm_input_item *items;
    void **prepared; /* what sink->prepare returned for each item */
    size_t n;
    atomic_size_t next;
} batch;

static void *worker(void *arg) {
    batch *b = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n) break;
        dm_input_make(&b->items[i]);
        if (b->items[i].doc) dm_doc_extract(b->ctx, b->items[i].doc);
        b->prepared[i] = b->sink->prepare ? b->sink->prepare(b->sink->user, &b->items[i], b->items[i].doc) : NULL;
    }
    return NULL;
}

/* Reads up to cap documents or cap_bytes of text into b; *more is 0 at the end of the input. */
static void read_batch(dm_input *in, batch *b, size_t cap, size_t cap_bytes, int *more) {
    b->n = 0;
    size_t bytes = 0;
    while (b->n < cap && bytes < cap_bytes) {
        dm_input_item *it = &b->items[b->n];
        if (!dm_input_next(in, it)) {
            *more = 0;
            break;
        }
        bytes += it->raw_len;
        b->n++;
    }
}

/* Hands a batch's documents to the sink in order (errors reported first) and frees them. */
static void drain_batch(batch *b, dm_sink *sink, dm_pipeline_stats *st) {
    for (size_t i = 0; i < b->n; i++) {
        dm_input_item *it = &b->items[i];
        dm_doc *doc = it->doc;
        if (!doc) {
            fputs("dragoman: ", stderr);
            dm_put_name(it->name);
            fprintf(stderr, ": %s: %s\n", dm_strerror(it->err.code), it->err.msg);
            st->failed++;
        } else {
            st->sentences += dm_doc_sentence_count(doc);
            st->events += dm_doc_event_count(doc);
            st->facts += dm_doc_fact_count(doc);
        }
        sink->item(sink->user, it, doc, b->prepared[i]);
        b->prepared[i] = NULL;
        dm_doc_free(doc);
        it->doc = NULL;
        dm_input_item_free(it);
        if (it->last) st->docs++;
    }
    if (b->n && sink->batch_done) sink->batch_done(sink->user);
    b->n = 0;
}

void dm_pipeline_run(const dm_ctx *ctx, char **paths, int npaths, const dm_pipeline_opts *o, dm_sink *sink,
                     dm_pipeline_stats *st) {
    memset(st, 0, sizeof *st);
    dm_input *in = dm_input_open(paths, npaths);
    int jobs = o->jobs > 1 ? o->jobs : 1;
    size_t cap = (size_t)jobs * (o->batch_docs ? o->batch_docs : 1), cap_bytes = (size_t)jobs * o->batch_bytes;
    batch bt[3];
    for (int k = 0; k < 3; k++) {
        bt[k] = (batch){ctx, sink, calloc(cap, sizeof(dm_input_item)), calloc(cap, sizeof(void *)), 0, 0};
        if (!bt[k].items || !bt[k].prepared) dm_die_oom();
    }
    int more = 1;
    time_t last = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    batch *cur = &bt[0], *prev = &bt[1], *next = &bt[2];
    read_batch(in, cur, cap, cap_bytes, &more);
    while (cur->n) {
        pthread_t th[256];
        int nth = jobs > 1 ? jobs : o->overlap ? 1 : 0;
        atomic_store(&cur->next, 0);
        for (int k = 0; k < nth; k++) pthread_create(&th[k], NULL, worker, cur);
        if (!nth) worker(cur);
        drain_batch(prev, sink, st); /* while the workers extract */
        if (more) read_batch(in, next, cap, cap_bytes, &more);
        else next->n = 0;
        for (int k = 0; k < nth; k++) pthread_join(th[k], NULL);
        batch *done = cur;
        cur = next;
        next = prev;
        prev = done;
        if (o->progress && time(NULL) != last) {
            last = time(NULL);
            fprintf(stderr, "\rdragoman: %zu documents, %.1f MB", st->docs, dm_input_bytes(in) / 1e6);
        }
    }
    drain_batch(prev, sink, st);
    if (o->progress && st->docs > 0)
        fprintf(stderr, "\rdragoman: %zu documents, %.1f MB\n", st->docs, dm_input_bytes(in) / 1e6);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    st->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    st->bytes = dm_input_bytes(in);
    for (int k = 0; k < 3; k++) {
        free(bt[k].items);
        free(bt[k].prepared);
    }
    dm_input_close(in);
}

/* Called on the main thread. */
void dm_pipeline_print_stats(const dm_pipeline_stats *st, int jobs) {
    double mb = st->bytes / 1e6, secs = st->seconds;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* the main thread reads and runs the sink (ingest's writer): what bounds a pipeline whose workers wait */
    struct timespec main_cpu = {0, 0};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &main_cpu);
    fprintf(stderr,
            "dragoman: stats: documents=%zu bytes=%zu sentences=%zu events=%zu facts=%zu seconds=%.3f "
            "mb_per_s=%.2f sentences_per_s=%.0f peak_rss_mb=%.1f jobs=%d cpu_s=%.3f main_thread_cpu_s=%.3f\n",
            st->docs, st->bytes, st->sentences, st->events, st->facts, secs, secs > 0 ? mb / secs : 0,
            secs > 0 ? st->sentences / secs : 0, ru.ru_maxrss / 1024.0, jobs,
            (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
            (double)main_cpu.tv_sec + (double)main_cpu.tv_nsec / 1e9);
}

void dm_cli_opts_init(dm_cli_opts *o, int argc) {
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    o->lexicons = calloc((size_t)argc + 1, sizeof *o->lexicons);
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    if (!o->lexicons || !o->paths) dm_die_oom();
}

void dm_cli_opts_free(dm_cli_opts *o) {
    free(o->lexicons);
    free(o->paths);
    o->lexicons = o->paths = NULL;
}

int dm_cli_opts_take(dm_cli_opts *o, const char *cmd, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
        char *end = NULL;
        long v = *i + 1 < argc ? strtol(argv[*i + 1], &end, 10) : 0;
        if (*i + 1 >= argc || !end || *end || end == argv[*i + 1] || v < 1 || v > 256) {
            fprintf(stderr, "dragoman %s: --jobs needs a whole number of threads from 1 to 256\n", cmd);
            return 0;
        }
        o->jobs = (int)v;
        (*i)++;
    } else if (!strcmp(a, "--lexicon")) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "dragoman %s: --lexicon needs a file\n", cmd);
            return 0;
        }
        o->lexicons[o->nlexicons++] = argv[++*i];
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
        o->quiet = 1;
    } else if (!strcmp(a, "--stats")) {
        o->stats = 1;
    } else if (a[0] == '-' && a[1]) {
        fprintf(stderr, "dragoman %s: unknown option '%s' (see dragoman %s --help)\n", cmd, a, cmd);
        return 0;
    } else {
        o->paths[o->npaths++] = argv[*i];
    }
    return 1;
}

int dm_cli_opts_parse(dm_cli_opts *o, const char *cmd, int argc, char **argv, void (*usage)(FILE *),
                      dm_cli_own_option own, void *user) {
    dm_cli_opts_init(o, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = 0;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            dm_cli_opts_free(o);
            return 0;
        }
        if (own) r = own(user, argc, argv, &i);
        if (r == 0) r = dm_cli_opts_take(o, cmd, argc, argv, &i) ? 1 : -1;
        if (r < 0) {
            dm_cli_opts_free(o);
            return 2;
        }
    }
    if (!o->npaths) {
        usage(stderr);
        dm_cli_opts_free(o);
        return 2;
    }
    return -1;
}
