/* dragoman extract: documents in, one JSON line per document out, in input
 * order. With --jobs N, batches of documents are extracted by N threads and
 * written in order, so output does not depend on N. */
#include "../core/arena.h"
#include "../core/buf.h"
#include "../extract/model.h"
#include "../lex/gazetteer.h"
#include "../out/json.h"
#include "cli.h"
#include "../text/input.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

/* Prints a document name on stderr with control characters shown as '?', so a message stays one line. */
static void put_name(const char *s) {
    for (; *s; s++) fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, stderr);
}

static void usage(FILE *f) {
    fputs("usage: dragoman extract [--jobs N] [--format json|text] [--lexicon FILE]... FILES|DIRS|-\n"
          "\n"
          "  FILES       .txt files (one document each) and .jsonl files (one {\"id\",\"text\",\"date\"?}\n"
          "              object per line); directories are read for both; - reads standard input\n"
          "  --jobs N    extract with N threads (output order and bytes do not change)\n"
          "  --format    json (default): JSON Lines as in spec/extract-format.md;\n"
          "              text: a readable summary\n"
          "  --lexicon   add a TSV lexicon (file name starts with countries, cities, orgs,\n"
          "              titles or topics; same columns as data/)\n"
          "  --quiet     no progress line on a terminal\n"
          "  --stats     print documents, bytes, sentences, time, MB/s and peak memory on stderr\n"
          "\n"
          "A document that cannot be read is reported on stderr and skipped; the exit\n"
          "status is then 1.\n",
          f);
}

typedef struct {
    dm_input_item it;
} slot;

typedef struct {
    const dm_ctx *ctx;
    slot *slots;
    size_t n;
    atomic_size_t next;
} batch;

static void *worker(void *arg) {
    batch *b = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n) break;
        dm_input_make(&b->slots[i].it);
        if (b->slots[i].it.doc) dm_doc_extract(b->ctx, b->slots[i].it.doc);
    }
    return NULL;
}

static void write_text(const dm_ctx *ctx, dm_doc *doc, FILE *out) {
    fprintf(out, "== %s", doc->name);
    if (doc->published.y) fprintf(out, " (%04d-%02d-%02d)", doc->published.y, doc->published.m, doc->published.d);
    fputc('\n', out);
    const dm_extraction *x = doc->x;
    for (size_t k = 0; k < x->nevents; k++) {
        const dm_event *e = &x->events[k];
        if (e->dropped) continue;
        fprintf(out, "  %-12s %-8s ", dm_event_kind_name(e->kind), e->status == ST_PLANNED ? "planned" : "occurred");
        if (e->date.from.y) {
            fprintf(out, "%04d", e->date.from.y);
            if (e->date.from.m) fprintf(out, "-%02d", e->date.from.m);
            if (e->date.from.d) fprintf(out, "-%02d", e->date.from.d);
        } else {
            fputs("(no date)", out);
        }
        if (e->city >= 0) fprintf(out, " in %s", ctx->cities[e->city].name);
        else if (e->country >= 0) fprintf(out, " in %s", ctx->countries[e->country].name);
        fputs(":", out);
        for (int p = 0; p < e->nparts; p++) {
            const dm_part *pt = &e->parts[p];
            fputs(p ? "; " : " ", out);
            if (pt->kind == P_PERSON) {
                const dm_person *q = &x->people[pt->id];
                fprintf(out, "%s", q->name);
                if (q->country >= 0) fprintf(out, " (%s", ctx->countries[q->country].code);
                else if (q->org >= 0) fprintf(out, " (%s", ctx->orgs[q->org].code);
                else fputs(" (?", out);
                fprintf(out, ", %s)", DM_ROLE_NAMES[q->role ? q->role : R_OFFICIAL]);
            } else if (pt->kind == P_COUNTRY) {
                fprintf(out, "%s", ctx->countries[pt->id].name);
            } else {
                fprintf(out, "%s", ctx->orgs[pt->id].code);
            }
        }
        int first = 1;
        for (int t = 0; t < DM_NTOPICS; t++)
            if (e->topics & (1u << t)) {
                fprintf(out, "%s%s", first ? "  [" : ", ", DM_TOPIC_NAMES[t]);
                first = 0;
            }
        if (!first) fputc(']', out);
        fputc('\n', out);
    }
    for (size_t k = 0; k < x->nfacts; k++) {
        const dm_fact *f = &x->facts[k];
        double v = f->value;
        const char *scale = v >= 1e9 ? " billion" : v >= 1e6 ? " million" : "";
        double shown = v >= 1e9 ? v / 1e9 : v >= 1e6 ? v / 1e6 : v;
        fprintf(out, "  %-14s %s-%s %s%g%s %s", dm_metric_name(f->metric), ctx->countries[f->parties[0]].code,
                ctx->countries[f->parties[1]].code,
                f->qualifier == '>' ? "over " : f->qualifier == '<' ? "nearly " : f->qualifier == '~' ? "about " : "",
                shown, scale, f->unit[0] ? f->unit : "");
        if (f->year) fprintf(out, " in %d", f->year);
        if (f->has_change) fprintf(out, " (%+.1f%%)", f->change);
        fputc('\n', out);
    }
}

