/* Result sets and their writers (see rows.h). */
#include "rows.h"
#include "../core/arena.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void dm_rows_init(dm_rows *r) { memset(r, 0, sizeof *r); }

void dm_rows_free(dm_rows *r) {
    for (size_t i = 0; i < r->nrows * r->ncols; i++) free(r->cells[i].text);
    for (size_t c = 0; c < r->ncols; c++) free(r->names[c]);
    free(r->cells);
    free(r->names);
    free(r->flags);
    dm_rows_init(r);
}

static char *copy_str(const char *s) {
    size_t n = strlen(s);
    char *d = dm_xmalloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

void dm_rows_set_columns(dm_rows *r, size_t ncols, const char *const *names) {
    r->ncols = ncols;
    r->names = dm_xmalloc(ncols * sizeof *r->names);
    r->flags = dm_xmalloc(ncols ? ncols : 1);
    for (size_t c = 0; c < ncols; c++) {
        r->names[c] = copy_str(names[c]);
        r->flags[c] = 0;
    }
}

int dm_rows_col(const dm_rows *r, const char *name) {
    for (size_t c = 0; c < r->ncols; c++)
        if (!strcmp(r->names[c], name)) return (int)c;
    return -1;
}

void dm_rows_mark_json(dm_rows *r, const char *name) {
    int c = dm_rows_col(r, name);
    if (c >= 0) r->flags[c] |= DM_COL_JSON;
}

size_t dm_rows_add(dm_rows *r) {
    if (r->nrows == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->cells = dm_xrealloc(r->cells, r->cap * (r->ncols ? r->ncols : 1) * sizeof *r->cells);
    }
    dm_cell *row = r->cells + r->nrows * r->ncols;
    for (size_t c = 0; c < r->ncols; c++) row[c] = (dm_cell){DM_CELL_NULL, NULL};
    return r->nrows++;
}

static dm_cell *cell_at(dm_rows *r, size_t row, size_t col) {
    dm_cell *cell = &r->cells[row * r->ncols + col];
    free(cell->text);
    cell->text = NULL;
    cell->type = DM_CELL_NULL;
    return cell;
}

void dm_rows_set_text(dm_rows *r, size_t row, size_t col, const char *s) {
    dm_cell *cell = cell_at(r, row, col);
    if (!s) return;
    cell->type = DM_CELL_TEXT;
    cell->text = copy_str(s);
}

void dm_rows_set_int(dm_rows *r, size_t row, size_t col, long long v) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", v);
    dm_cell *cell = cell_at(r, row, col);
    cell->type = DM_CELL_INT;
    cell->text = copy_str(tmp);
}

void dm_rows_set_real(dm_rows *r, size_t row, size_t col, double v) {
    dm_cell *cell = cell_at(r, row, col);
    if (!isfinite(v)) return; /* JSON has no NaN or infinity: such a value is unknown */
    char tmp[64];
    dm_format_number(v, tmp);
    cell->type = DM_CELL_REAL;
    cell->text = copy_str(tmp);
}

const dm_cell *dm_rows_cell(const dm_rows *r, size_t row, size_t col) { return &r->cells[row * r->ncols + col]; }

const char *dm_rows_get(const dm_rows *r, size_t row, const char *col) {
    int c = dm_rows_col(r, col);
    return c < 0 || row >= r->nrows ? NULL : dm_rows_cell(r, row, (size_t)c)->text;
}

void dm_format_number(double v, char out[64]) {
    if (!isfinite(v)) {
        snprintf(out, 64, "null");
    } else if (v == floor(v) && fabs(v) < 1e21) {
        snprintf(out, 64, "%.0f", v);
    } else {
        /* the shortest of %.1f .. %.15f that reads back as the same double */
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(out, 64, "%.*f", prec, v);
            if (strtod(out, NULL) == v) break;
        }
        size_t n = strlen(out);
        while (n > 1 && out[n - 1] == '0') out[--n] = 0;
        if (n > 1 && out[n - 1] == '.') out[--n] = 0;
    }
    if (!strcmp(out, "-0")) snprintf(out, 64, "0");
}

int dm_format_parse(const char *s, dm_format *f) {
    static const struct {
        const char *name;
        dm_format fmt;
    } names[] = {{"table", DM_FMT_TABLE}, {"json", DM_FMT_JSON}, {"jsonl", DM_FMT_JSONL},
                 {"csv", DM_FMT_CSV},     {"tsv", DM_FMT_TSV}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].name)) {
            *f = names[i].fmt;
            return 1;
        }
    return 0;
}

