/* A result set of query rows and the one writer every query command uses:
 * an aligned table, a JSON array, JSON Lines, CSV (RFC 4180) or TSV.
 *
 * Cells keep their SQL type: integers and reals are written as plain numbers
 * (1900000000, never 1.9e9), NULL as null or an empty field. A column marked
 * DM_COL_JSON holds JSON text (nested lists such as a person's titles): it is
 * written raw in JSON and JSON Lines and left out of flat formats. */
#ifndef DM_ROWS_H
#define DM_ROWS_H
#include "../core/buf.h"
#include <stddef.h>

typedef enum { DM_CELL_NULL, DM_CELL_INT, DM_CELL_REAL, DM_CELL_TEXT } dm_cell_type;

typedef struct {
    dm_cell_type type;
    char *text; /* malloc'd; NULL for DM_CELL_NULL; numbers as their plain decimal form */
} dm_cell;

enum { DM_COL_JSON = 1 };

typedef struct {
    size_t ncols;
    char **names;         /* malloc'd copies */
    unsigned char *flags; /* DM_COL_* per column */
    size_t nrows, cap;
    dm_cell *cells; /* nrows * ncols, row-major */
} dm_rows;

typedef enum { DM_FMT_TABLE, DM_FMT_JSON, DM_FMT_JSONL, DM_FMT_CSV, DM_FMT_TSV } dm_format;

void dm_rows_init(dm_rows *r);
/* Frees every cell and name; r is empty (and reusable) afterwards. */
void dm_rows_free(dm_rows *r);
/* Sets the column names (copied). Only on an empty result set. */
void dm_rows_set_columns(dm_rows *r, size_t ncols, const char *const *names);
/* Index of the named column, or -1. */
int dm_rows_col(const dm_rows *r, const char *name);
/* Marks a column as JSON text (see above). */
void dm_rows_mark_json(dm_rows *r, const char *name);
/* Appends a row of NULL cells and returns its index. */
size_t dm_rows_add(dm_rows *r);
void dm_rows_set_text(dm_rows *r, size_t row, size_t col, const char *s);
void dm_rows_set_int(dm_rows *r, size_t row, size_t col, long long v);
void dm_rows_set_real(dm_rows *r, size_t row, size_t col, double v);
const dm_cell *dm_rows_cell(const dm_rows *r, size_t row, size_t col);
/* The text of a cell by column name, or NULL (NULL cell or no such column). */
const char *dm_rows_get(const dm_rows *r, size_t row, const char *col);

/* Writes v as a plain decimal (no exponent, no trailing zeros); "null" text for NaN or infinity. */
void dm_format_number(double v, char out[64]);

/* Parses a format name (table json jsonl csv tsv); returns 0 if unknown. */
int dm_format_parse(const char *s, dm_format *f);

/* Writes the whole result set in the format. Table cells wider than max_width
 * display columns are cut with an ellipsis (0: no limit). */
void dm_rows_write(const dm_rows *r, dm_format f, size_t max_width, dm_buf *out);
/* One row as a JSON object (no newline). */
void dm_rows_write_object(const dm_rows *r, size_t row, dm_buf *out);
/* All rows as one compact JSON array (no newline), for nesting. */
void dm_rows_write_array(const dm_rows *r, dm_buf *out);
/* One row as "name  value" lines, one per non-empty flat column (for `show`). */
void dm_rows_write_record(const dm_rows *r, size_t row, dm_buf *out);

/* The display width of s in a terminal (wide CJK characters count 2,
 * combining marks 0; control characters count as a space). */
size_t dm_display_width(const char *s);
#endif