/* Reads up to cap documents or cap_bytes of text into b; *more is 0 at the end of the input. */
static void read_batch(dm_input *in, batch *b, size_t cap, size_t cap_bytes, int *more) {
    b->n = 0;
    size_t bytes = 0;
    while (b->n < cap && bytes < cap_bytes) {
        slot *s = &b->slots[b->n];
        memset(s, 0, sizeof *s);
        if (!dm_input_next(in, &s->it)) {
            *more = 0;
            break;
        }
        bytes += s->it.raw_len;
        b->n++;
    }
}

/* The output side: counts, and a document written in parts whose object stays open. */
typedef struct {
    const dm_ctx *ctx;
    int text;
    int failed;
    int open_doc;
    int first_event, first_fact;
    dm_buf line, pending;
    size_t docs, sentences, events, facts;
} writer;

/* Writes a batch's documents in order (or their errors) and frees them. */
static void write_batch(writer *w, batch *b) {
    for (size_t i = 0; i < b->n; i++) {
        slot *s = &b->slots[i];
        dm_doc *doc = s->it.doc;
        if (!doc) {
            fputs("dragoman: ", stderr);
            put_name(s->it.name);
            fprintf(stderr, ": %s: %s\n", dm_strerror(s->it.err.code), s->it.err.msg);
            w->failed = 1;
        } else {
            w->sentences += dm_doc_sentence_count(doc);
            w->events += dm_doc_event_count(doc);
            w->facts += dm_doc_fact_count(doc);
            if (w->text) {
                write_text(w->ctx, doc, stdout);
            } else if (s->it.part == 0 && s->it.last) {
                size_t n;
                const char *j = dm_doc_json(doc, &n);
                fwrite(j, 1, n, stdout);
            } else {
                w->line.len = 0;
                if (s->it.part == 0) {
                    dm_json_write_head(doc, &w->line);
                    dm_buf_puts(&w->line, ",\"events\":[");
                    w->open_doc = 1;
                    w->first_event = w->first_fact = 1;
                    w->pending.len = 0;
                }
                dm_json_write_events(w->ctx, doc, s->it.base, &w->line, &w->first_event);
                dm_json_write_facts(w->ctx, doc, s->it.base, &w->pending, &w->first_fact);
                fwrite(w->line.data, 1, w->line.len, stdout);
            }
            dm_doc_free(doc);
        }
        if (w->open_doc && s->it.last) {
            fputs("],\"facts\":[", stdout);
            if (w->pending.len) fwrite(w->pending.data, 1, w->pending.len, stdout);
            fputs("]}\n", stdout);
            w->open_doc = 0;
        }
        dm_input_item_free(&s->it);
        if (s->it.last) w->docs++;
    }
    b->n = 0;
}