/* ---- JSON ---------------------------------------------------------------- */

void dm_rows_write_object(const dm_rows *r, size_t row, dm_buf *out) {
    dm_buf_putc(out, '{');
    for (size_t c = 0; c < r->ncols; c++) {
        const dm_cell *cell = dm_rows_cell(r, row, c);
        if (c) dm_buf_putc(out, ',');
        dm_buf_json_str(out, r->names[c], strlen(r->names[c]));
        dm_buf_putc(out, ':');
        if (cell->type == DM_CELL_NULL)
            dm_buf_puts(out, (r->flags[c] & DM_COL_JSON) ? "[]" : "null");
        else if (cell->type == DM_CELL_TEXT && !(r->flags[c] & DM_COL_JSON))
            dm_buf_json_str(out, cell->text, strlen(cell->text));
        else
            dm_buf_puts(out, cell->text); /* numbers and JSON text as they are */
    }
    dm_buf_putc(out, '}');
}

void dm_rows_write_array(const dm_rows *r, dm_buf *out) {
    dm_buf_putc(out, '[');
    for (size_t i = 0; i < r->nrows; i++) {
        if (i) dm_buf_putc(out, ',');
        dm_rows_write_object(r, i, out);
    }
    dm_buf_putc(out, ']');
}

static void write_json(const dm_rows *r, int lines, dm_buf *out) {
    if (!lines) dm_buf_puts(out, r->nrows ? "[\n" : "[");
    for (size_t i = 0; i < r->nrows; i++) {
        dm_rows_write_object(r, i, out);
        dm_buf_puts(out, lines || i + 1 == r->nrows ? "\n" : ",\n");
    }
    if (!lines) dm_buf_puts(out, "]\n");
}

/* ---- CSV and TSV ---------------------------------------------------------- */

/* RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. */
static void csv_field(const char *s, dm_buf *out) {
    if (!strpbrk(s, ",\"\r\n")) {
        dm_buf_puts(out, s);
        return;
    }
    dm_buf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"') dm_buf_putc(out, '"');
        dm_buf_putc(out, *s);
    }
    dm_buf_putc(out, '"');
}

/* TSV (IANA text/tab-separated-values) cannot quote: tabs, line breaks and
 * backslashes are written as \t \n \r \\ so every record stays one line. */
static void tsv_field(const char *s, dm_buf *out) {
    for (; *s; s++) {
        switch (*s) {
        case '\t': dm_buf_puts(out, "\\t"); break;
        case '\n': dm_buf_puts(out, "\\n"); break;
        case '\r': dm_buf_puts(out, "\\r"); break;
        case '\\': dm_buf_puts(out, "\\\\"); break;
        default: dm_buf_putc(out, *s);
        }
    }
}

static void write_delimited(const dm_rows *r, int tsv, dm_buf *out) {
    const char *sep = tsv ? "\t" : ",", *eol = tsv ? "\n" : "\r\n";
    for (long row = -1; row < (long)r->nrows; row++) {
        int first = 1;
        for (size_t c = 0; c < r->ncols; c++) {
            if (r->flags[c] & DM_COL_JSON) continue;
            if (!first) dm_buf_puts(out, sep);
            first = 0;
            const char *s = row < 0 ? r->names[c] : dm_rows_cell(r, (size_t)row, c)->text;
            if (s) (tsv ? tsv_field : csv_field)(s, out);
        }
        dm_buf_puts(out, eol);
    }
}

/* ---- table ------------------------------------------------------------------ */

/* Width of one code point on a terminal; controls are shown as a space. */
static size_t cp_width(utf8proc_int32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return 1;
    int w = utf8proc_charwidth(cp);
    return w > 0 ? (size_t)w : 0;
}

/* Appends s to out (when out is not NULL) as it is shown in a table: controls
 * as spaces, invalid bytes as U+FFFD, cut to max display columns with an
 * ellipsis (0: no limit). Returns the display width written. */
static size_t render(const char *s, size_t max, dm_buf *out) {
    size_t width = 0, i = 0, n = strlen(s);
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            cp = 0xFFFD;
            k = 1;
        }
        size_t w = cp_width(cp);
        if (max && width + w > max - 1) {
            /* the rest fits only if this is the last code point and it fits exactly */
            if (!(i + (size_t)k == n && width + w <= max)) {
                if (out) dm_buf_puts(out, "\xE2\x80\xA6");
                return width + 1;
            }
        }
        if (out) {
            if (cp < 0x20 || cp == 0x7f) {
                dm_buf_putc(out, ' ');
            } else {
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t el = utf8proc_encode_char(cp, enc);
                dm_buf_put(out, (const char *)enc, (size_t)el);
            }
        }
        width += w;
        i += (size_t)k;
    }
    return width;
}

