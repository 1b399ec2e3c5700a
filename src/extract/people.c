#include "../core/words.h"
#include "people.h"
#include "../core/buf.h"
#include <string.h>

static int is_dot(const dm_doc *doc, size_t i) { return i < doc->toks.n && dm_tok_is(&doc->toks, i, "."); }

char *dm_name_string(dm_doc *doc, size_t t0, size_t t1) {
    const dm_tokens *t = &doc->toks;
    /* "IWAYA Takeshi" (a family name in capitals first, as Japanese and Chinese sources write): "Takeshi Iwaya" */
    if (t1 == t0 + 2 && (t->v[t0].flags & TF_UPPER) && t->v[t0].end - t->v[t0].start >= 3 &&
        (t->v[t0 + 1].flags & TF_CAP) && !(t->v[t0 + 1].flags & TF_UPPER) && t->v[t0].kind == TK_WORD &&
        t->v[t0 + 1].kind == TK_WORD) {
        size_t n1 = t->v[t0].end - t->v[t0].start, n2 = t->v[t0 + 1].end - t->v[t0 + 1].start;
        char *out = dm_arena_alloc(&doc->arena, n1 + n2 + 2);
        memcpy(out, doc->text + t->v[t0 + 1].start, n2);
        out[n2] = ' ';
        memcpy(out + n2 + 1, doc->text + t->v[t0].start, n1);
        for (size_t k = n2 + 2; k < n1 + n2 + 1; k++)
            if (out[k] >= 'A' && out[k] <= 'Z') out[k] = (char)(out[k] + 32);
        out[n1 + n2 + 1] = 0;
        return out;
    }
    size_t cap = 1;
    for (size_t i = t0; i < t1; i++) cap += t->v[i].end - t->v[i].start + 2;
    char *out = dm_arena_alloc(&doc->arena, cap);
    size_t o = 0;
    for (size_t i = t0; i < t1; i++) {
        int glue = i > t0 && !(t->v[i].flags & TF_SPACE);
        /* "Kh.Battulga": an initial's dot glued to the next word gets a space */
        if (i > t0 && glue && is_dot(doc, i - 1) && t->v[i].kind == TK_WORD) glue = 0;
        if (i > t0 && !glue) out[o++] = ' ';
        size_t n = t->v[i].end - t->v[i].start;
        memcpy(out + o, doc->text + t->v[i].start, n);
        o += n;
    }
    out[o] = 0;
    return out;
}

/* Splits the name span into folded full words and initials. */
static void name_keys(const dm_doc *doc, size_t t0, size_t t1, const char **words, int *nw, char *ini, int *ni,
                      int *patronymic) {
    *nw = *ni = *patronymic = 0;
    const dm_tokens *t = &doc->toks;
    for (size_t i = t0; i < t1; i++) {
        if (t->v[i].kind != TK_WORD) continue;
        const char *f = dm_tok_fold(t, i);
        if (is_dot(doc, i + 1) && t->v[i].flen <= 2) {
            if (*ni < 6) ini[(*ni)++] = f[0];
            continue;
        }
        if (t->v[i].flags & TF_LOWER) { /* bin, al, de */
            *patronymic |= dm_eq(f, "bin") || dm_eq(f, "ibn") || dm_eq(f, "bint");
            continue;
        }
        if (*nw < 6) words[(*nw)++] = f;
    }
}

static int has_word(const dm_person *p, const char *w) {
    for (int k = 0; k < p->nwords; k++)
        if (dm_eq(p->words[k], w)) return 1;
    return 0;
}

/* Do these keys name person p? They share a word; when both have two or more
 * words, one set contains the other; initials agree with a word's first letter. */
static int keys_match(const dm_person *p, const char **w, int nw, const char *ini, int ni, int patronymic) {
    if (p->anonymous || nw == 0) return 0;
    int shared = 0;
    for (int k = 0; k < nw; k++) shared += has_word(p, w[k]);
    if (!shared) return 0;
    if (nw >= 2 && p->nwords >= 2 && shared < (nw < p->nwords ? nw : p->nwords)) return 0;
    /* "King Salman bin Abdulaziz Al Saud" is not "Mohammed bin Salman bin Abdulaziz Al Saud": in names
     * of fathers' names one's given name standing later in the other's is a father's name */
    if ((patronymic || p->patronymic) && nw >= 2 && p->nwords >= 2 && !dm_eq(w[0], p->words[0])) {
        for (int j = 1; j < p->nwords; j++)
            if (dm_eq(p->words[j], w[0])) return 0;
        for (int j = 1; j < nw; j++)
            if (dm_eq(w[j], p->words[0])) return 0;
    }
    for (int k = 0; k < ni; k++) {
        int ok = 0;
        for (int j = 0; j < p->nwords; j++)
            if (p->words[j][0] == ini[k]) ok = 1;
        for (int j = 0; j < p->ninitials; j++)
            if (p->initials[j] == ini[k]) ok = 1;
        if (!ok) return 0;
    }
    return 1;
}

