#include "lexicon.h"
#include "../text/tokens.h"
#include "../text/wordclass.h"
#include <stdlib.h>
#include <string.h>

#define MAX_PHRASE 24

typedef struct {
    uint32_t hash;
    uint32_t key;    /* offset in pool: folded tokens joined by ' ', NUL-terminated */
    uint32_t prefix; /* key of the node for all tokens but the last (every prefix has a node) */
    uint32_t ent;    /* first entry index + 1, 0 for none */
    uint32_t last;   /* where the last token starts in the key */
    uint16_t last_len;
    uint8_t ntok;
    uint8_t used : 1;
    uint8_t longer : 1; /* some phrase goes on from this one (is its prefix) */
} node;

typedef struct {
    dm_lex_entry e;
    uint32_t next; /* next entry index + 1 */
} entry_rec;

struct dm_lexicon {
    dm_lex_starts starts; /* first, for the inline test in lexicon.h */
    node *slots;
    uint32_t *tags; /* per slot: its node's hash with the low bit set, 0 when free; probing reads
                       only this dense array (a quarter of the nodes' size, so it stays in cache) */
    size_t nslots, nused;
    char *pool;
    size_t pool_len, pool_cap;
    entry_rec *ents;
    size_t nents, ents_cap;
    dm_arena scratch; /* each added phrase's tokens, emptied after it (thousands are added at start-up) */
};

static uint32_t mix(uint32_t h, uint32_t tok) { return (h ^ tok) * 0x9E3779B1u + 0x7F4A7C15u; }

/* The slot of a hash: a finalizer spreads all its bits into the low ones
 * (a multiply alone only carries low bits upwards, and the table uses low bits). */
static size_t slot_of(uint32_t h, size_t nslots) {
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h & (nslots - 1);
}

dm_lexicon *dm_lex_new(void) {
    dm_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) dm_die_oom();
    lx->nslots = 1 << 14;
    lx->slots = calloc(lx->nslots, sizeof *lx->slots);
    lx->tags = calloc(lx->nslots, sizeof *lx->tags);
    if (!lx->slots || !lx->tags) dm_die_oom();
    dm_arena_init(&lx->scratch, 4096);
    return lx;
}

void dm_lex_free(dm_lexicon *lx) {
    if (!lx) return;
    free(lx->slots);
    free(lx->tags);
    free(lx->pool);
    free(lx->ents);
    dm_arena_free(&lx->scratch);
    free(lx);
}

size_t dm_lex_size(const dm_lexicon *lx) { return lx->nents; }

static const char *key_of(const dm_lexicon *lx, const node *n) { return lx->pool + n->key; }

/* Does the node's key equal the folded tokens t[i..i+ntok)? */
static int key_eq(const dm_lexicon *lx, const node *n, const dm_tokens *t, size_t i, size_t ntok) {
    if (n->ntok != ntok) return 0;
    const char *k = key_of(lx, n);
    for (size_t j = 0; j < ntok; j++) {
        const char *f = dm_tok_fold(t, i + j);
        size_t fl = t->v[i + j].flen;
        if (strncmp(k, f, fl) != 0) return 0;
        k += fl;
        if (j + 1 < ntok) {
            if (*k != ' ') return 0;
            k++;
        }
    }
    return *k == 0;
}

/* Is node n the phrase matched so far (the node with key prefix) followed by token j?
 * The earlier tokens were compared when the shorter phrase matched. */
static int next_eq(const dm_lexicon *lx, const node *n, uint32_t prefix, const dm_tokens *t, size_t j,
                   size_t ntok) {
    if (n->ntok != ntok || (ntok > 1 && n->prefix != prefix) || n->last_len != t->v[j].flen) return 0;
    return dm_wordclass_eq(key_of(lx, n) + n->last, dm_tok_fold(t, j), n->last_len); /* short words, no call */
}