size_t dm_display_width(const char *s) { return render(s, 0, NULL); }

static void pad(dm_buf *out, size_t n) {
    while (n--) dm_buf_putc(out, ' ');
}

static void write_table(const dm_rows *r, size_t max_width, dm_buf *out) {
    size_t *width = dm_xmalloc((r->ncols ? r->ncols : 1) * sizeof *width);
    unsigned char *numeric_col = dm_xmalloc(r->ncols ? r->ncols : 1); /* headers of number columns align right */
    size_t last = 0; /* the last flat column: no padding after it */
    for (size_t c = 0; c < r->ncols; c++) {
        width[c] = 0;
        numeric_col[c] = 0;
        if (r->flags[c] & DM_COL_JSON) continue;
        last = c;
        width[c] = render(r->names[c], max_width, NULL);
        int numbers = 0, texts = 0;
        for (size_t i = 0; i < r->nrows; i++) {
            const dm_cell *cell = dm_rows_cell(r, i, c);
            size_t w = cell->text ? render(cell->text, max_width, NULL) : 0;
            if (w > width[c]) width[c] = w;
            numbers += cell->type == DM_CELL_INT || cell->type == DM_CELL_REAL;
            texts += cell->type == DM_CELL_TEXT;
        }
        numeric_col[c] = numbers && !texts;
    }
    for (long row = -1; row < (long)r->nrows; row++) {
        int first = 1;
        size_t line_start = out->len;
        for (size_t c = 0; c < r->ncols; c++) {
            if (r->flags[c] & DM_COL_JSON) continue;
            if (!first) dm_buf_puts(out, "  ");
            first = 0;
            const dm_cell *cell = row < 0 ? NULL : dm_rows_cell(r, (size_t)row, c);
            const char *s = row < 0 ? r->names[c] : cell->text ? cell->text : "";
            int numeric = cell ? cell->type == DM_CELL_INT || cell->type == DM_CELL_REAL : numeric_col[c];
            size_t w = render(s, max_width, NULL);
            if (numeric) pad(out, width[c] - w);
            render(s, max_width, out);
            if (!numeric && c != last) pad(out, width[c] - w);
        }
        while (out->len > line_start && out->data[out->len - 1] == ' ') out->len--; /* empty last cells */
        dm_buf_putc(out, '\n');
        if (row < 0) { /* a rule under the header */
            first = 1;
            for (size_t c = 0; c < r->ncols; c++) {
                if (r->flags[c] & DM_COL_JSON) continue;
                if (!first) dm_buf_puts(out, "  ");
                first = 0;
                for (size_t k = 0; k < width[c]; k++) dm_buf_putc(out, '-');
            }
            dm_buf_putc(out, '\n');
        }
    }
    if (!r->nrows) dm_buf_puts(out, "(no rows)\n");
    free(width);
    free(numeric_col);
}

void dm_rows_write_record(const dm_rows *r, size_t row, dm_buf *out) {
    size_t key = 0;
    for (size_t c = 0; c < r->ncols; c++)
        if (!(r->flags[c] & DM_COL_JSON) && strlen(r->names[c]) > key) key = strlen(r->names[c]);
    for (size_t c = 0; c < r->ncols; c++) {
        const char *s = dm_rows_cell(r, row, c)->text;
        if ((r->flags[c] & DM_COL_JSON) || !s || !*s) continue;
        dm_buf_puts(out, r->names[c]);
        pad(out, key + 2 - strlen(r->names[c]));
        render(s, 0, out);
        dm_buf_putc(out, '\n');
    }
}

void dm_rows_write(const dm_rows *r, dm_format f, size_t max_width, dm_buf *out) {
    switch (f) {
    case DM_FMT_TABLE: write_table(r, max_width, out); break;
    case DM_FMT_JSON: write_json(r, 0, out); break;
    case DM_FMT_JSONL: write_json(r, 1, out); break;
    case DM_FMT_CSV: write_delimited(r, 0, out); break;
    case DM_FMT_TSV: write_delimited(r, 1, out); break;
    }
}
