/* The context: lexicons of states, cities, organizations, titles and topic
 * words, loaded from TSV (data/, compiled into the binary) into tables and one
 * phrase lexicon. Immutable once built; shared by threads. */
#ifndef DM_GAZETTEER_H
#define DM_GAZETTEER_H
#include "lexicon.h"

enum {
    R_NONE = 0,
    R_HEAD_OF_STATE,
    R_HEAD_OF_GOVERNMENT,
    R_FOREIGN_MINISTER,
    R_MINISTER,
    R_DEPUTY_MINISTER,
    R_AMBASSADOR,
    R_LEGISLATOR,
    R_ORG_OFFICIAL,
    R_ENVOY,
    R_OFFICIAL,
    R_COUNT
};
/* The spec's role names, by R_*. */
extern const char *const DM_ROLE_NAMES[R_COUNT];
int dm_role_of(const char *name);

enum { TT_PLURAL = 1, TT_HONORIFIC = 2, TT_RANK = 4, TT_MODIFIER = 8, TT_GENERIC = 16 };

#define DM_NTOPICS 24
extern const char *const DM_TOPIC_NAMES[DM_NTOPICS];
int dm_topic_of(const char *name);

typedef struct {
    char code[4];
    const char *name;
    int capital; /* city index or -1 */
} dm_country;

typedef struct {
    const char *name;
    int country;
    uint8_t capital;
} dm_city;

typedef struct {
    const char *code;
    const char *name;
    int parent; /* org index or -1 */
} dm_org;

typedef struct {
    const char *phrase;
    uint8_t role, flags;
    int state; /* the state the title itself names ("Pope": the Holy See), or -1 */
} dm_title;

struct dm_ctx {
    dm_arena arena;
    dm_lexicon *lx;
    dm_country *countries;
    size_t ncountries, countries_cap;
    dm_city *cities;
    size_t ncities, cities_cap;
    dm_org *orgs;
    size_t norgs, orgs_cap;
    dm_title *titles;
    size_t ntitles, titles_cap;
};

/* Loads one TSV lexicon of the given kind ("countries", "cities", "orgs",
 * "titles", "topics") from memory; origin names it in error messages. */
dm_status dm_gaz_load(dm_ctx *ctx, const char *kind, const char *data, size_t len, const char *origin,
                      dm_error *err);
int dm_country_by_code(const dm_ctx *ctx, const char *code);
int dm_org_by_code(const dm_ctx *ctx, const char *code);
#endif
