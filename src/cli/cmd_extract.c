/* dragoman extract: documents in, one JSON line per document out, in input
 * order (the shared pipeline, pipeline.h, keeps the order whatever --jobs). */
#include "../core/arena.h"
#include "../core/buf.h"
#include "../extract/facts.h"
#include "../extract/model.h"
#include "../lex/gazetteer.h"
#include "../out/json.h"
#include "cli.h"
#include "pipeline.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
        fprintf(out, "  %-14s %s-%s %s%g%s %s", dm_metric_name(f->metric), dm_party_code(ctx, f->parties[0]),
                dm_party_code(ctx, f->parties[1]),
                f->qualifier == '>' ? "over " : f->qualifier == '<' ? "nearly " : f->qualifier == '~' ? "about " : "",
                shown, scale, f->unit[0] ? f->unit : "");
        if (f->year) fprintf(out, " in %d", f->year);
        if (f->has_change) fprintf(out, " (%+.1f%%)", f->change);
        fputc('\n', out);
    }
}

/* The sink of extract: each document's JSON line (or text summary) on stdout.
 * A one-part document's line was made by its worker; a huge document's line
 * is written part by part so memory does not grow with it. */
typedef struct {
    const dm_ctx *ctx;
    int text;
    int open_doc;
    dm_json_parts parts;
    dm_buf line;
} writer;

static void write_item(void *user, const dm_input_item *it, dm_doc *doc, void *prepared) {
    (void)prepared;
    writer *w = user;
    if (doc) {
        if (w->text) {
            write_text(w->ctx, doc, stdout);
        } else if (it->part == 0 && it->last) {
            size_t n;
            const char *j = dm_doc_json(doc, &n);
            fwrite(j, 1, n, stdout);
        } else {
            w->line.len = 0;
            dm_json_parts_add(w->ctx, &w->parts, doc, it->base, it->part, it->last, &w->line);
            w->open_doc = !it->last;
            fwrite(w->line.data, 1, w->line.len, stdout);
        }
    } else if (w->open_doc && it->last) {
        /* the last part failed: close the line the earlier parts opened */
        w->line.len = 0;
        dm_json_parts_end(&w->parts, &w->line);
        fwrite(w->line.data, 1, w->line.len, stdout);
        w->open_doc = 0;
    }
}

/* extract's own option: --format json|text */
static int extract_option(void *user, int argc, char **argv, int *i) {
    if (strcmp(argv[*i], "--format")) return 0;
    if (*i + 1 >= argc || (strcmp(argv[*i + 1], "json") && strcmp(argv[*i + 1], "text"))) {
        fprintf(stderr, "dragoman extract: --format takes json or text\n");
        return -1;
    }
    *(int *)user = !strcmp(argv[++*i], "text");
    return 1;
}

int dm_cmd_extract(int argc, char **argv) {
    int text = 0;
    dm_cli_opts o;
    int rc = dm_cli_opts_parse(&o, "extract", argc, argv, usage, extract_option, &text);
    if (rc >= 0) return rc;
    dm_ctx *ctx = dm_cli_context(o.lexicons, o.nlexicons);
    if (!ctx) {
        dm_cli_opts_free(&o);
        return 1;
    }
    writer w = {0};
    w.ctx = ctx;
    w.text = text;
    dm_json_parts_init(&w.parts);
    dm_buf_init(&w.line);
    /* stdout is written through one large buffer */
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    /* a batch: 256 documents or 1 MB of text a thread; with one thread, one document at a time (streaming) */
    dm_pipeline_opts po = {o.jobs, !o.quiet && isatty(2), o.jobs > 1 ? 256 : 1, (size_t)1 << 20, 0};
    dm_sink sink = {write_item, NULL, NULL, &w};
    dm_pipeline_stats st;
    dm_pipeline_run(ctx, o.paths, o.npaths, &po, &sink, &st);
    if (o.stats) dm_pipeline_print_stats(&st, o.jobs);
    dm_buf_free(&w.line);
    dm_json_parts_free(&w.parts);
    fflush(stdout);
    int jobs_failed = st.failed > 0;
    dm_cli_opts_free(&o);
    dm_ctx_free(ctx);
    return jobs_failed;
}
