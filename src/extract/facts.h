/* Figures: trade turnover and targets, investment, exports, company counts and
 * joint projects, with value, currency, qualifier, year, period, change and the
 * parties ("between the two countries" resolves to the pair in focus). */
#ifndef DM_FACTS_H
#define DM_FACTS_H
#include "events.h"

typedef struct {
    double value;
    char unit[4];
    size_t t0, t1; /* tokens of the amount */
} dm_amount;

/* dm_parse_money where a number is among the first three tokens (out is cleared). */
int dm_parse_money_near_number(const dm_doc *doc, size_t i, size_t end, dm_amount *out);

/* Parses an amount of money at token i ("$1.9 billion", "53 million US dollars",
 * "$5bn 800mln", "USD 3 bln 290 mln", "US$30 billion", "dlrs 7.1 billion").
 * Tried at every token, so the test that rules out most is inline: the number
 * comes first or after a prefix of at most two tokens ("US $"). */
static inline int dm_parse_money(const dm_doc *doc, size_t i, size_t end, dm_amount *out) {
    *out = (dm_amount){0};
    if (!(i < end && doc->toks.v[i].kind == TK_NUM) && !(i + 1 < end && doc->toks.v[i + 1].kind == TK_NUM) &&
        !(i + 2 < end && doc->toks.v[i + 2].kind == TK_NUM))
        return 0;
    return dm_parse_money_near_number(doc, i, end, out);
}

/* A fact party's code: a state's alpha-3 or an organization's code. */
const char *dm_party_code(const dm_ctx *ctx, int party);

void dm_find_facts(const dm_ctx *ctx, dm_doc *doc, size_t sent, const dm_mentions *ms, dm_story_ctx *sc);
#endif