static void grow(dm_lexicon *lx) {
    size_t old_n = lx->nslots;
    node *old = lx->slots;
    lx->nslots *= 2;
    lx->slots = calloc(lx->nslots, sizeof *lx->slots);
    free(lx->tags);
    lx->tags = calloc(lx->nslots, sizeof *lx->tags);
    if (!lx->slots || !lx->tags) dm_die_oom();
    for (size_t i = 0; i < old_n; i++) {
        if (!old[i].used) continue;
        size_t s = slot_of(old[i].hash, lx->nslots);
        while (lx->slots[s].used) s = (s + 1) & (lx->nslots - 1);
        lx->slots[s] = old[i];
        lx->tags[s] = old[i].hash | 1;
    }
    free(old);
}

/* Finds or creates the node for t[0..ntok); prefix is the key of the node for t[0..ntok-1). */
static node *intern(dm_lexicon *lx, const dm_tokens *t, size_t ntok, uint32_t h, uint32_t prefix) {
    if ((lx->nused + 1) * 2 > lx->nslots) grow(lx);
    size_t s = slot_of(h, lx->nslots);
    while (lx->slots[s].used) {
        if (lx->slots[s].hash == h && key_eq(lx, &lx->slots[s], t, 0, ntok)) return &lx->slots[s];
        s = (s + 1) & (lx->nslots - 1);
    }
    size_t klen = 0;
    for (size_t j = 0; j < ntok; j++) klen += t->v[j].flen + 1;
    if (lx->pool_len + klen + 1 > lx->pool_cap) {
        size_t cap = lx->pool_cap ? lx->pool_cap * 2 : 65536;
        while (cap < lx->pool_len + klen + 1) cap *= 2;
        lx->pool = dm_xrealloc(lx->pool, cap);
        lx->pool_cap = cap;
    }
    char *k = lx->pool + lx->pool_len;
    for (size_t j = 0; j < ntok; j++) {
        memcpy(k, dm_tok_fold(t, j), t->v[j].flen);
        k += t->v[j].flen;
        *k++ = j + 1 < ntok ? ' ' : 0;
    }
    node *n = &lx->slots[s];
    lx->tags[s] = h | 1;
    n->used = 1;
    n->hash = h;
    n->key = (uint32_t)lx->pool_len;
    n->ntok = (uint8_t)ntok;
    n->prefix = prefix;
    n->last = (uint32_t)(klen - t->v[ntok - 1].flen - 1);
    n->last_len = t->v[ntok - 1].flen;
    n->ent = 0;
    lx->pool_len = (size_t)(k - lx->pool);
    lx->nused++;
    return n;
}

