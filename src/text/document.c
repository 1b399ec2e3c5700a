#include "../core/error.h"
#include "../core/utf8.h"
#include "../extract/dates.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits_at(const char *s, int n) {
    for (int k = 0; k < n; k++)
        if (s[k] < '0' || s[k] > '9') return 0;
    return 1;
}

static int number_of(const char *s, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) v = v * 10 + (s[k] - '0');
    return v;
}

static dm_date parse_iso(const char *s) {
    int y, m, d;
    char tail;
    if (!s) return (dm_date){0, 0, 0};
    /* the usual YYYY-MM-DD without a call to sscanf (it costs thousands of instructions a document);
     * sscanf reads it the same way, and reads every other form */
    int plain = digits_at(s, 4) && s[4] == '-' && digits_at(s + 5, 2) && s[7] == '-' && digits_at(s + 8, 2);
    if (plain) y = number_of(s, 4), m = number_of(s + 5, 2), d = number_of(s + 8, 2);
    if ((plain || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) >= 3) && y > 1800 && y < 2200 && m >= 1 && m <= 12 &&
        d >= 1 && d <= dm_days_in_month(y, m))
        return (dm_date){(int16_t)y, (int8_t)m, (int8_t)d};
    return (dm_date){0, 0, 0};
}

dm_status dm_doc_new(const char *name, const char *text, size_t len, const char *date, dm_doc **out, dm_error *err) {
    *out = NULL;
    if (!name) name = "-";
    if (!text) return dm_error_set(err, DM_ERR_USAGE, 0, "no text given");
    if (len > DM_MAX_DOC)
        return dm_error_set(err, DM_ERR_TOO_LONG, 0, "document of %zu bytes exceeds the limit of %zu", len, DM_MAX_DOC);
    /* a UTF-8 byte order mark is not text */
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) text += 3, len -= 3;
    dm_status st = dm_utf8_validate(text, len, DM_MAX_LINE, err);
    if (st != DM_OK) return st;
    size_t k = 0;
    while (k < len) {
        size_t next = k;
        int32_t cp = dm_utf8_next(text, len, &next);
        if (!dm_cp_is_space(cp) && cp != '\f' && cp != '\v' && cp != 0x3000) break;
        k = next;
    }
    if (k == len) return dm_error_set(err, DM_ERR_EMPTY, 0, "no text (empty or only white space)");
    dm_doc *doc = calloc(1, sizeof *doc);
    if (!doc) dm_die_oom();
    dm_arena_init(&doc->arena, len * 4 + 16384);
    doc->name = dm_arena_strndup(&doc->arena, name, strlen(name));
    doc->text = dm_arena_strndup(&doc->arena, text, len);
    doc->len = len;
    doc->given_date = parse_iso(date);
    dm_buf_init(&doc->json);
    *out = doc;
    return DM_OK;
}

void dm_doc_free(dm_doc *doc) {
    if (!doc) return;
    dm_buf_free(&doc->json);
    dm_arena_free(&doc->arena);
    free(doc);
}
