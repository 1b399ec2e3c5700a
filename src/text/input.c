#include "input.h"
#include "doc.h"
#include "../core/arena.h"
#include "../core/error.h"
#include "../core/words.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <yajl/yajl_parse.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dm_input {
    char **paths; /* files to read, directories expanded */
    size_t npaths, cap, next;
    FILE *jsonl;  /* the .jsonl file being read */
    char *jsonl_buf; /* its stdio buffer */
    const char *jsonl_path;
    size_t lineno;
    char *line;
    size_t line_cap;
    char name[512];
    size_t bytes;
    FILE *big;         /* a huge text file being read in parts */
    size_t big_off;    /* bytes of it already given out */
    int big_part;
    char *carry;       /* bytes read past the last cut */
    size_t carry_len;
    char big_date[16]; /* its crawler date, for the later parts */
};

#define JSONL_BUFFER ((size_t)1 << 18)

static void add_path(dm_input *in, const char *p) {
    if (in->npaths == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->paths = dm_xrealloc(in->paths, in->cap * sizeof *in->paths);
    }
    size_t n = strlen(p);
    in->paths[in->npaths] = dm_xmalloc(n + 1);
    memcpy(in->paths[in->npaths++], p, n + 1);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_dir(dm_input *in, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        add_path(in, dir); /* reported when read */
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = dm_xmalloc(len);
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat st;
        int is_dir = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
        if (!is_dir && !dm_ends_with(p, ".txt") && !dm_ends_with(p, ".jsonl")) {
            free(p);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = dm_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = p;
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) add_dir(in, names[i]);
        else add_path(in, names[i]);
        free(names[i]);
    }
    free(names);
}

dm_input *dm_input_open(char **paths, int npaths) {
    dm_input *in = calloc(1, sizeof *in);
    if (!in) dm_die_oom();
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) add_dir(in, paths[i]);
        else add_path(in, paths[i]);
    }
    return in;
}

size_t dm_input_bytes(const dm_input *in) { return in->bytes; }

static const char *basename_of(const char *p) {
    const char *b = strrchr(p, '/');
    return b ? b + 1 : p;
}

