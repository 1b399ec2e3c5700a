#include "input.h"
#include "doc.h"
#include "../core/arena.h"
#include "../core/error.h"
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dm_input {
    char **paths; /* files to read, directories expanded */
    size_t npaths, cap, next;
    FILE *jsonl;  /* the .jsonl file being read */
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

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

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
        if (!is_dir && !ends_with(p, ".txt") && !ends_with(p, ".jsonl")) {
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

/* A .jsonl line into a document: errors keep naming FILE:LINE, the output names the id. */
static void make_jsonl(dm_input_item *it) {
    json_error_t je;
    json_t *root = json_loadb(it->raw, it->raw_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!root) {
        dm_error_set(&it->err, DM_ERR_JSON, (size_t)je.position, "invalid JSON at column %d: %s", je.column, je.text);
        return;
    }
    json_t *text = json_object_get(root, "text");
    if (!json_is_object(root) || !json_is_string(text)) {
        dm_error_set(&it->err, DM_ERR_JSON, 0, "expected an object with a \"text\" string");
        json_decref(root);
        return;
    }
    json_t *id = json_object_get(root, "id"), *date = json_object_get(root, "date");
    char num[32];
    const char *doc_name = it->name;
    if (json_is_string(id)) doc_name = json_string_value(id);
    else if (json_is_integer(id)) {
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
        doc_name = num;
    }
    dm_doc_new(doc_name, json_string_value(text), json_string_length(text),
               json_is_string(date) ? json_string_value(date) : NULL, &it->doc, &it->err);
    if (it->doc) {
        /* kept for the knowledge base (documents.title, url, source) */
        static const char *const keys[] = {"title", "url", "source"};
        const char **fields[] = {&it->doc->title, &it->doc->url, &it->doc->source};
        for (int k = 0; k < 3; k++) {
            json_t *v = json_object_get(root, keys[k]);
            if (json_is_string(v))
                *fields[k] = dm_arena_strndup(&it->doc->arena, json_string_value(v), json_string_length(v));
        }
    }
    json_decref(root);
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
        if (ends_with(p, ".jsonl")) {
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
    free(in);
}
