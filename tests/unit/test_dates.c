/* Dates: absolute, partial and relative expressions through dm_date_parse on a
 * segmented document, and the calendar helpers. */
#include "helpers.h"

static dm_date D(int y, int m, int d) { return (dm_date){(int16_t)y, (int8_t)m, (int8_t)d}; }
static const dm_date NO_REF = {0, 0, 0};

static void assert_date(dm_date d, int y, int m, int day) {
    assert_int_equal(d.y, y);
    assert_int_equal(d.m, m);
    assert_int_equal(d.d, day);
}

/* What one parse gave: the result, the expression and the text it consumed. */
typedef struct {
    int ok;
    dm_datex dx;
    char text[128];
} parsed;

/* Segments text and parses a date at the token where needle starts. */
static parsed parse_at(const char *text, const char *needle, dm_date ref, int future) {
    parsed r;
    memset(&r, 0, sizeof r);
    dm_doc *doc = test_segment(text, NULL);
    size_t i = test_token_at(doc, needle, 1);
    r.ok = dm_date_parse(doc, i, doc->toks.n, ref, future, &r.dx);
    if (r.ok && r.dx.ntok > 0 && i + r.dx.ntok <= doc->toks.n) {
        size_t a = doc->toks.v[i].start, b = doc->toks.v[i + r.dx.ntok - 1].end;
        size_t n = b - a < sizeof r.text ? b - a : sizeof r.text - 1;
        memcpy(r.text, doc->text + a, n);
        r.text[n] = 0;
    }
    dm_doc_free(doc);
    return r;
}

static void assert_single(const parsed *r) { assert_int_equal(r->dx.span.to.y, 0); }

/* ---- absolute dates ---- */

static void day_month_year(void **state) {
    (void)state;
    parsed r = parse_at("The forum opened on 20 February 2024 in the capital.", "20 February", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2024, 2, 20);
    assert_single(&r);
    assert_string_equal(r.text, "20 February 2024");
    assert_int_equal(r.dx.weekday, 0);
}

static void weekday_before_date_is_recorded(void **state) {
    (void)state;
    parsed r = parse_at("Talks were held on Tuesday, 20 February 2024, in Rome.", "Tuesday", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2024, 2, 20);
    assert_int_equal(r.dx.weekday, 2);
    assert_string_equal(r.text, "Tuesday, 20 February 2024");
}

static void iso_date(void **state) {
    (void)state;
    parsed r = parse_at("Posted 2023-09-21 by the press office.", "2023", D(2025, 1, 1), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2023, 9, 21);
    assert_string_equal(r.text, "2023-09-21");
}

