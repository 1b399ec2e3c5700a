#include "gazetteer.h"
#include "../core/error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const DM_ROLE_NAMES[R_COUNT] = {
    "official", "head_of_state", "head_of_government", "foreign_minister", "minister", "deputy_minister",
    "ambassador", "legislator", "org_official", "envoy", "official"};

const char *const DM_TOPIC_NAMES[DM_NTOPICS] = {
    "trade", "investment", "economy", "energy", "transport", "water", "environment", "security",
    "terrorism", "humanitarian", "culture", "education", "science_tech", "tourism", "agriculture", "health",
    "religion", "political", "industry", "finance", "multilateral", "migration", "media", "human_rights"};

int dm_role_of(const char *name) {
    for (int i = 1; i < R_COUNT; i++)
        if (!strcmp(name, DM_ROLE_NAMES[i])) return i;
    return R_NONE;
}

int dm_topic_of(const char *name) {
    for (int i = 0; i < DM_NTOPICS; i++)
        if (!strcmp(name, DM_TOPIC_NAMES[i])) return i;
    return -1;
}

int dm_country_by_code(const dm_ctx *ctx, const char *code) {
    for (size_t i = 0; i < ctx->ncountries; i++) /* the first letter rules out most, without a call */
        if (ctx->countries[i].code[0] == code[0] && !strcmp(ctx->countries[i].code, code)) return (int)i;
    return -1;
}

int dm_org_by_code(const dm_ctx *ctx, const char *code) {
    for (size_t i = 0; i < ctx->norgs; i++)
        if (!strcmp(ctx->orgs[i].code, code)) return (int)i;
    return -1;
}

/* Splits a line into at most max TAB-separated fields (in place). */
static size_t split_tabs(char *line, char **f, size_t max) {
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

/* Adds every '|'-separated alias of list to the lexicon. */
static void add_aliases(dm_ctx *ctx, const char *list, uint8_t type, uint16_t id) {
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && p[n - 1] == ' ') n--;
        while (n && *p == ' ') p++, n--;
        if (n && !(n == 1 && *p == '-')) dm_lex_add(ctx->lx, p, n, type, id);
        if (!e) break;
        p = e + 1;
    }
}

static char *dup(dm_ctx *ctx, const char *s) { return dm_arena_strndup(&ctx->arena, s, strlen(s)); }

