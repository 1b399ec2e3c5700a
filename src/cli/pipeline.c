/* The shared pipeline (pipeline.h). The main thread reads documents into a
 * ring of slots, worker threads extract them in input order as they come, and
 * the main thread hands each to the sink as soon as it and all before it are
 * done. No step waits for a whole batch: the workers run ahead of the sink by
 * up to two batches (what a slow document or a slow commit costs is
 * absorbed there), and memory stays bounded by the ring. */
#include "pipeline.h"
#include "../core/arena.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

void dm_put_name(const char *s) {
    for (; *s; s++) fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, stderr);
}

typedef struct {
    dm_input_item item;
    size_t raw_len; /* the item's, kept for the ring's count (dm_input_make frees the raw bytes) */
    void *prepared; /* what sink->prepare returned */
    int done;       /* extracted (under the ring's lock) */
} slot;

/* Slots are numbered from 0 as they are read; slot n lives at v[n % cap].
 * drained <= claimed <= read, and read - drained <= cap. */
typedef struct {
    const dm_ctx *ctx;
    dm_sink *sink;
    slot *v;
    size_t cap;
    size_t read, claimed, drained;
    size_t bytes;   /* raw bytes read and not yet drained (the main thread's alone) */
    int finished;   /* nothing more will be read */
    int waiting;    /* the main thread sleeps until slots `drained` and `wake` are done */
    size_t wake;
    pthread_mutex_t lock;
    pthread_cond_t work; /* a slot was read, or the input ended */
    pthread_cond_t done; /* the slot the main thread waits for was extracted */
} ring;

static void extract_slot(ring *r, slot *sl) {
    dm_input_make(&sl->item);
    if (sl->item.doc) dm_doc_extract(r->ctx, sl->item.doc);
    sl->prepared = r->sink->prepare ? r->sink->prepare(r->sink->user, &sl->item, sl->item.doc) : NULL;
}

static void *worker(void *arg) {
    ring *r = arg;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (r->claimed == r->read && !r->finished) pthread_cond_wait(&r->work, &r->lock);
        if (r->claimed == r->read) break;
        size_t n = r->claimed++;
        slot *sl = &r->v[n % r->cap];
        pthread_mutex_unlock(&r->lock);
        extract_slot(r, sl);
        pthread_mutex_lock(&r->lock);
        sl->done = 1;
        /* Wake the main thread only when a run of documents is ready for it, not
         * for each: when the sink is the faster side (extract), a wake-up per
         * document made 25 times the context switches and extract --jobs 2 a
         * quarter slower. */
        if (r->waiting && r->v[r->wake % r->cap].done && r->v[r->drained % r->cap].done) pthread_cond_signal(&r->done);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Reads while the ring has room (cap slots, or max_bytes of raw text); *more is 0 at the end of the input. */
static void fill(ring *r, dm_input *in, size_t max_bytes, int *more) {
    int added = 0;
    while (*more && r->read - r->drained < r->cap && (r->bytes < max_bytes || r->read == r->drained)) {
        slot *sl = &r->v[r->read % r->cap];
        memset(sl, 0, sizeof *sl);
        if (!dm_input_next(in, &sl->item)) {
            *more = 0;
            break;
        }
        sl->raw_len = sl->item.raw_len;
        r->bytes += sl->raw_len;
        pthread_mutex_lock(&r->lock);
        r->read++;
        pthread_mutex_unlock(&r->lock);
        added++;
    }
    if (!added && (*more || r->finished)) return;
    pthread_mutex_lock(&r->lock);
    if (!*more) r->finished = 1;
    if (added > 1 || r->finished) pthread_cond_broadcast(&r->work);
    else pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->lock);
}