static void dotted_day_month_year(void **state) {
    (void)state;
    parsed r = parse_at("01.06.2022, 15:45 Leaders gathered.", "01.06", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    /* day first: 1 June, not 6 January */
    assert_date(r.dx.span.from, 2022, 6, 1);
    assert_string_equal(r.text, "01.06.2022");
}

static void slashed_day_month_year(void **state) {
    (void)state;
    parsed r = parse_at("Updated 13/10/2023 at noon.", "13", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2023, 10, 13);
    assert_string_equal(r.text, "13/10/2023");
}

static void abbreviated_month_first(void **state) {
    (void)state;
    parsed r = parse_at("The treaty was ratified Oct 9, 2015 by both chambers.", "Oct", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2015, 10, 9);
    assert_single(&r);
    assert_string_equal(r.text, "Oct 9, 2015");
}

static void month_first_span(void **state) {
    (void)state;
    parsed r = parse_at("The summit ran October 12-13, 2022 in Astana.", "October", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2022, 10, 12);
    assert_date(r.dx.span.to, 2022, 10, 13);
    assert_string_equal(r.text, "October 12-13, 2022");
}

/* "from February 25 to 27, 2025", "on March 5 and 6.": a span; "May 5 to 10 delegations" is one day */
static void month_first_span_with_words(void **state) {
    (void)state;
    parsed r = parse_at("It met from February 25 to 27, 2025 in Bridgetown.", "February", NO_REF, 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 2, 25);
    assert_date(r.dx.span.to, 2025, 2, 27);
    assert_string_equal(r.text, "February 25 to 27, 2025");
    r = parse_at("They meet on March 5 and 6.", "March", NO_REF, 0);
    assert_true(r.ok);
    assert_date(r.dx.span.to, 0, 3, 6);
    assert_string_equal(r.text, "March 5 and 6");
    r = parse_at("On May 5 to 10 delegations came.", "May", NO_REF, 0);
    assert_true(r.ok);
    assert_single(&r);
    assert_string_equal(r.text, "May 5");
}

static void span_across_months_takes_year_from_reference(void **state) {
    (void)state;
    parsed r = parse_at("The envoy will tour the region from 31 May to 6 June, officials said.", "31 May",
                        D(2024, 5, 28), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 5, 31);
    assert_date(r.dx.span.to, 2024, 6, 6);
    assert_string_equal(r.text, "31 May to 6 June");
}

static void day_first_span(void **state) {
    (void)state;
    parsed r = parse_at("Consultations took place on 9-10 June 2022 in Geneva.", "9-10", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2022, 6, 9);
    assert_date(r.dx.span.to, 2022, 6, 10);
    assert_string_equal(r.text, "9-10 June 2022");
}

static void first_half_of_month(void **state) {
    (void)state;
    parsed r = parse_at("The visit is planned for the first half of April 2023.", "first half", NO_REF, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2023, 4, 1);
    assert_date(r.dx.span.to, 2023, 4, 15);
    r = parse_at("Elections are due in the second half of June 2025.", "second half", NO_REF, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 6, 16);
    assert_date(r.dx.span.to, 2025, 6, 30);
}

static void spanish_date(void **state) {
    (void)state;
    parsed r = parse_at("Publicado 22 de febrero, 2025 en Madrid.", "22", NO_REF, 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_FULL);
    assert_date(r.dx.span.from, 2025, 2, 22);
    assert_string_equal(r.text, "22 de febrero, 2025");
}

/* ---- day and month without a year ---- */

static void day_month_without_year_takes_reference_year(void **state) {
    (void)state;
    parsed r = parse_at("The ministers met on July 4 in Tbilisi.", "July", D(2024, 7, 5), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_PARTIAL);
    assert_date(r.dx.span.from, 2024, 7, 4);
    assert_string_equal(r.text, "July 4");
}

static void month_well_after_reference_is_last_year_in_past_report(void **state) {
    (void)state;
    /* a report of 5 July 2024 telling of 10 December: December 2023 */
    parsed r = parse_at("They first met on December 10 in Doha.", "December", D(2024, 7, 5), 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2023, 12, 10);
    /* announced for later: December 2024 */
    r = parse_at("They will meet on December 10 in Doha.", "December", D(2024, 7, 5), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 12, 10);
    /* announced in late December for mid-January: the next year */
    r = parse_at("They will meet on January 15 in Doha.", "January", D(2024, 12, 20), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 1, 15);
}

/* ---- relative dates ---- */

static void yesterday(void **state) {
    (void)state;
    parsed r = parse_at("The delegation arrived yesterday in Baku.", "yesterday", D(2024, 3, 1), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_RELATIVE);
    assert_date(r.dx.span.from, 2024, 2, 29); /* a leap year */
    assert_single(&r);
}

static void weekday_backwards_and_forwards(void **state) {
    (void)state;
    /* 22 February 2024 was a Thursday */
    parsed r = parse_at("The sides met on Tuesday in Ankara.", "Tuesday", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_RELATIVE);
    assert_date(r.dx.span.from, 2024, 2, 20);
    assert_int_equal(r.dx.weekday, 2);
    r = parse_at("The sides will meet on Tuesday in Ankara.", "Tuesday", D(2024, 2, 22), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 2, 27);
    assert_int_equal(r.dx.weekday, 2);
    /* the same weekday as the report: that day, either way */
    r = parse_at("The sides met on Thursday.", "Thursday", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 2, 22);
}

static void last_year(void **state) {
    (void)state;
    parsed r = parse_at("Trade grew sharply last year, the minister said.", "last year", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_RELATIVE);
    assert_date(r.dx.span.from, 2023, 0, 0);
    assert_string_equal(r.text, "last year");
}

static void this_week(void **state) {
    (void)state;
    /* past report on Thursday 22 February 2024: Monday 19th up to the report */
    parsed r = parse_at("Envoys met this week in Oslo.", "this week", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 2, 19);
    assert_date(r.dx.span.to, 2024, 2, 22);
    /* announced: the whole week */
    r = parse_at("Envoys will meet this week in Oslo.", "this week", D(2024, 2, 22), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 2, 19);
    assert_date(r.dx.span.to, 2024, 2, 25);
}

static void next_month_rolls_over_the_year(void **state) {
    (void)state;
    parsed r = parse_at("The minister will travel to Seoul next month.", "next month", D(2024, 12, 10), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 1, 0);
    assert_single(&r);
}

static void in_the_next_few_days(void **state) {
    (void)state;
    parsed r = parse_at("A delegation is expected in the next few days.", "the next", D(2024, 2, 22), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 2, 22);
    assert_date(r.dx.span.to, 2024, 2, 29);
    assert_string_equal(r.text, "the next few days");
}

static void no_reference_leaves_relative_dates_unresolved(void **state) {
    (void)state;
    static const struct {
        const char *text, *at;
    } cases[] = {
        {"The delegation arrived yesterday.", "yesterday"},
        {"The sides met on Tuesday.", "Tuesday"},
        {"Trade grew last year.", "last"},
        {"Envoys met this week.", "this"},
        {"The ministers met on July 4 in Tbilisi.", "July"},
        {"A delegation is expected in the next few days.", "the next"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        parsed r = parse_at(cases[k].text, cases[k].at, NO_REF, 0);
        /* either no date at all or one marked unresolved: never an invented one */
        if (r.ok && r.dx.kind != DX_UNRESOLVED) fail_msg("\"%s\" resolved without a reference date", cases[k].text);
    }
}

/* ---- years and things that are not dates ---- */

static void year_next_to_money_is_still_a_year(void **state) {
    (void)state;
    /* dm_date_parse reads it; the callers decide it is the figure's year */
    parsed r = parse_at("Trade reached $1.2 billion in 2023, officials said.", "2023", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_int_equal(r.dx.kind, DX_YEAR);
    assert_date(r.dx.span.from, 2023, 0, 0);
    assert_int_equal(r.dx.ntok, 1);
}

static void year_range_is_not_a_year(void **state) {
    (void)state;
    parsed r = parse_at("The roadmap for 2024-2025 was approved.", "2024", D(2024, 2, 22), 0);
    assert_false(r.ok);
}

static void lowercase_may_is_not_a_month(void **state) {
    (void)state;
    parsed r = parse_at("Officials said the accord may 2025 see ratified.", "may", D(2024, 2, 22), 0);
    assert_false(r.ok);
    r = parse_at("Of 12 may 2024 nothing is known.", "12", D(2024, 2, 22), 0);
    assert_false(r.ok);
    /* with a capital it is the month */
    r = parse_at("Signed on 12 May 2024 in Baku.", "12", D(2024, 2, 22), 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 5, 12);
}

static void not_a_date_word(void **state) {
    (void)state;
    parsed r = parse_at("The ministers discussed energy.", "ministers", D(2024, 2, 22), 0);
    assert_false(r.ok);
    /* an impossible day */
    r = parse_at("Nothing happened on 31 February 2024 anywhere.", "31", D(2024, 2, 22), 0);
    assert_false(r.ok);
}

/* ---- calendar helpers ---- */

static void days_round_trip(void **state) {
    (void)state;
    assert_int_equal(dm_days(D(1970, 1, 1)), 0);
    assert_int_equal(dm_days(D(1970, 1, 2)), 1);
    assert_int_equal(dm_days(D(2000, 3, 1)), 11017);
    assert_int_equal(dm_days(D(1969, 12, 31)), -1);
    /* day and month default to the first */
    assert_int_equal(dm_days(D(2024, 0, 0)), dm_days(D(2024, 1, 1)));
    assert_int_equal(dm_days(D(2024, 3, 0)), dm_days(D(2024, 3, 1)));
    for (long z = dm_days(D(1899, 12, 25)); z < dm_days(D(2101, 1, 10)); z += 13) {
        dm_date d = dm_from_days(z);
        assert_true(d.m >= 1 && d.m <= 12);
        assert_true(d.d >= 1 && d.d <= dm_days_in_month(d.y, d.m));
        assert_int_equal(dm_days(d), z);
    }
    assert_date(dm_from_days(dm_days(D(2024, 2, 29)) + 1), 2024, 3, 1);
    assert_date(dm_from_days(dm_days(D(2023, 12, 31)) + 1), 2024, 1, 1);
}

static void weekday_of_known_dates(void **state) {
    (void)state;
    assert_int_equal(dm_weekday(D(1970, 1, 1)), 4);  /* Thursday */
    assert_int_equal(dm_weekday(D(2000, 1, 1)), 6);  /* Saturday */
    assert_int_equal(dm_weekday(D(2024, 2, 20)), 2); /* Tuesday */
    assert_int_equal(dm_weekday(D(2023, 9, 24)), 7); /* Sunday */
    assert_int_equal(dm_weekday(D(2022, 10, 10)), 1); /* Monday */
    assert_int_equal(dm_weekday_of("friday"), 5);
    assert_int_equal(dm_weekday_of("tue"), 2);
    assert_int_equal(dm_weekday_of("fortnight"), 0);
    assert_int_equal(dm_month_of("sept"), 9);
    assert_int_equal(dm_month_of("febrero"), 2);
    assert_int_equal(dm_month_of("monday"), 0);
}

static void days_in_month_and_leap_years(void **state) {
    (void)state;
    assert_int_equal(dm_days_in_month(2024, 2), 29);
    assert_int_equal(dm_days_in_month(2023, 2), 28);
    assert_int_equal(dm_days_in_month(1900, 2), 28);
    assert_int_equal(dm_days_in_month(2000, 2), 29);
    assert_int_equal(dm_days_in_month(2100, 2), 28);
    assert_int_equal(dm_days_in_month(2023, 4), 30);
    assert_int_equal(dm_days_in_month(2023, 12), 31);
}

static void format_by_precision(void **state) {
    (void)state;
    char s[16];
    dm_date_format(D(2024, 0, 0), s);
    assert_string_equal(s, "2024");
    dm_date_format(D(2024, 3, 0), s);
    assert_string_equal(s, "2024-03");
    dm_date_format(D(2024, 3, 5), s);
    assert_string_equal(s, "2024-03-05");
    dm_date_format(NO_REF, s);
    assert_string_equal(s, "");
}

static void last_day_by_precision(void **state) {
    (void)state;
    assert_date(dm_date_last_day(D(2022, 0, 0)), 2022, 12, 31);
    assert_date(dm_date_last_day(D(2024, 2, 0)), 2024, 2, 29);
    assert_date(dm_date_last_day(D(2023, 2, 0)), 2023, 2, 28);
    assert_date(dm_date_last_day(D(2023, 11, 0)), 2023, 11, 30);
    assert_date(dm_date_last_day(D(2023, 11, 7)), 2023, 11, 7);
    assert_int_equal(dm_date_cmp(D(2023, 11, 7), D(2023, 11, 8)), -1);
    assert_int_equal(dm_date_cmp(D(2024, 1, 1), D(2023, 12, 31)), 1);
    assert_int_equal(dm_date_cmp(D(2024, 1, 1), D(2024, 1, 1)), 0);
}

/* The context registers the word classes the tokenizer marks dates with:
 * make it before the first document is segmented. */
/* ---- seasons ---- */

static void seasons_resolve_to_their_months(void **state) {
    (void)state;
    /* in September, "next spring" is next year's; "next winter" begins this December */
    parsed r = parse_at("The president will visit Rome next spring.", "next spring", D(2025, 9, 24), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2026, 3, 0);
    assert_date(r.dx.span.to, 2026, 5, 0);
    assert_string_equal(r.text, "next spring");
    r = parse_at("Talks will resume next winter.", "next winter", D(2025, 9, 24), 1);
    assert_date(r.dx.span.from, 2025, 12, 0);
    assert_date(r.dx.span.to, 2026, 2, 0);
    /* during autumn, "last autumn" is a year ago; in January "this winter" began in December */
    r = parse_at("They met last autumn in Baku.", "last autumn", D(2025, 10, 1), 0);
    assert_date(r.dx.span.from, 2024, 9, 0);
    r = parse_at("The forum meets this winter.", "this winter", D(2026, 1, 15), 1);
    assert_date(r.dx.span.from, 2025, 12, 0);
    assert_date(r.dx.span.to, 2026, 2, 0);
    /* "in the spring" of a plan told in March is this spring; of a past told in January, last year's */
    r = parse_at("He will travel to Kabul in the spring.", "the spring", D(2025, 3, 12), 1);
    assert_date(r.dx.span.from, 2025, 3, 0);
    assert_date(r.dx.span.to, 2025, 5, 0);
    r = parse_at("They met in the autumn.", "the autumn", D(2025, 1, 12), 0);
    assert_date(r.dx.span.from, 2024, 9, 0);
    /* a season alone is no date */
    r = parse_at("The spring session ended.", "spring", D(2025, 9, 24), 0);
    assert_false(r.ok);
}

/* ---- parts of a year or month ---- */

static void quarters_and_halves(void **state) {
    (void)state;
    dm_date ref = D(2024, 3, 12);
    parsed r = parse_at("He will visit in the fourth quarter of this year.", "the fourth", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 10, 0);
    assert_date(r.dx.span.to, 2024, 12, 0);
    assert_string_equal(r.text, "the fourth quarter of this year");
    r = parse_at("Talks are due in the first half of 2025.", "the first", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 1, 0);
    assert_date(r.dx.span.to, 2025, 6, 0);
    r = parse_at("A forum is set for the second half of next year.", "the second", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 7, 0);
    assert_date(r.dx.span.to, 2025, 12, 0);
    r = parse_at("Growth slowed in the last quarter of the year.", "the last", ref, 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 10, 0);
    /* a quarter of nothing said is no date */
    r = parse_at("He spoke in the first quarter.", "the first", ref, 1);
    assert_false(r.ok && r.dx.span.from.m);
}

static void ends_beginnings_and_parts_of_months(void **state) {
    (void)state;
    dm_date ref = D(2024, 3, 12);
    parsed r = parse_at("The summit is planned for the end of October.", "the end", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 10, 0);
    assert_single(&r);
    r = parse_at("They will meet at the beginning of next year.", "the beginning", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 1, 0);
    r = parse_at("The visit is expected in early December.", "early", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 12, 0);
    assert_string_equal(r.text, "early December");
    r = parse_at("A round is set for mid-January.", "mid", ref, 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 1, 0); /* the coming January in a plan */
    r = parse_at("The talks took place in late January 2023.", "late", ref, 0);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2023, 1, 0);
    /* "late" and "early" alone, or before a word that is no month, are no date */
    r = parse_at("The late president was honoured.", "late", ref, 0);
    assert_false(r.ok);
}

static void bare_season_after_in(void **state) {
    (void)state;
    parsed r = parse_at("The president will visit Rome in autumn.", "autumn", D(2024, 3, 12), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2024, 9, 0);
    assert_date(r.dx.span.to, 2024, 11, 0);
    r = parse_at("The president will visit Rome in spring.", "spring", D(2024, 7, 1), 1);
    assert_true(r.ok);
    assert_date(r.dx.span.from, 2025, 3, 0);
    /* not after "in": "the Arab Spring", "spring water" */
    r = parse_at("Spring water was served.", "Spring", D(2024, 7, 1), 1);
    assert_false(r.ok);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(day_month_year),
        cmocka_unit_test(weekday_before_date_is_recorded),
        cmocka_unit_test(iso_date),
        cmocka_unit_test(dotted_day_month_year),
        cmocka_unit_test(slashed_day_month_year),
        cmocka_unit_test(abbreviated_month_first),
        cmocka_unit_test(month_first_span),
        cmocka_unit_test(month_first_span_with_words),
        cmocka_unit_test(span_across_months_takes_year_from_reference),
        cmocka_unit_test(day_first_span),
        cmocka_unit_test(first_half_of_month),
        cmocka_unit_test(spanish_date),
        cmocka_unit_test(day_month_without_year_takes_reference_year),
        cmocka_unit_test(month_well_after_reference_is_last_year_in_past_report),
        cmocka_unit_test(yesterday),
        cmocka_unit_test(weekday_backwards_and_forwards),
        cmocka_unit_test(last_year),
        cmocka_unit_test(this_week),
        cmocka_unit_test(next_month_rolls_over_the_year),
        cmocka_unit_test(in_the_next_few_days),
        cmocka_unit_test(no_reference_leaves_relative_dates_unresolved),
        cmocka_unit_test(year_next_to_money_is_still_a_year),
        cmocka_unit_test(year_range_is_not_a_year),
        cmocka_unit_test(lowercase_may_is_not_a_month),
        cmocka_unit_test(not_a_date_word),
        cmocka_unit_test(days_round_trip),
        cmocka_unit_test(weekday_of_known_dates),
        cmocka_unit_test(seasons_resolve_to_their_months),
        cmocka_unit_test(days_in_month_and_leap_years),
        cmocka_unit_test(format_by_precision),
        cmocka_unit_test(last_day_by_precision),
        cmocka_unit_test(quarters_and_halves),
        cmocka_unit_test(ends_beginnings_and_parts_of_months),
        cmocka_unit_test(bare_season_after_in),
    };
    test_helpers_used();
    return cmocka_run_group_tests_name("dates", tests, test_group_setup, NULL);
}