static uint32_t word_hash(const char *w) {
    uint32_t h = 2166136261u;
    for (; *w; w++) h = (h ^ (unsigned char)*w) * 16777619u;
    return h ? h : 1;
}

/* Records that word w is in person p's name (the index may hold stale pairs;
 * lookups verify them). */
static void index_word(dm_doc *doc, const char *w, int p) {
    dm_extraction *x = doc->x;
    if ((x->nnames + 1) * 2 > x->names_cap) {
        size_t old_cap = x->names_cap;
        dm_name_entry *old = x->names;
        x->names_cap = old_cap ? old_cap * 2 : 256;
        x->names = dm_arena_alloc(&doc->arena, x->names_cap * sizeof *x->names);
        for (size_t i = 0; i < x->names_cap; i++) x->names[i].person = -1;
        x->nnames = 0;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].person >= 0) {
                size_t s = old[i].hash & (x->names_cap - 1);
                while (x->names[s].person >= 0) s = (s + 1) & (x->names_cap - 1);
                x->names[s] = old[i];
                x->nnames++;
            }
    }
    uint32_t h = word_hash(w);
    size_t s = h & (x->names_cap - 1);
    while (x->names[s].person >= 0) {
        if (x->names[s].hash == h && x->names[s].person == p) return;
        s = (s + 1) & (x->names_cap - 1);
    }
    x->names[s].hash = h;
    x->names[s].person = p;
    x->nnames++;
}

static int find_keys(const dm_doc *doc, uint32_t story, const char **w, int nw, const char *ini, int ni, int patronymic,
                     int country) {
    const dm_extraction *x = doc->x;
    int best = -1;
    if (nw == 0 || !x->names_cap) return -1;
    /* candidates: the people indexed under any of the words (a match shares one) */
    for (int k = 0; k < nw; k++) {
        uint32_t h = word_hash(w[k]);
        for (size_t s = h & (x->names_cap - 1); x->names[s].person >= 0; s = (s + 1) & (x->names_cap - 1)) {
            if (x->names[s].hash != h) continue;
            size_t i = (size_t)x->names[s].person;
            const dm_person *p = &x->people[i];
            if (!keys_match(p, w, nw, ini, ni, patronymic)) continue;
            if (country >= 0 && p->country >= 0 && p->country != country) continue;
            /* the same story first, then the latest mention */
            if (best < 0 || (p->story == story && x->people[best].story != story) ||
                ((p->story == story) == (x->people[best].story == story) && p->last_tok > x->people[best].last_tok))
                best = (int)i;
        }
    }
    return best;
}

int dm_people_find_name(const dm_doc *doc, uint32_t story, size_t t0, size_t t1) {
    const char *w[6];
    char ini[6];
    int nw, ni;
    int patronymic;
    name_keys(doc, t0, t1, w, &nw, ini, &ni, &patronymic);
    return find_keys(doc, story, w, nw, ini, ni, patronymic, -1);
}

int dm_people_find_word(const dm_doc *doc, uint32_t story, const char *word) {
    const char *w[1] = {word};
    return find_keys(doc, story, w, 1, NULL, 0, 0, -1);
}

static void update(dm_doc *doc, dm_person *p, size_t t0, size_t t1, const char *title, int title_len, int role,
                   int country, int org, const char **w, int nw, const char *ini, int ni, int patronymic) {
    /* the fullest name: more full words, then more initials */
    if (nw > p->nwords || (nw == p->nwords && ni > p->ninitials)) {
        p->name = dm_name_string(doc, t0, t1);
        p->patronymic = (uint8_t)patronymic;
        memcpy(p->words, w, sizeof(*w) * (size_t)nw);
        p->nwords = nw;
        for (int k = 0; k < nw; k++) index_word(doc, w[k], (int)(p - doc->x->people));
        memcpy(p->initials, ini, (size_t)ni);
        p->ninitials = ni;
    }
    if (title && title_len > p->title_len) {
        p->title = title;
        p->title_len = title_len;
        if (role) p->role = (uint8_t)role;
    } else if (!p->role && role) {
        p->role = (uint8_t)role;
    }
    if (p->country < 0 && country >= 0) p->country = country;
    if (p->org < 0 && org >= 0) p->org = org;
    if (t1 > p->last_tok) p->last_tok = (uint32_t)t1;
}