/* Reads a whole file (or stdin) up to the document limit. */
static char *slurp(FILE *f, size_t *len, int *too_long) {
    size_t cap = 65536, n = 0;
    char *buf = dm_xmalloc(cap);
    *too_long = 0;
    for (;;) {
        if (n == cap) {
            if (cap > DM_MAX_DOC) {
                *too_long = 1;
                break;
            }
            cap *= 2;
            buf = dm_xrealloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    *len = n;
    return buf;
}

/* One line of the .jsonl file into in->line, at most DM_MAX_LINE bytes; a longer
 * line is skipped to its end. Returns -1 at EOF, 0 for a line, 1 for a too-long one. */
static int read_line(dm_input *in, size_t *len) {
    size_t n = 0;
    int over = 0, any = 0;
    char chunk[1 << 16];
    /* fgets reads up to a line break with memchr-speed scans; a long line comes in pieces */
    while (fgets(chunk, sizeof chunk, in->jsonl)) {
        any = 1;
        size_t k = strlen(chunk); /* an embedded NUL ends the piece early: JSON text has none */
        in->bytes += k;
        int eol = k > 0 && chunk[k - 1] == '\n';
        if (eol) k--;
        if (!over) {
            if (n + k + 1 > DM_MAX_LINE + 1) {
                over = 1;
            } else {
                if (n + k + 1 > in->line_cap) {
                    size_t cap = in->line_cap ? in->line_cap : 65536;
                    while (cap < n + k + 1) cap *= 2;
                    in->line = dm_xrealloc(in->line, cap);
                    in->line_cap = cap;
                }
                memcpy(in->line + n, chunk, k);
                n += k;
            }
        }
        if (eol) break;
    }
    if (!any) return -1;
    *len = n;
    return over;
}

static char *dup_bytes(const char *p, size_t n) {
    char *q = dm_xmalloc(n + 1);
    memcpy(q, p, n);
    q[n] = 0;
    return q;
}

static int next_jsonl(dm_input *in, dm_input_item *it) {
    for (;;) {
        size_t len;
        int r = read_line(in, &len);
        if (r < 0) {
            fclose(in->jsonl);
            in->jsonl = NULL;
            return 0;
        }
        in->lineno++;
        snprintf(in->name, sizeof in->name, "%s:%zu", basename_of(in->jsonl_path), in->lineno);
        if (r == 1) {
            it->name = dup_bytes(in->name, strlen(in->name));
            dm_error_set(&it->err, DM_ERR_TOO_LONG, 0, "line exceeds the limit of %zu bytes", (size_t)DM_MAX_LINE);
            return 1;
        }
        size_t k = 0;
        while (k < len && (in->line[k] == ' ' || in->line[k] == '\t' || in->line[k] == '\r')) k++;
        if (k == len) continue; /* blank lines between documents are fine */
        it->name = dup_bytes(in->name, strlen(in->name));
        it->raw_kind = 2;
        it->raw = dup_bytes(in->line, len);
        it->raw_len = len;
        return 1;
    }
}

/* A .jsonl line is parsed with yajl's event callbacks: only the top-level
 * fields we use are kept, and no tree is built (jansson's loader ran at about
 * 50 MB/s on news lines, a third of all extraction time; yajl at over 600). */
typedef struct {
    int depth;          /* containers open: 1 inside the top-level object */
    int key;            /* the top-level key whose value comes next, J_* */
    unsigned seen;      /* keys met, for duplicates */
    const char *error;  /* our own reason to stop, or NULL */
    char *text;         /* "text", copied (yajl's buffer lives only during a callback) */
    size_t text_len;
    char *id;           /* "id" as a string or an integer, or NULL */
    char date[64];      /* "date" (its first 63 bytes are enough for any ISO date) */
    char *extra[3];     /* "title", "url", "source" (by key - J_TITLE), or NULL */
    size_t extra_len[3];
} jsonl_fields;

enum { J_OTHER = 0, J_ID, J_TEXT, J_DATE, J_TITLE, J_URL, J_SOURCE };

static int j_value(jsonl_fields *f, int is_string) {
    if (f->depth == 0) {
        f->error = "expected an object with a \"text\" string";
        return 0;
    }
    if (f->depth == 1 && f->key == J_TEXT && !is_string) {
        f->error = "expected an object with a \"text\" string";
        return 0;
    }
    return 1;
}

static int j_null(void *ctx) { return j_value(ctx, 0); }
static int j_boolean(void *ctx, int b) { return j_value(ctx, 0); }
static int j_double(void *ctx, double d) { return j_value(ctx, 0); }

static int j_integer(void *ctx, long long v) {
    jsonl_fields *f = ctx;
    if (!j_value(f, 0)) return 0;
    if (f->depth == 1 && f->key == J_ID) {
        char num[32];
        snprintf(num, sizeof num, "%lld", v);
        free(f->id);
        f->id = dm_xmalloc(strlen(num) + 1);
        strcpy(f->id, num);
    }
    return 1;
}

static int j_string(void *ctx, const unsigned char *s, size_t n) {
    jsonl_fields *f = ctx;
    if (!j_value(f, 1)) return 0;
    if (f->depth != 1) return 1;
    if (f->key == J_TEXT) {
        f->text = dm_xmalloc(n + 1);
        memcpy(f->text, s, n);
        f->text[n] = 0;
        f->text_len = n;
    } else if (f->key == J_ID) {
        free(f->id);
        f->id = dm_xmalloc(n + 1);
        memcpy(f->id, s, n);
        f->id[n] = 0;
    } else if (f->key == J_DATE) {
        size_t k = n < sizeof f->date - 1 ? n : sizeof f->date - 1;
        memcpy(f->date, s, k);
        f->date[k] = 0;
    } else if (f->key >= J_TITLE) {
        char **x = &f->extra[f->key - J_TITLE];
        free(*x);
        *x = dm_xmalloc(n + 1);
        memcpy(*x, s, n);
        (*x)[n] = 0;
        f->extra_len[f->key - J_TITLE] = n;
    }
    return 1;
}

static int j_map_key(void *ctx, const unsigned char *s, size_t n) {
    jsonl_fields *f = ctx;
    if (f->depth != 1) return 1;
    f->key = n == 2 && !memcmp(s, "id", 2)     ? J_ID
             : n == 4 && !memcmp(s, "text", 4) ? J_TEXT
             : n == 4 && !memcmp(s, "date", 4) ? J_DATE
             : n == 5 && !memcmp(s, "title", 5) ? J_TITLE
             : n == 3 && !memcmp(s, "url", 3)    ? J_URL
             : n == 6 && !memcmp(s, "source", 6) ? J_SOURCE
                                                : J_OTHER;
    if (f->key != J_OTHER) {
        if (f->seen & (1u << f->key)) {
            f->error = "a key appears twice in the object";
            return 0;
        }
        f->seen |= 1u << f->key;
    }
    return 1;
}

static int j_open(void *ctx) {
    jsonl_fields *f = ctx;
    if (f->depth == 1 && f->key == J_TEXT) return j_value(f, 0);
    f->depth++;
    return 1;
}

static int j_open_array(void *ctx) {
    jsonl_fields *f = ctx;
    if (f->depth == 0) return j_value(f, 0); /* a top-level array */
    return j_open(ctx);
}

static int j_close(void *ctx) {
    ((jsonl_fields *)ctx)->depth--;
    return 1;
}

static const yajl_callbacks JSONL_CALLBACKS = {
    .yajl_null = j_null,
    .yajl_boolean = j_boolean,
    .yajl_integer = j_integer,
    .yajl_double = j_double,
    .yajl_string = j_string,
    .yajl_start_map = j_open,
    .yajl_map_key = j_map_key,
    .yajl_end_map = j_close,
    .yajl_start_array = j_open_array,
    .yajl_end_array = j_close,
};

/* A .jsonl line into a document: errors keep naming FILE:LINE, the output names the id. */
static void make_jsonl(dm_input_item *it) {
    jsonl_fields f = {0};
    yajl_handle h = yajl_alloc(&JSONL_CALLBACKS, NULL, &f);
    if (!h) dm_die_oom();
    yajl_status st = yajl_parse(h, (const unsigned char *)it->raw, it->raw_len);
    size_t pos = yajl_get_bytes_consumed(h);
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(h); /* fails when the line ends inside a value */
        pos = it->raw_len;
    }
    if (st != yajl_status_ok || !f.text) {
        if (f.error || st == yajl_status_ok)
            dm_error_set(&it->err, DM_ERR_JSON, 0, "%s", f.error ? f.error : "expected an object with a \"text\" string");
        else {
            unsigned char *why = yajl_get_error(h, 0, NULL, 0);
            size_t n = why ? strlen((const char *)why) : 0;
            while (n && (why[n - 1] == '\n' || why[n - 1] == '.' || why[n - 1] == ' ')) why[--n] = 0;
            dm_error_set(&it->err, DM_ERR_JSON, pos, "near byte %zu: %s", pos,
                         n ? (const char *)why : "parse error");
            yajl_free_error(h, why);
        }
        yajl_free(h);
        free(f.text);
        free(f.id);
        for (int k = 0; k < 3; k++) free(f.extra[k]);
        return;
    }
    yajl_free(h);
    dm_doc_new(f.id ? f.id : it->name, f.text, f.text_len, f.date[0] ? f.date : NULL, &it->doc, &it->err);
    if (it->doc) {
        /* kept for the knowledge base (documents.title, url, source) */
        const char **fields[] = {&it->doc->title, &it->doc->url, &it->doc->source};
        for (int k = 0; k < 3; k++)
            if (f.extra[k]) *fields[k] = dm_arena_strndup(&it->doc->arena, f.extra[k], f.extra_len[k]);
    }
    free(f.text);
    free(f.id);
    for (int k = 0; k < 3; k++) free(f.extra[k]);
}

void dm_input_make(dm_input_item *it) {
    if (it->raw_kind == 2) make_jsonl(it);
    else if (it->raw_kind == 1)
        dm_doc_new(it->name, it->raw, it->raw_len, it->date[0] ? it->date : NULL, &it->doc, &it->err);
    free(it->raw);
    it->raw = NULL;
    it->raw_kind = 0;
}

void dm_input_item_free(dm_input_item *it) {
    free(it->raw);
    free(it->name);
    it->raw = it->name = NULL;
}

/* The next part of a huge text file: up to DM_PART_BYTES, cut after the last
 * blank line (or line break) in it. */
static int next_part(dm_input *in, dm_input_item *it) {
    size_t cap = DM_PART_BYTES + 1;
    char *buf = dm_xmalloc(cap);
    size_t n = 0;
    if (in->carry_len) {
        memcpy(buf, in->carry, in->carry_len);
        n = in->carry_len;
        in->carry_len = 0;
    }
    n += fread(buf + n, 1, DM_PART_BYTES - n, in->big);
    int eof = n < DM_PART_BYTES;
    if (!eof) {
        int c = getc(in->big);
        if (c == EOF) eof = 1;
        else ungetc(c, in->big);
    }
    size_t cut = n;
    if (!eof) {
        /* a paragraph break in the second half, else a line break, else the whole buffer */
        size_t k = n;
        while (k > n / 2 && !(buf[k - 1] == '\n' && k >= 2 && buf[k - 2] == '\n')) k--;
        if (k <= n / 2) {
            k = n;
            while (k > 0 && buf[k - 1] != '\n') k--;
        }
        if (k > 0) cut = k;
        in->carry = dm_xrealloc(in->carry, n - cut + 1);
        memcpy(in->carry, buf + cut, n - cut);
        in->carry_len = n - cut;
    }
    it->base = in->big_off;
    it->part = in->big_part++;
    it->last = eof;
    it->name = dup_bytes(in->name, strlen(in->name));
    in->big_off += cut;
    in->bytes += cut;
    if (it->part == 0 && cut > 16 && !memcmp(buf + (buf[0] == ' '), "date ", 5)) {
        const char *d = buf + (buf[0] == ' ') + 5;
        memcpy(in->big_date, d, 10);
        in->big_date[10] = 0;
    }
    it->raw_kind = 1;
    it->raw = buf; /* the cut is where the text ends; the bytes after it went to the carry */
    it->raw_len = cut;
    memcpy(it->date, in->big_date, sizeof it->date);
    if (eof) {
        fclose(in->big);
        in->big = NULL;
    }
    return 1;
}

/* A whole file (or standard input) as the item's raw text, or an error when it is too long. */
static void take_text(dm_input *in, dm_input_item *it, FILE *f, const char *what) {
    size_t len;
    int too_long;
    char *text = slurp(f, &len, &too_long);
    in->bytes += len;
    if (too_long) {
        dm_error_set(&it->err, DM_ERR_TOO_LONG, 0, "%s exceeds %zu bytes", what, (size_t)DM_MAX_DOC);
        free(text);
        return;
    }
    it->raw_kind = 1;
    it->raw = text;
    it->raw_len = len;
}

int dm_input_next(dm_input *in, dm_input_item *it) {
    memset(it, 0, sizeof *it);
    it->last = 1;
    dm_error *err = &it->err;
    for (;;) {
        if (in->big) return next_part(in, it);
        if (in->jsonl) {
            if (next_jsonl(in, it)) return 1;
            continue;
        }
        if (in->next >= in->npaths) return 0;
        const char *p = in->paths[in->next++];
        snprintf(in->name, sizeof in->name, "%s", strcmp(p, "-") ? basename_of(p) : "-");
        it->name = dup_bytes(in->name, strlen(in->name));
        if (!strcmp(p, "-")) {
            take_text(in, it, stdin, "standard input");
            return 1;
        }
        FILE *f = fopen(p, "rb");
        if (!f) {
            dm_error_set(err, DM_ERR_IO, 0, "cannot open: %s (check the path and permissions)", strerror(errno));
            return 1;
        }
        if (dm_ends_with(p, ".jsonl")) {
            /* read 256 KB at a time: a system call for each 4 KB was a tenth of the time spent on reading */
            if (!in->jsonl_buf) in->jsonl_buf = dm_xmalloc(JSONL_BUFFER);
            setvbuf(f, in->jsonl_buf, _IOFBF, JSONL_BUFFER);
            in->jsonl = f;
            in->jsonl_path = p;
            in->lineno = 0;
            free(it->name); /* each line gets its own */
            it->name = NULL;
            continue;
        }
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > DM_PART_BYTES) {
            /* a line over the limit fails the whole document before any part is written */
            size_t line = 0, at = 0, longest_at = 0, longest = 0;
            char chunk[1 << 16];
            size_t r;
            while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
                for (size_t k = 0; k < r; k++, at++) {
                    if (chunk[k] == '\n') {
                        line = 0;
                        continue;
                    }
                    if (++line > longest) longest = line, longest_at = at + 1 - line;
                }
            }
            if (longest > DM_MAX_LINE) {
                fclose(f);
                in->bytes += (size_t)st.st_size;
                dm_error_set(err, DM_ERR_TOO_LONG, longest_at, "line of %zu bytes at byte %zu exceeds the limit of %zu",
                             longest, longest_at, (size_t)DM_MAX_LINE);
                return 1;
            }
            rewind(f);
            free(it->name); /* each part gets its own */
            it->name = NULL;
            in->big = f;
            in->big_off = 0;
            in->big_part = 0;
            in->big_date[0] = 0;
            continue;
        }
        take_text(in, it, f, "file");
        fclose(f);
        return 1;
    }
}

void dm_input_close(dm_input *in) {
    if (!in) return;
    if (in->jsonl) fclose(in->jsonl);
    if (in->big) fclose(in->big);
    free(in->carry);
    for (size_t i = 0; i < in->npaths; i++) free(in->paths[i]);
    free(in->paths);
    free(in->line);
    free(in->jsonl_buf); /* after the fclose that used it */
    free(in);
}
