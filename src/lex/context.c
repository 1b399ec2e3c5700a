#include "../core/error.h"
#include "gazetteer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lexicons compiled into the binary (build/gen/lexdata.c, made from data/). */
extern const char dm_data_countries[], dm_data_cities[], dm_data_orgs[], dm_data_titles[], dm_data_topics[];
extern const size_t dm_data_countries_len, dm_data_cities_len, dm_data_orgs_len, dm_data_titles_len,
    dm_data_topics_len;

#include "../text/wordclass.h"

dm_ctx *dm_ctx_new(dm_error *err) {
    dm_wordclass_init();
    dm_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) dm_die_oom();
    dm_arena_init(&ctx->arena, 1 << 16);
    ctx->lx = dm_lex_new();
    struct {
        const char *kind;
        const char *data;
        size_t len;
    } builtin[] = {{"countries", dm_data_countries, dm_data_countries_len},
                   {"cities", dm_data_cities, dm_data_cities_len},
                   {"orgs", dm_data_orgs, dm_data_orgs_len},
                   {"titles", dm_data_titles, dm_data_titles_len},
                   {"topics", dm_data_topics, dm_data_topics_len}};
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++) {
        char origin[64];
        snprintf(origin, sizeof origin, "data/%s.tsv", builtin[i].kind);
        if (dm_gaz_load(ctx, builtin[i].kind, builtin[i].data, builtin[i].len, origin, err) != DM_OK) {
            dm_ctx_free(ctx);
            return NULL;
        }
    }
    return ctx;
}

dm_status dm_ctx_load_lexicon(dm_ctx *ctx, const char *path, dm_error *err) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const char *const kinds[] = {"countries", "cities", "orgs", "titles", "topics", NULL};
    const char *kind = NULL;
    for (int i = 0; kinds[i]; i++)
        if (!strncmp(base, kinds[i], strlen(kinds[i]))) kind = kinds[i];
    if (!kind)
        return dm_error_set(err, DM_ERR_USAGE, 0,
                            "%s: a lexicon file's name must start with countries, cities, orgs, titles or topics", path);
    FILE *f = fopen(path, "rb");
    if (!f) return dm_error_set(err, DM_ERR_IO, 0, "%s: cannot open lexicon", path);
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 65536;
            data = dm_xrealloc(data, cap);
        }
        size_t n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0) break;
    }
    fclose(f);
    dm_status st = dm_gaz_load(ctx, kind, data, len, path, err);
    free(data);
    return st;
}

void dm_ctx_free(dm_ctx *ctx) {
    if (!ctx) return;
    dm_lex_free(ctx->lx);
    dm_arena_free(&ctx->arena);
    free(ctx);
}
