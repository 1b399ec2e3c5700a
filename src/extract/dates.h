/* Date expressions in text: absolute ("20 February 2024", "2023-09-21",
 * "01.06.2022", "Oct 9, 2015", "22 de febrero, 2025"), spans ("from 31 May to
 * 6 June", "October 12-13, 2022"), partial ("July 4", "September 2023", "in
 * 2021") and relative ones ("yesterday", "on Tuesday", "last year", "this
 * week"), resolved against a reference date. */
#ifndef DM_DATES_H
#define DM_DATES_H
#include "../text/doc.h"
#include "../text/wordclass.h"

enum {
    DX_NONE = 0,
    DX_FULL,     /* day, month and year written */
    DX_PARTIAL,  /* day and month, or month and year, without one part */
    DX_YEAR,     /* a year alone */
    DX_RELATIVE, /* resolved from the reference date */
    DX_UNRESOLVED /* relative, but there was no reference date */
};

typedef struct {
    dm_dspan span;
    uint32_t ntok;   /* tokens consumed */
    uint8_t kind;    /* DX_* */
    uint8_t weekday; /* 1..7 when a weekday was written, else 0 */
} dm_datex;

/* dm_date_parse for a token that may open a date (out is cleared). */
int dm_date_parse_opened(const dm_doc *doc, size_t i, size_t end, dm_date ref, int future, dm_datex *out);

/* Parses a date expression starting at token i (not past end). ref is the
 * reference date (y == 0: unknown); future selects the next weekday/month
 * rather than the last one. Returns 1 and fills out, or 0. Callers try most
 * tokens of a sentence, so the test of the first token is inline: a date opens
 * with a number or a word of class WC_DATE. */
static inline int dm_date_parse(const dm_doc *doc, size_t i, size_t end, dm_date ref, int future, dm_datex *out) {
    *out = (dm_datex){0};
    if (i >= end) return 0;
    const dm_tok *t = &doc->toks.v[i];
    if (t->kind != TK_NUM && !(t->kind == TK_WORD && (t->wc & WC_DATE))) return 0;
    return dm_date_parse_opened(doc, i, end, ref, future, out);
}

/* Month number of a month name (English, abbreviated, or es/fr/pt/de) or 0. */
int dm_month_of(const char *fold);
/* 1 (Monday) .. 7 (Sunday) for a weekday name, else 0. */
int dm_weekday_of(const char *fold);

/* Calendar helpers. */
long dm_days(dm_date d); /* days since 1970-01-01 (day defaults to 1) */
dm_date dm_from_days(long days);
int dm_weekday(dm_date d); /* 1..7 */
int dm_days_in_month(int y, int m);
/* Formats as YYYY, YYYY-MM or YYYY-MM-DD into out (>= 16 bytes); "" when y == 0. */
void dm_date_format(dm_date d, char *out);
int dm_date_cmp(dm_date a, dm_date b);
/* The last day a date of this precision covers (2022 -> 2022-12-31). */
dm_date dm_date_last_day(dm_date d);
#endif