dm_status dm_gaz_load(dm_ctx *ctx, const char *kind, const char *data, size_t len, const char *origin,
                      dm_error *err) {
    char *copy = dm_xmalloc(len + 1);
    memcpy(copy, data, len);
    copy[len] = 0;
    size_t lineno = 0;
    dm_status st = DM_OK;
    /* cities name their country by code, orgs their parent: resolve after reading */
    char *line = copy;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r') line[--ll] = 0;
        if (ll == 0 || line[0] == '#') {
            line = nl ? nl + 1 : NULL;
            continue;
        }
        char *f[6];
        size_t nf = split_tabs(line, f, 6);
        if (!strcmp(kind, "countries")) {
            if (nf < 2 || strlen(f[0]) != 3) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: expected ISO3<TAB>name<TAB>aliases<TAB>adjectives", origin, lineno);
                break;
            }
            int id = dm_country_by_code(ctx, f[0]);
            if (id < 0) {
                dm_country c = {{0}, dup(ctx, f[1]), -1};
                memcpy(c.code, f[0], 3);
                DM_VEC_PUSH(&ctx->arena, ctx->countries, ctx->ncountries, ctx->countries_cap, c);
                id = (int)ctx->ncountries - 1;
            }
            dm_lex_add(ctx->lx, f[1], strlen(f[1]), LX_COUNTRY, (uint16_t)id);
            if (nf > 2) add_aliases(ctx, f[2], LX_COUNTRY, (uint16_t)id);
            if (nf > 3) add_aliases(ctx, f[3], LX_CADJ, (uint16_t)id);
        } else if (!strcmp(kind, "cities")) {
            int country = nf >= 3 ? dm_country_by_code(ctx, f[1]) : -1;
            if (nf < 3 || country < 0) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: expected name<TAB>ISO3 of a known country<TAB>capital|city<TAB>aliases", origin, lineno);
                break;
            }
            dm_city c = {dup(ctx, f[0]), country, (uint8_t)(strcmp(f[2], "capital") == 0)};
            DM_VEC_PUSH(&ctx->arena, ctx->cities, ctx->ncities, ctx->cities_cap, c);
            int id = (int)ctx->ncities - 1;
            if (c.capital && ctx->countries[country].capital < 0) ctx->countries[country].capital = id;
            dm_lex_add(ctx->lx, f[0], strlen(f[0]), LX_CITY, (uint16_t)id);
            if (nf > 3) add_aliases(ctx, f[3], LX_CITY, (uint16_t)id);
        } else if (!strcmp(kind, "orgs")) {
            if (nf < 2) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: expected CODE<TAB>name<TAB>aliases<TAB>parent", origin, lineno);
                break;
            }
            int id = dm_org_by_code(ctx, f[0]);
            if (id < 0) {
                dm_org o = {dup(ctx, f[0]), dup(ctx, f[1]), -1};
                DM_VEC_PUSH(&ctx->arena, ctx->orgs, ctx->norgs, ctx->orgs_cap, o);
                id = (int)ctx->norgs - 1;
            }
            if (nf > 3 && strcmp(f[3], "-") != 0) {
                /* parents come first in the file; an unknown one is ignored */
                ctx->orgs[id].parent = dm_org_by_code(ctx, f[3]);
            }
            dm_lex_add(ctx->lx, f[0], strlen(f[0]), LX_ORG, (uint16_t)id);
            dm_lex_add(ctx->lx, f[1], strlen(f[1]), LX_ORG, (uint16_t)id);
            if (nf > 2) add_aliases(ctx, f[2], LX_ORG, (uint16_t)id);
        } else if (!strcmp(kind, "titles")) {
            if (nf < 2) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: expected phrase<TAB>role<TAB>flags", origin, lineno);
                break;
            }
            dm_title t = {dup(ctx, f[0]), (uint8_t)dm_role_of(f[1]), 0, -1};
            if (nf > 2) {
                /* "state=VAT": a title held in one state only */
                const char *sf = strstr(f[2], "state=");
                if (sf) {
                    char code[4] = {0};
                    memcpy(code, sf + 6, strnlen(sf + 6, 3));
                    t.state = dm_country_by_code(ctx, code);
                    if (t.state < 0) {
                        st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: unknown state '%s' in flags", origin,
                                          lineno, code);
                        break;
                    }
                }
                if (strstr(f[2], "plural")) t.flags |= TT_PLURAL;
                if (strstr(f[2], "honorific")) t.flags |= TT_HONORIFIC;
                if (strstr(f[2], "rank")) t.flags |= TT_RANK;
                if (strstr(f[2], "modifier")) t.flags |= TT_MODIFIER;
                if (strstr(f[2], "generic")) t.flags |= TT_GENERIC;
            }
            if (t.role == R_NONE && !(t.flags & (TT_HONORIFIC | TT_RANK | TT_MODIFIER))) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: unknown role '%s'", origin, lineno, f[1]);
                break;
            }
            DM_VEC_PUSH(&ctx->arena, ctx->titles, ctx->ntitles, ctx->titles_cap, t);
            /* Title words match in any case: "foreign minister", "Foreign Minister". */
            char lower[256];
            size_t n = strlen(f[0]);
            if (n >= sizeof lower) n = sizeof lower - 1;
            for (size_t k = 0; k < n; k++) lower[k] = (f[0][k] >= 'A' && f[0][k] <= 'Z') ? f[0][k] + 32 : f[0][k];
            /* but honorifics and ranks keep their capital ("General", "Mr") */
            if (t.flags & (TT_HONORIFIC | TT_RANK)) memcpy(lower, f[0], n);
            dm_lex_add(ctx->lx, lower, n, LX_TITLE, (uint16_t)(ctx->ntitles - 1));
        } else if (!strcmp(kind, "topics")) {
            int topic = nf >= 2 ? dm_topic_of(f[1]) : -1;
            if (topic < 0) {
                st = dm_error_set(err, DM_ERR_LEXICON, lineno, "%s:%zu: expected phrase<TAB>topic from the spec's vocabulary", origin, lineno);
                break;
            }
            dm_lex_add(ctx->lx, f[0], strlen(f[0]), LX_TOPIC, (uint16_t)topic);
        } else {
            st = dm_error_set(err, DM_ERR_LEXICON, 0, "%s: unknown lexicon kind '%s'", origin, kind);
            break;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(copy);
    return st;
}
