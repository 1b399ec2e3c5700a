#include "../core/words.h"
#include "dates.h"
#include "../text/wordclass.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    int month;
} MONTHS[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3}, {"april", 4},
    {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10}, {"oct", 10}, {"november", 11},
    {"nov", 11}, {"december", 12}, {"dec", 12},
    /* Spanish, French, Portuguese and German, as outlets abroad date their pages */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"decembre", 12}, {"janeiro", 1}, {"fevereiro", 2}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12}, {"januar", 1}, {"februar", 2},
    {"marz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
};

static const char *WEEKDAYS[][4] = {
    {"monday", "mon", NULL}, {"tuesday", "tue", "tues"}, {"wednesday", "wed", NULL},
    {"thursday", "thu", "thurs"}, {"friday", "fri", NULL}, {"saturday", "sat", NULL},
    {"sunday", "sun", NULL},
};

int dm_month_of(const char *f) {
    for (size_t i = 0; i < sizeof MONTHS / sizeof *MONTHS; i++)
        if (f[0] == MONTHS[i].name[0] && strcmp(f, MONTHS[i].name) == 0) return MONTHS[i].month;
    return 0;
}

int dm_weekday_of(const char *f) {
    if (f[0] != 'm' && f[0] != 't' && f[0] != 'w' && f[0] != 'f' && f[0] != 's') return 0;
    for (int i = 0; i < 7; i++)
        for (int k = 0; k < 3; k++)
            if (WEEKDAYS[i][k] && strcmp(f, WEEKDAYS[i][k]) == 0) return i + 1;
    return 0;
}