int dm_cmd_extract(int argc, char **argv) {
    int jobs = 1, text = 0, quiet = 0, stats = 0;
    char **lex = calloc((size_t)argc, sizeof *lex);
    char **paths = calloc((size_t)argc, sizeof *paths);
    int nlex = 0, npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            free(lex);
            free(paths);
            return 0;
        } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
            char *end = NULL;
            long v = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : 0;
            if (i + 1 >= argc || !end || *end || end == argv[i + 1] || v < 1 || v > 256) {
                fprintf(stderr, "dragoman extract: --jobs needs a whole number of threads from 1 to 256\n");
                free(lex);
                free(paths);
                return 2;
            }
            jobs = (int)v;
            i++;
        } else if (!strcmp(a, "--format")) {
            if (i + 1 >= argc || (strcmp(argv[i + 1], "json") && strcmp(argv[i + 1], "text"))) {
                fprintf(stderr, "dragoman extract: --format takes json or text\n");
                free(lex);
                free(paths);
                return 2;
            }
            text = !strcmp(argv[++i], "text");
        } else if (!strcmp(a, "--lexicon")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dragoman extract: --lexicon needs a file\n");
                free(lex);
                free(paths);
                return 2;
            }
            lex[nlex++] = argv[++i];
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dragoman extract: unknown option '%s' (see dragoman extract --help)\n", a);
            free(lex);
            free(paths);
            return 2;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (!npaths) {
        usage(stderr);
        free(lex);
        free(paths);
        return 2;
    }
    dm_ctx *ctx = dm_cli_context(lex, nlex);
    free(lex);
    if (!ctx) {
        free(paths);
        return 1;
    }
    dm_input *in = dm_input_open(paths, npaths);
    int progress = !quiet && isatty(2);
    /* a batch: up to 256 documents a thread, or 1 MB of text a thread, whichever comes first */
    size_t cap = jobs > 1 ? (size_t)jobs * 256 : 1, cap_bytes = (size_t)jobs << 20;
    /* with threads, three batches turn: one extracted, the one before written, the next read */
    batch bt[3];
    for (int k = 0; k < 3; k++) {
        bt[k] = (batch){ctx, calloc(cap, sizeof(slot)), 0, 0};
        if (!bt[k].slots) dm_die_oom();
    }
    writer w = {0};
    w.ctx = ctx;
    w.text = text;
    w.first_event = w.first_fact = 1;
    dm_buf_init(&w.line);
    dm_buf_init(&w.pending);
    int more = 1;
    time_t last = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* stdout is written through one large buffer */
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    batch *cur = &bt[0], *prev = &bt[1], *next = &bt[2];
    read_batch(in, cur, cap, cap_bytes, &more);
    while (cur->n) {
        pthread_t th[256];
        int nth = jobs > 1 ? jobs : 0;
        atomic_store(&cur->next, 0);
        for (int k = 0; k < nth; k++) pthread_create(&th[k], NULL, worker, cur);
        if (!nth) worker(cur);
        write_batch(&w, prev); /* while the workers extract */
        if (more) read_batch(in, next, cap, cap_bytes, &more);
        else next->n = 0;
        for (int k = 0; k < nth; k++) pthread_join(th[k], NULL);
        batch *done = cur;
        cur = next;
        next = prev;
        prev = done;
        if (progress && time(NULL) != last) {
            last = time(NULL);
            fprintf(stderr, "\rdragoman: %zu documents, %.1f MB", w.docs, dm_input_bytes(in) / 1e6);
        }
    }
    write_batch(&w, prev);
    int failed = w.failed;
    size_t docs = w.docs, sentences = w.sentences, events = w.events, facts = w.facts;
    if (progress && docs > 0) fprintf(stderr, "\rdragoman: %zu documents, %.1f MB\n", docs, dm_input_bytes(in) / 1e6);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (stats) {
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        double mb = dm_input_bytes(in) / 1e6;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "dragoman: stats: documents=%zu bytes=%zu sentences=%zu events=%zu facts=%zu seconds=%.3f "
                "mb_per_s=%.2f sentences_per_s=%.0f peak_rss_mb=%.1f jobs=%d\n",
                docs, dm_input_bytes(in), sentences, events, facts, secs, secs > 0 ? mb / secs : 0,
                secs > 0 ? sentences / secs : 0, ru.ru_maxrss / 1024.0, jobs);
    }
    dm_buf_free(&w.line);
    dm_buf_free(&w.pending);
    for (int k = 0; k < 3; k++) free(bt[k].slots);
    fflush(stdout);
    free(paths);
    dm_input_close(in);
    dm_ctx_free(ctx);
    return failed;
}