void dm_lex_add(dm_lexicon *lx, const char *phrase, size_t len, uint8_t type, uint16_t id) {
    dm_arena *a = &lx->scratch;
    dm_tokens t = {0};
    dm_tokenize(a, dm_arena_strndup(a, phrase, len), len, &t); /* NUL-terminated for the tokenizer */
    if (t.n == 0 || t.n > MAX_PHRASE) {
        dm_arena_reset(a);
        return;
    }
    uint8_t flags = 0;
    if (t.v[0].flags & TF_CAP) flags |= LXF_CAP;
    int acro = 1, letters = 0;
    for (size_t j = 0; j < t.n; j++)
        if (t.v[j].kind == TK_WORD) {
            letters++;
            if (!(t.v[j].flags & TF_UPPER) || (t.v[j].end - t.v[j].start < 2 && !(t.v[j].flags & TF_DOTTED))) acro = 0;
        }
    /* An all-capitals phrase of short words is an acronym: "US" must not match "us". */
    if (acro && letters && t.n <= 3 && t.v[0].end - t.v[0].start <= 8) flags |= LXF_ACRO;
    uint32_t h = 0x12345678u;
    node *n = NULL;
    for (size_t j = 0; j < t.n; j++) {
        h = mix(h, t.v[j].hash);
        if (n) n->longer = 1; /* before intern, which may move the nodes */
        n = intern(lx, &t, j + 1, h, n ? n->key : 0);
    }
    /* no duplicate entry for the same key */
    for (uint32_t e = n->ent; e; e = lx->ents[e - 1].next) {
        dm_lex_entry *x = &lx->ents[e - 1].e;
        if (x->type == type && x->id == id) {
            x->flags &= flags; /* the laxer rule wins */
            dm_arena_reset(a);
            return;
        }
    }
    if (lx->nents == lx->ents_cap) {
        lx->ents_cap = lx->ents_cap ? lx->ents_cap * 2 : 1024;
        lx->ents = dm_xrealloc(lx->ents, lx->ents_cap * sizeof *lx->ents);
    }
    lx->starts.first_types[dm_lex_first_bucket(t.v[0].hash)] |= (uint8_t)LXM(type);
    if (t.n == 1) lx->starts.single_types[dm_lex_first_bucket(t.v[0].hash)] |= (uint8_t)LXM(type);
    else {
        size_t p = dm_lex_pair_bucket(t.v[0].hash, t.v[1].hash);
        lx->starts.pairs[p / 64] |= (uint64_t)1 << (p % 64);
    }
    entry_rec *r = &lx->ents[lx->nents++];
    r->e = (dm_lex_entry){type, flags, id};
    /* append, so entries keep file order */
    r->next = 0;
    if (!n->ent) n->ent = (uint32_t)lx->nents;
    else {
        uint32_t e = n->ent;
        while (lx->ents[e - 1].next) e = lx->ents[e - 1].next;
        lx->ents[e - 1].next = (uint32_t)lx->nents;
    }
    dm_arena_reset(a);
}

static int case_ok(const dm_tokens *t, size_t i, size_t ntok, uint8_t flags) {
    if ((flags & LXF_CAP) && (t->v[i].flags & TF_LOWER)) return 0;
    if (flags & LXF_ACRO) {
        for (size_t j = 0; j < ntok; j++)
            if (t->v[i + j].kind == TK_WORD && !(t->v[i + j].flags & TF_UPPER) &&
                t->v[i + j].flen > 1)
                return 0;
    }
    return 1;
}

/* dm_lex_longest past its test of the first word (hit is cleared). */
int dm_lex_longest_probe(const dm_lexicon *lx, const dm_tokens *t, size_t i, size_t end, uint32_t mask,
                         dm_lex_hit *hit) {
    uint32_t h = 0x12345678u;
    const node *prev = NULL; /* the node matched one token shorter */
    for (size_t len = 1; len <= MAX_PHRASE && i + len <= end; len++) {
        size_t j = i + len - 1;
        /* phrases do not cross line breaks */
        if (len > 1 && (t->v[j].flags & TF_NL)) break;
        h = mix(h, t->v[j].hash);
        size_t s = slot_of(h, lx->nslots);
        const node *found = NULL;
        for (uint32_t tag; (tag = lx->tags[s]) != 0; s = (s + 1) & (lx->nslots - 1))
            if (tag == (h | 1) && lx->slots[s].hash == h &&
                next_eq(lx, &lx->slots[s], prev ? prev->key : 0, t, j, len)) {
                found = &lx->slots[s];
                break;
            }
        if (!found) break;
        prev = found;
        /* entries go straight into hit: a longer match without entries leaves hit->n as it was */
        size_t n = 0;
        for (uint32_t e = found->ent; e && n < DM_LEX_MAX_HITS; e = lx->ents[e - 1].next) {
            const dm_lex_entry *x = &lx->ents[e - 1].e;
            if ((mask & LXM(x->type)) && case_ok(t, i, len, x->flags)) hit->e[n++] = *x;
        }
        if (n) {
            hit->ntok = len;
            hit->n = n;
        }
        if (!found->longer) break;
    }
    return hit->ntok > 0;
}

const dm_lex_entry *dm_lex_hit_get(const dm_lex_hit *hit, uint8_t type) {
    for (size_t k = 0; k < hit->n; k++)
        if (hit->e[k].type == type) return &hit->e[k];
    return NULL;
}