int dm_days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 31;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* Howard Hinnant's days_from_civil. */
long dm_days(dm_date d) {
    long y = d.y, m = d.m ? d.m : 1, day = d.d ? d.d : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dm_date dm_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    dm_date r = {(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
    return r;
}

int dm_weekday(dm_date d) {
    long z = dm_days(d);
    /* 1970-01-01 was a Thursday (4) */
    long w = (z % 7 + 7 + 3) % 7; /* 0 = Monday */
    return (int)w + 1;
}

/* Digits written by hand: this runs for every date of every event written. */
static char *put_digits(char *out, int v, int width) {
    for (int k = width - 1; k >= 0; k--, v /= 10) out[k] = (char)('0' + v % 10);
    return out + width;
}

void dm_date_format(dm_date d, char *out) {
    int y = d.y < 0 ? 0 : d.y > 9999 ? 9999 : d.y, m = d.m < 0 ? 0 : d.m % 13, day = d.d < 0 ? 0 : d.d % 32;
    if (y) {
        out = put_digits(out, y, 4);
        if (m) {
            *out++ = '-';
            out = put_digits(out, m, 2);
            if (day) {
                *out++ = '-';
                out = put_digits(out, day, 2);
            }
        }
    }
    *out = 0;
}

int dm_date_cmp(dm_date a, dm_date b) {
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

dm_date dm_date_last_day(dm_date d) {
    if (!d.y) return d;
    if (!d.m) return (dm_date){d.y, 12, 31};
    if (!d.d) return (dm_date){d.y, d.m, (int8_t)dm_days_in_month(d.y, d.m)};
    return d;
}

/* ---- token helpers ---- */

typedef struct {
    const dm_doc *doc;
    size_t end;
} cur;

static const char *F(const cur *c, size_t i) { return i < c->end ? dm_tok_fold(&c->doc->toks, i) : DM_NO_WORD; }
static int is_num(const cur *c, size_t i) { return i < c->end && c->doc->toks.v[i].kind == TK_NUM; }
static int glued(const cur *c, size_t i) { return i < c->end && !(c->doc->toks.v[i].flags & TF_SPACE); }
/* The folded length of token i (callers have seen that it is a number). */
static size_t num_len(const cur *c, size_t i) { return c->doc->toks.v[i].flen; }
/* The value of the digits a number token starts with, as atoi reads them: number
 * tokens hold only digits, '.' and ','. */
static int leading_digits(const char *f) {
    int v = 0;
    while (*f >= '0' && *f <= '9') v = v * 10 + (*f++ - '0');
    return v;
}
/* Number token i as a small integer, or -1 for a decimal or grouped figure or one of more than 4 digits. */
static int num_val(const cur *c, size_t i) {
    const char *f = F(c, i);
    if (num_len(c, i) > 4) return -1;
    if (strchr(f, '.') || strchr(f, ',')) return -1;
    return leading_digits(f);
}
static int is_dash(const char *f) {
    return dm_eq(f, "-") || dm_eq(f, "\xe2\x80\x93") || dm_eq(f, "\xe2\x80\x94");
}

/* A day number at i ("20", "08th", "1st"); returns tokens used or 0. */
static int day_at(const cur *c, size_t i, int *day) {
    if (!is_num(c, i)) return 0;
    int v = num_val(c, i);
    if (v < 1 || v > 31 || num_len(c, i) > 2) return 0;
    *day = v;
    const char *sfx = F(c, i + 1);
    if (glued(c, i + 1) && (dm_eq(sfx, "st") || dm_eq(sfx, "nd") || dm_eq(sfx, "rd") || dm_eq(sfx, "th")))
        return 2;
    return 1;
}

/* A month name at i, with an optional abbreviation dot; returns tokens used or 0. */
static int month_at(const cur *c, size_t i, int *m) {
    if (i >= c->end || c->doc->toks.v[i].kind != TK_WORD || !(c->doc->toks.v[i].wc & WC_MONTH)) return 0;
    int v = dm_month_of(F(c, i));
    if (!v) return 0;
    /* "may" and "march" are also ordinary words: demand a capital */
    if ((v == 5 || v == 3) && !(c->doc->toks.v[i].flags & TF_CAP)) return 0;
    *m = v;
    /* the dot of an abbreviation ("Dec."), not a sentence's full stop after "December." */
    if (dm_eq(F(c, i + 1), ".") && glued(c, i + 1) && strlen(F(c, i)) <= 4) return 2;
    return 1;
}

static int year_at(const cur *c, size_t i, int *y) {
    if (!is_num(c, i)) return 0;
    if (num_len(c, i) != 4) return 0;
    int v = leading_digits(F(c, i));
    if (v < 1900 || v > 2100) return 0;
    *y = v;
    return 1;
}

static dm_date mk(int y, int m, int d) { return (dm_date){(int16_t)y, (int8_t)m, (int8_t)d}; }

static int valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= dm_days_in_month(y ? y : 2000, m); }

/* Chooses the year for a day-month without one: the reference year, moved by
 * one when that puts a past event more than a month ahead (or a future one
 * well behind). */
static int infer_year(dm_date ref, int m, int d, int future) {
    if (!ref.y) return 0;
    int y = ref.y;
    long delta = dm_days(mk(y, m, d ? d : 1)) - dm_days(ref);
    if (!future && delta > 31) y--;
    else if (future && delta < -62) y++;
    return y;
}

/* "Tuesday," before a date: skipped, remembered. */
static size_t skip_weekday(const cur *c, size_t i, int *wd) {
    if (i >= c->end || !(c->doc->toks.v[i].wc & WC_WEEKDAY)) return i;
    int w = dm_weekday_of(F(c, i));
    if (!w || !(c->doc->toks.v[i].flags & TF_CAP)) return i;
    *wd = w;
    i++;
    if (dm_eq(F(c, i), ".") || dm_eq(F(c, i), ",")) i++;
    return i;
}

/* Does a day after "to" end the date ("25 to 27, 2025", "25 to 27.")? */
static int range_closes(const cur *c, size_t i) {
    int y;
    if (i >= c->end || year_at(c, i, &y)) return 1;
    const char *f = F(c, i);
    return !strcmp(f, ",") || !strcmp(f, ".") || !strcmp(f, ";") || !strcmp(f, ")");
}

/* Absolute forms. Returns 1 on success. */
static int parse_absolute(const cur *c, size_t i0, dm_date ref, int future, dm_datex *out) {
    memset(out, 0, sizeof *out);
    size_t i = i0;
    int wd = 0;
    i = skip_weekday(c, i, &wd);
    int y = 0, m = 0, d = 0, d2 = 0, k;
    size_t j;
    /* ISO 2023-09-21 */
    if (year_at(c, i, &y) && is_dash(F(c, i + 1)) && glued(c, i + 1) && is_num(c, i + 2) && glued(c, i + 2) &&
        is_dash(F(c, i + 3)) && is_num(c, i + 4) && glued(c, i + 4)) {
        m = num_val(c, i + 2);
        d = num_val(c, i + 4);
        if (valid_day(y, m, d)) {
            out->span.from = mk(y, m, d);
            out->ntok = (uint32_t)(i + 5 - i0);
            out->kind = DX_FULL;
            out->weekday = (uint8_t)wd;
            return 1;
        }
    }
    /* 01.06.2022 (one number token) */
    if (is_num(c, i)) {
        const char *f = F(c, i);
        int a, b, cc;
        char tail;
        if (strlen(f) == 10 && sscanf(f, "%2d.%2d.%4d%c", &a, &b, &cc, &tail) == 3 && valid_day(cc, b, a) &&
            f[2] == '.' && f[5] == '.') {
            out->span.from = mk(cc, b, a);
            out->ntok = (uint32_t)(i + 1 - i0);
            out->kind = DX_FULL;
            out->weekday = (uint8_t)wd;
            return 1;
        }
    }
    /* 13/10/2023 */
    if (is_num(c, i) && dm_eq(F(c, i + 1), "/") && is_num(c, i + 2) && dm_eq(F(c, i + 3), "/") &&
        year_at(c, i + 4, &y) && glued(c, i + 1) && glued(c, i + 3)) {
        int a = num_val(c, i), b = num_val(c, i + 2);
        if (valid_day(y, b, a)) {
            out->span.from = mk(y, b, a);
            out->ntok = (uint32_t)(i + 5 - i0);
            out->kind = DX_FULL;
            out->weekday = (uint8_t)wd;
            return 1;
        }
    }
    /* day-first: 20 February 2024, 9-10 June 2022, 22 de febrero, 2025, 31 May */
    if ((k = day_at(c, i, &d))) {
        j = i + (size_t)k;
        if ((is_dash(F(c, j)) || dm_eq(F(c, j), "to") || dm_eq(F(c, j), "and")) && day_at(c, j + 1, &d2) &&
            month_at(c, j + 1 + (size_t)day_at(c, j + 1, &d2), &m))
            j += 1 + (size_t)day_at(c, j + 1, &d2);
        else d2 = 0;
        if (dm_eq(F(c, j), "de") || dm_eq(F(c, j), "of")) j++;
        if ((k = month_at(c, j, &m))) {
            j += (size_t)k;
            size_t jy = j;
            if (dm_eq(F(c, jy), ",")) jy++;
            if (dm_eq(F(c, jy), "de")) jy++;
            if (year_at(c, jy, &y)) j = jy + 1;
            else y = 0;
            if (!valid_day(y, m, d) || (d2 && (!valid_day(y, m, d2) || d2 < d))) return 0;
            out->kind = y ? DX_FULL : DX_PARTIAL;
            if (!y) y = infer_year(ref, m, d, future);
            if (!y) {
                out->kind = DX_UNRESOLVED;
            }
            out->span.from = mk(y, m, d);
            if (d2) out->span.to = mk(y, m, d2);
            out->ntok = (uint32_t)(j - i0);
            out->weekday = (uint8_t)wd;
            return 1;
        }
        return 0;
    }
    /* month-first: October 12-13, 2022; Oct 9, 2015; July 4; September 2023; May 5-8 */
    if ((k = month_at(c, i, &m))) {
        j = i + (size_t)k;
        if ((k = day_at(c, j, &d))) {
            j += (size_t)k;
            if (is_dash(F(c, j)) && day_at(c, j + 1, &d2)) j += 1 + (size_t)day_at(c, j + 1, &d2);
            else if ((dm_eq(F(c, j), "to") || dm_eq(F(c, j), "through") || dm_eq(F(c, j), "and")) &&
                     (k = day_at(c, j + 1, &d2)) && range_closes(c, j + 1 + (size_t)k))
                j += 1 + (size_t)k; /* "from February 25 to 27, 2025", but not "May 5 to 10 delegations" */
            else d2 = 0;
            size_t jy = j;
            if (dm_eq(F(c, jy), ",")) jy++;
            if (year_at(c, jy, &y)) j = jy + 1;
            else y = 0;
            if (!valid_day(y, m, d) || (d2 && (!valid_day(y, m, d2) || d2 < d))) return 0;
            out->kind = y ? DX_FULL : DX_PARTIAL;
            if (!y) y = infer_year(ref, m, d, future);
            if (!y) out->kind = DX_UNRESOLVED;
            out->span.from = mk(y, m, d);
            if (d2) out->span.to = mk(y, m, d2);
            out->ntok = (uint32_t)(j - i0);
            out->weekday = (uint8_t)wd;
            return 1;
        }
        if (dm_eq(F(c, j), ",") || dm_eq(F(c, j), "of")) j++;
        if (year_at(c, j, &y)) {
            out->span.from = mk(y, m, 0);
            out->ntok = (uint32_t)(j + 1 - i0);
            out->kind = DX_PARTIAL;
            return 1;
        }
        /* a bare month name: "in April" */
        if (i > 0 && (dm_eq(F(c, i - 1), "in") || dm_eq(F(c, i - 1), "since"))) {
            y = infer_year(ref, m, 1, future);
            out->span.from = mk(y, m, 0);
            out->ntok = (uint32_t)(i + 1 - i0);
            out->kind = y ? DX_PARTIAL : DX_UNRESOLVED;
            /* "in April this year" */
            if (dm_eq(F(c, j), "this") && dm_eq(F(c, j + 1), "year") && ref.y) {
                out->span.from.y = ref.y;
                out->ntok += 2;
            }
            return 1;
        }
    }
    return 0;
}

static dm_dspan single(dm_date d) { return (dm_dspan){d, {0, 0, 0}}; }
static dm_dspan range(dm_date a, dm_date b) { return (dm_dspan){a, b}; }

static dm_dspan week_of(dm_date ref, int offset_weeks) {
    long z = dm_days(ref) - (dm_weekday(ref) - 1) + 7L * offset_weeks;
    return range(dm_from_days(z), dm_from_days(z + 6));
}

static int parse_relative(const cur *c, size_t i, dm_date ref, int future, dm_datex *out) {
    const char *a = F(c, i), *b = F(c, i + 1);
    out->kind = ref.y ? DX_RELATIVE : DX_UNRESOLVED;
    long z = ref.y ? dm_days(ref) : 0;
    int known = ref.y != 0 && ref.m != 0 && ref.d != 0;
    if (dm_eq(a, "today") || dm_eq(a, "tonight")) {
        if (!known) return 0;
        out->span = single(ref);
        out->ntok = 1;
        return 1;
    }
    if (dm_eq(a, "yesterday")) {
        if (!known) return 0;
        out->span = single(dm_from_days(z - 1));
        out->ntok = 1;
        return 1;
    }
    if (dm_eq(a, "tomorrow")) {
        if (!known) return 0;
        out->span = single(dm_from_days(z + 1));
        out->ntok = 1;
        return 1;
    }
    int which = dm_eq(a, "last") || dm_eq(a, "past") || dm_eq(a, "previous") ? -1
              : dm_eq(a, "this") || dm_eq(a, "current")                      ? 0
              : dm_eq(a, "next") || dm_eq(a, "coming")                       ? 1
                                                                                 : 2;
    if (which != 2 && ref.y) {
        if (dm_eq(b, "year")) {
            out->span = single(mk(ref.y + which, 0, 0));
            out->ntok = 2;
            return 1;
        }
        /* "last financial year", "this fiscal year": the year it mostly falls in, as news means it */
        if ((dm_eq(b, "financial") || dm_eq(b, "fiscal")) && dm_eq(F(c, i + 2), "year")) {
            out->span = single(mk(ref.y + which, 0, 0));
            out->ntok = 3;
            return 1;
        }
        if (dm_eq(b, "month") && ref.m) {
            int m = ref.m + which, y = ref.y;
            if (m < 1) m = 12, y--;
            if (m > 12) m = 1, y++;
            out->span = single(mk(y, m, 0));
            out->ntok = 2;
            return 1;
        }
        if (dm_eq(b, "week") && known) {
            out->span = week_of(ref, which);
            if (which == 0 && !future) out->span.to = ref; /* "this week" in a past report: up to now */
            out->ntok = 2;
            return 1;
        }
        /* "next spring": the northern seasons, by the months news means by them */
        int season = dm_eq(b, "spring") ? 3 : dm_eq(b, "summer") ? 6 : (dm_eq(b, "autumn") || dm_eq(b, "fall")) ? 9
                   : dm_eq(b, "winter") ? 12 : 0;
        if (season && ref.m) {
            int y = ref.y;
            int in_season = season == 12 ? (ref.m == 12 || ref.m <= 2) : (ref.m >= season && ref.m < season + 3);
            if (season == 12 && ref.m <= 2) y--; /* this winter began last December */
            if (which == 1 && (in_season || season <= ref.m)) y++;
            if (which == -1 && !(season + 2 < ref.m && season != 12)) y--;
            dm_date first = mk(y, season, 0);
            dm_date last = season == 12 ? mk(y + 1, 2, 0) : mk(y, season + 2, 0);
            out->span = range(first, last);
            out->ntok = 2;
            return 1;
        }
        int wd = dm_weekday_of(b);
        if (wd && known) {
            long base = z - (dm_weekday(ref) - 1) + 7L * which;
            out->span = single(dm_from_days(base + wd - 1));
            out->ntok = 2;
            out->weekday = (uint8_t)wd;
            return 1;
        }
    }
    /* "in the spring": this year's, or the coming one's in a plan */
    if (dm_eq(a, "the") && ref.m && (dm_eq(b, "spring") || dm_eq(b, "summer") || dm_eq(b, "autumn") || dm_eq(b, "fall"))) {
        int season = dm_eq(b, "spring") ? 3 : dm_eq(b, "summer") ? 6 : 9;
        int y = ref.y;
        if (future && ref.m >= season + 3) y++;
        if (!future && ref.m < season) y--;
        out->span = range(mk(y, season, 0), mk(y, season + 2, 0));
        out->ntok = 2;
        return 1;
    }
    /* "earlier this month", "later this year" */
    if ((dm_eq(a, "earlier") || dm_eq(a, "later")) && dm_eq(b, "this") && ref.y) {
        const char *u = F(c, i + 2);
        if (dm_eq(u, "year")) out->span = single(mk(ref.y, 0, 0));
        else if (dm_eq(u, "month") && ref.m) out->span = single(mk(ref.y, ref.m, 0));
        else return 0;
        out->ntok = 3;
        return 1;
    }
    /* "in the next few days", "in the coming days" */
    if (dm_eq(a, "the") && (dm_eq(b, "next") || dm_eq(b, "coming")) && known) {
        size_t j = i + 2;
        if (dm_eq(F(c, j), "few") || dm_eq(F(c, j), "several")) j++;
        if (dm_eq(F(c, j), "days")) {
            out->span = range(ref, dm_from_days(z + 7));
            out->ntok = (uint32_t)(j + 1 - i);
            return 1;
        }
    }
    /* A bare weekday: "on Tuesday", "Monday morning" */
    int wd = (c->doc->toks.v[i].wc & WC_WEEKDAY) ? dm_weekday_of(a) : 0;
    if (wd && (c->doc->toks.v[i].flags & TF_CAP) && known) {
        int cur_wd = dm_weekday(ref);
        long diff = future ? (wd - cur_wd + 7) % 7 : -((cur_wd - wd + 7) % 7);
        out->span = single(dm_from_days(z + diff));
        out->ntok = 1;
        out->weekday = (uint8_t)wd;
        /* two days: "on Wednesday and Thursday", "from Monday to Wednesday" */
        const char *joint = F(c, i + 1);
        size_t k = i + 2;
        int wd2 = k < c->end && (c->doc->toks.v[k].wc & WC_WEEKDAY) && (c->doc->toks.v[k].flags & TF_CAP)
                      ? dm_weekday_of(F(c, k))
                      : 0;
        if (wd2 && wd2 != wd && (dm_eq(joint, "and") || dm_eq(joint, "to") || dm_eq(joint, "through"))) {
            out->span.to = dm_from_days(z + diff + (wd2 - wd + 7) % 7);
            out->ntok = 3;
        }
        return 1;
    }
    return 0;
}

/* A year said as a number or relative to ref ("2025", "this year", "next year", "the year",
 * "the current year"); returns the tokens used, or 0. */
static int year_expr(const cur *c, size_t i, dm_date ref, int *y) {
    if (year_at(c, i, y)) return 1;
    if (!ref.y) return 0;
    size_t j = i;
    if (dm_eq(F(c, j), "the")) {
        if (dm_eq(F(c, j + 1), "year")) {
            *y = ref.y;
            return 2;
        }
        j++;
    }
    const char *a = F(c, j);
    int which = dm_eq(a, "this") || dm_eq(a, "current") ? 0
              : dm_eq(a, "next") || dm_eq(a, "coming")   ? 1
              : dm_eq(a, "last") || dm_eq(a, "previous") ? -1
                                                         : 2;
    if (which == 2 || !dm_eq(F(c, j + 1), "year")) return 0;
    *y = ref.y + which;
    return (int)(j + 2 - i);
}

/* A month with or without its year ("October", "October 2025", "October this year");
 * without, the one a plan (future) or a report means. Returns the tokens used, or 0. */
static int month_expr(const cur *c, size_t i, dm_date ref, int future, dm_date *out) {
    int m, y, k = month_at(c, i, &m), n;
    if (!k) return 0;
    size_t j = i + (size_t)k;
    if ((n = year_expr(c, j + (dm_eq(F(c, j), ",") || dm_eq(F(c, j), "of")), ref, &y))) {
        j += (size_t)n + (dm_eq(F(c, j), ",") || dm_eq(F(c, j), "of"));
    } else {
        y = infer_year(ref, m, 1, future);
        if (!y) return 0;
    }
    *out = mk(y, m, 0);
    return (int)(j - i);
}

/* A part of a year or month: "the fourth quarter of this year", "the first half of 2025",
 * "the end of the year", "the beginning of next year", "the end of October", "early December",
 * "in autumn". Plans are dated by these ("will visit in the fourth quarter"), so an event
 * is not left with the day of the report. */
static int parse_period(const cur *c, size_t i, dm_date ref, int future, dm_datex *out) {
    size_t j = i + dm_eq(F(c, i), "the");
    const char *a = F(c, j);
    int y, n;
    /* quarters and halves of a year */
    int quarter = dm_eq(a, "first") ? 1 : dm_eq(a, "second") ? 2 : dm_eq(a, "third") ? 3
                : dm_eq(a, "fourth") || dm_eq(a, "last") || dm_eq(a, "final") ? 4 : 0;
    const char *unit = F(c, j + 1);
    if (quarter && (dm_eq(unit, "quarter") || (dm_eq(unit, "half") && quarter <= 2)) && dm_eq(F(c, j + 2), "of") &&
        (n = year_expr(c, j + 3, ref, &y))) {
        int first = unit[0] == 'q' ? 3 * quarter - 2 : 6 * quarter - 5, months = unit[0] == 'q' ? 3 : 6;
        out->span = range(mk(y, first, 0), mk(y, first + months - 1, 0));
        out->ntok = (uint32_t)(j + 3 + n - i);
        out->kind = DX_RELATIVE;
        return 1;
    }
    /* "the end / beginning of" a year or a month */
    int end = dm_eq(a, "end"), start = dm_eq(a, "beginning") || dm_eq(a, "start");
    if ((end || start) && j > i && dm_eq(F(c, j + 1), "of")) {
        if ((n = year_expr(c, j + 2, ref, &y))) {
            out->span = single(mk(y, end ? 12 : 1, 0));
            out->ntok = (uint32_t)(j + 2 + n - i);
            out->kind = DX_RELATIVE;
            return 1;
        }
        dm_date month;
        if ((n = month_expr(c, j + 2, ref, future, &month))) {
            out->span = single(month);
            out->ntok = (uint32_t)(j + 2 + n - i);
            out->kind = DX_RELATIVE;
            return 1;
        }
    }
    /* "early December", "mid-October", "late May 2025": the month */
    if (j == i && (dm_eq(a, "early") || dm_eq(a, "mid") || dm_eq(a, "late"))) {
        size_t k = i + 1 + (is_dash(F(c, i + 1)) && glued(c, i + 1));
        dm_date month;
        if ((n = month_expr(c, k, ref, future, &month))) {
            out->span = single(month);
            out->ntok = (uint32_t)(k + n - i);
            out->kind = DX_RELATIVE;
            return 1;
        }
    }
    /* "in autumn": this year's season, or the coming one's in a plan (as "in the autumn") */
    int season = dm_eq(a, "spring") ? 3 : dm_eq(a, "summer") ? 6 : dm_eq(a, "autumn") || dm_eq(a, "fall") ? 9 : 0;
    if (season && j == i && i > 0 && dm_eq(F(c, i - 1), "in") && ref.m) {
        y = ref.y;
        if (future && ref.m >= season + 3) y++;
        if (!future && ref.m < season) y--;
        out->span = range(mk(y, season, 0), mk(y, season + 2, 0));
        out->ntok = 1;
        out->kind = DX_RELATIVE;
        return 1;
    }
    return 0;
}

/* Words a date expression can open with; anything else is rejected at once. */
static const char *const OPENERS[] = {"today",  "tonight",   "yesterday", "tomorrow", "last",  "past",   "previous",
                                      "this",   "current",   "next",      "coming",   "earlier", "later", "the",
                                      "first",  "second",    "third",     "fourth",   "final", "end",    "beginning",
                                      "start",  "early",     "mid",       "late",     "spring", "summer", "autumn",
                                      "fall",   NULL};

void dm_dates_register_words(void) {
    const char *words[sizeof MONTHS / sizeof *MONTHS + 1];
    size_t n = 0;
    for (size_t i = 0; i < sizeof MONTHS / sizeof *MONTHS; i++) words[n++] = MONTHS[i].name;
    words[n] = NULL;
    dm_wordclass_add(words, WC_DATE | WC_MONTH);
    for (int i = 0; i < 7; i++) dm_wordclass_add(WEEKDAYS[i], WC_DATE | WC_WEEKDAY);
    dm_wordclass_add(OPENERS, WC_DATE);
}

int dm_date_parse_opened(const dm_doc *doc, size_t i, size_t end, dm_date ref, int future, dm_datex *out) {
    cur c = {doc, end};
    /* "first half of April 2023" */
    const char *a = F(&c, i);
    if ((dm_eq(a, "first") || dm_eq(a, "second")) && dm_eq(F(&c, i + 1), "half") &&
        dm_eq(F(&c, i + 2), "of")) {
        dm_datex in = {0};
        if (parse_absolute(&c, i + 3, ref, future, &in) && in.span.from.m && !in.span.from.d) {
            dm_date f = in.span.from;
            int half = dm_days_in_month(f.y, f.m) / 2;
            out->span = a[0] == 'f' ? range(mk(f.y, f.m, 1), mk(f.y, f.m, half))
                                    : range(mk(f.y, f.m, half + 1), dm_date_last_day(f));
            out->ntok = 3 + in.ntok;
            out->kind = in.kind;
            return 1;
        }
    }
    if (parse_absolute(&c, i, ref, future, out)) {
        /* "from 31 May to 6 June", "31 May - 6 June" */
        size_t j = i + out->ntok;
        const char *t = F(&c, j);
        if (dm_eq(t, "to") || dm_eq(t, "until") || dm_eq(t, "till") || is_dash(t)) {
            dm_datex second = {0};
            if (parse_absolute(&c, j + 1, ref, future, &second) && second.span.from.m) {
                dm_date f = out->span.from, s = second.span.from;
                if (!f.y || (out->kind != DX_FULL && second.kind == DX_FULL))
                    f.y = (int16_t)(s.y - (f.m > s.m)); /* "30 December to 2 January 2024" */
                if (s.y && f.y && dm_date_cmp(f, s) <= 0) {
                    out->span = range(f, second.span.to.y ? second.span.to : s);
                    out->ntok = (uint32_t)(j + 1 + second.ntok - i);
                    if (second.kind == DX_FULL) out->kind = DX_FULL;
                }
            }
        }
        return 1;
    }
    if (parse_period(&c, i, ref, future, out)) return 1;
    if (parse_relative(&c, i, ref, future, out)) return 1;
    int y;
    if (year_at(&c, i, &y)) {
        /* a year alone, not part of a figure ("2021 tons") or a range "2024-2025" */
        const char *n = F(&c, i + 1);
        if (is_dash(n) && is_num(&c, i + 2)) return 0;
        if (dm_eq(n, "/") && is_num(&c, i + 2)) return 0;
        if (i > 0 && is_dash(F(&c, i - 1)) && doc->toks.v[i - 1].kind == TK_PUNCT && i >= 2 &&
            doc->toks.v[i - 2].kind == TK_NUM)
            return 0;
        out->span = single(mk(y, 0, 0));
        out->ntok = 1;
        out->kind = DX_YEAR;
        return 1;
    }
    return 0;
}