/* Hands one document to the sink (its error reported first) and frees it. */
static void drain(slot *sl, dm_sink *sink, dm_pipeline_stats *st) {
    dm_input_item *it = &sl->item;
    dm_doc *doc = it->doc;
    if (!doc) {
        dm_put_name(it->name);
        fprintf(stderr, ": %s: %s\n", dm_strerror(it->err.code), it->err.msg);
        st->failed++;
    } else {
        st->sentences += dm_doc_sentence_count(doc);
        st->events += dm_doc_event_count(doc);
        st->facts += dm_doc_fact_count(doc);
    }
    sink->item(sink->user, it, doc, sl->prepared);
    sl->prepared = NULL;
    dm_doc_free(doc);
    it->doc = NULL;
    dm_input_item_free(it);
    if (it->last) st->docs++;
}

void dm_pipeline_run(const dm_ctx *ctx, char **paths, int npaths, const dm_pipeline_opts *o, dm_sink *sink,
                     dm_pipeline_stats *st) {
    memset(st, 0, sizeof *st);
    dm_input *in = dm_input_open(paths, npaths);
    int jobs = o->jobs > 1 ? o->jobs : 1;
    int nth = jobs > 1 ? jobs : o->overlap ? 1 : 0;
    /* a batch: what the sink sees between two batch_done calls; the ring holds two */
    size_t batch_docs = (size_t)jobs * (o->batch_docs ? o->batch_docs : 1), batch_bytes = (size_t)jobs * o->batch_bytes;
    ring r = {.ctx = ctx, .sink = sink, .cap = nth ? 2 * batch_docs : 1};
    r.v = calloc(r.cap, sizeof *r.v);
    if (!r.v) dm_die_oom();
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.done, NULL);
    pthread_t th[256];
    for (int k = 0; k < nth; k++) pthread_create(&th[k], NULL, worker, &r);
    int more = 1;
    time_t last = 0;
    size_t since_docs = 0, since_bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        fill(&r, in, 2 * batch_bytes, &more);
        if (r.drained == r.read) break;
        slot *sl = &r.v[r.drained % r.cap];
        size_t raw_len = sl->raw_len;
        if (nth) {
            pthread_mutex_lock(&r.lock);
            /* when it must wait, wait for half a batch (or what is read) */
            size_t run = batch_docs / 2 ? batch_docs / 2 : 1;
            r.wake = r.drained + (run < r.read - r.drained ? run : r.read - r.drained) - 1;
            while (!sl->done) {
                r.waiting = 1;
                pthread_cond_wait(&r.done, &r.lock);
                r.waiting = 0;
            }
            pthread_mutex_unlock(&r.lock);
        } else {
            r.claimed++;
            extract_slot(&r, sl);
        }
        drain(sl, sink, st);
        r.bytes -= raw_len;
        pthread_mutex_lock(&r.lock);
        r.drained++;
        pthread_mutex_unlock(&r.lock);
        since_bytes += raw_len;
        if (++since_docs >= batch_docs || since_bytes >= batch_bytes) {
            if (sink->batch_done) sink->batch_done(sink->user);
            since_docs = since_bytes = 0;
        }
        if (o->progress && time(NULL) != last) {
            last = time(NULL);
            fprintf(stderr, "\rdragoman: %zu documents, %.1f MB", st->docs, dm_input_bytes(in) / 1e6);
        }
    }
    if (since_docs && sink->batch_done) sink->batch_done(sink->user);
    for (int k = 0; k < nth; k++) pthread_join(th[k], NULL);
    if (o->progress && st->docs > 0)
        fprintf(stderr, "\rdragoman: %zu documents, %.1f MB\n", st->docs, dm_input_bytes(in) / 1e6);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    st->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    st->bytes = dm_input_bytes(in);
    pthread_cond_destroy(&r.done);
    pthread_cond_destroy(&r.work);
    pthread_mutex_destroy(&r.lock);
    free(r.v);
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

int dm_cli_count(const char *s, long max, long *out) {
    if (!s) return 0;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 1 || v > max) return 0;
    *out = v;
    return 1;
}

int dm_cli_opts_take(dm_cli_opts *o, const char *cmd, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
        long v;
        if (!dm_cli_count(*i + 1 < argc ? argv[*i + 1] : NULL, 256, &v)) {
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