int dm_people_add(dm_doc *doc, uint32_t story, size_t t0, size_t t1, const char *title, int title_len, int role,
                  int country, int org) {
    const char *w[6];
    char ini[6];
    int nw, ni;
    int patronymic;
    name_keys(doc, t0, t1, w, &nw, ini, &ni, &patronymic);
    int idx = find_keys(doc, story, w, nw, ini, ni, patronymic, country);
    dm_extraction *x = doc->x;
    if (idx < 0) {
        dm_person p = {0};
        p.country = p.org = -1;
        p.story = story;
        DM_VEC_PUSH(&doc->arena, x->people, x->npeople, x->people_cap, p);
        idx = (int)x->npeople - 1;
        x->people[idx].nwords = -1; /* so that update takes this name */
    }
    update(doc, &x->people[idx], t0, t1, title, title_len, role, country, org, w, nw, ini, ni, patronymic);
    return idx;
}

int dm_people_add_anonymous(dm_doc *doc, uint32_t story, const char *title, int role, int country, int org) {
    dm_extraction *x = doc->x;
    for (size_t i = 0; i < x->npeople; i++) {
        dm_person *p = &x->people[i];
        if (p->anonymous && p->story == story && p->role == role && p->country == country && p->org == org)
            return (int)i;
    }
    dm_person p = {0};
    p.name = title;
    p.title = title;
    p.role = (uint8_t)role;
    p.country = country;
    p.org = org;
    p.story = story;
    p.anonymous = 1;
    DM_VEC_PUSH(&doc->arena, x->people, x->npeople, x->people_cap, p);
    return (int)x->npeople - 1;
}

static int contains_nocase(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && ((hay[k] | 32) == (needle[k] | 32))) k++;
        if (k == n) return 1;
    }
    return 0;
}

static int has_acronym(const char *title, const char *acr, size_t n) {
    for (const char *q = strstr(title, acr); q; q = strstr(q + 1, acr))
        if ((q == title || q[-1] == ' ') && (q[n] == 0 || q[n] == ' ' || q[n] == ',')) return 1;
    return 0;
}

/* Is a title a monarch's ("King", "Emir", "His Majesty", "Crown Prince")? */
static int monarchic(const char *title) {
    static const char *const WORDS[] = {"king", "queen", "emir", "amir", "sultan", "prince", "monarch", "majesty",
                                        "highness", "sheikh", "grand duke", NULL};
    for (size_t k = 0; WORDS[k]; k++)
        if (contains_nocase(title, WORDS[k])) return 1;
    return 0;
}

int dm_titles_agree(const char *a, const char *b) {
    if (!a || !b) return 1;
    /* "the King" is not the President who shares his rank of head of state */
    return (!contains_nocase(a, "president") && !contains_nocase(b, "president")) || monarchic(a) == monarchic(b);
}

int dm_people_find_title_words(const dm_doc *doc, uint32_t story, const char *phrase) {
    const dm_extraction *x = doc->x;
    int best = -1;
    if (!phrase) return -1;
    size_t n = strlen(phrase);
    /* a short phrase only as a word of capitals: "EAM", "PM" */
    int acronym = n >= 2 && n < 4;
    for (size_t k = 0; acronym && k < n; k++) acronym = phrase[k] >= 'A' && phrase[k] <= 'Z';
    if (n < 4 && !acronym) return -1;
    for (size_t i = 0; i < x->npeople; i++) {
        const dm_person *p = &x->people[i];
        if (p->story != story || p->anonymous || !p->title) continue;
        if (acronym ? !has_acronym(p->title, phrase, n) : !contains_nocase(p->title, phrase)) continue;
        if (best < 0 || p->last_tok > x->people[best].last_tok) best = (int)i;
    }
    return best;
}

int dm_people_find_title(const dm_doc *doc, uint32_t story, int role, int country, int org, int prefer_country) {
    const dm_extraction *x = doc->x;
    int best = -1, best_score = -1;
    for (size_t i = 0; i < x->npeople; i++) {
        const dm_person *p = &x->people[i];
        if (p->story != story || p->anonymous) continue;
        if (country >= 0 && p->country != country) continue;
        if (org >= 0 && p->org != org) continue;
        if (role > 0 && p->role != role && !(role == R_MINISTER && p->role == R_FOREIGN_MINISTER)) continue;
        int score = (int)(p->last_tok & 0xFFFFFF);
        if (prefer_country >= 0 && p->country == prefer_country) score += 1 << 26;
        if (score > best_score) best = (int)i, best_score = score;
    }
    return best;
}
