#include "tokens.h"
#include "../core/utf8.h"
#include "wordclass.h"
#include <pthread.h>
#include <string.h>


/* ASCII bytes: their folded form ('`' is an apostrophe) and whether they are letters;
 * ASCII_LETTER_FOLD is the folded form of a letter and 0 for any other byte. */
enum { ASCII_UPPER = 1, ASCII_LOWER = 2 };
static unsigned char ASCII_FOLD[128], ASCII_CLASS[128], ASCII_LETTER_FOLD[256];
static void ascii_tables(void) {
    for (int c = 0; c < 128; c++) {
        ASCII_FOLD[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '`' ? '\'' : c);
        ASCII_CLASS[c] = c >= 'A' && c <= 'Z' ? ASCII_UPPER : c >= 'a' && c <= 'z' ? ASCII_LOWER : 0;
        ASCII_LETTER_FOLD[c] = ASCII_CLASS[c] ? ASCII_FOLD[c] : 0;
    }
}
static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return h;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

/* Room for need more bytes of folded forms; returns where the next one goes. */
static char *fold_room(dm_arena *a, dm_tokens *out, size_t need) {
    if (out->fold_len + need > out->fold_cap) {
        size_t cap = out->fold_cap ? out->fold_cap * 2 : 4096;
        while (cap < out->fold_len + need) cap *= 2;
        out->fold = dm_arena_grow(a, out->fold, out->fold_len, cap, 1);
        out->fold_cap = cap;
    }
    return out->fold + out->fold_len;
}

/* Appends a token whose folded form (fl bytes with FNV-1a hash h) was just written
 * at the end of out->fold; returns it for its flags. */
static inline dm_tok *add_token(dm_arena *a, dm_tokens *out, uint32_t s, uint32_t e, uint8_t kind, uint8_t flags,
                         size_t fl, uint32_t h) {
    char *f = out->fold + out->fold_len;
    if (fl > 0xFFFF) fl = 0xFFFF;
    f[fl] = 0;
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        out->v = dm_arena_grow(a, out->v, out->n, cap, sizeof *out->v);
        out->cap = cap;
    }
    dm_tok *t = &out->v[out->n++];
    *t = (dm_tok){.start = s,
                  .end = e,
                  .fold = (uint32_t)out->fold_len,
                  .flen = (uint16_t)fl,
                  .kind = kind,
                  .flags = flags,
                  .hash = h,
                  .wc = kind == TK_WORD ? dm_wordclass_of(f, fl, h) : 0};
    out->fold_len += fl + 1;
    return t;
}

static void push(dm_arena *a, dm_tokens *out, const char *text, uint32_t s, uint32_t e, uint8_t kind,
                 uint8_t flags) {
    size_t need = (size_t)(e - s) * 3 + 1; /* folding can grow a character */
    char *f = fold_room(a, out, need);
    /* ASCII (the usual case): fold, hash and look at the letters in one pass */
    int ascii = 1;
    unsigned seen = 0; /* ASCII_* bits of the bytes */
    uint32_t h = FNV_BASIS;
    size_t fl = 0;
    for (size_t k = s; k < e; k++) {
        unsigned char c = (unsigned char)text[k];
        if (c >= 0x80) {
            ascii = 0;
            break;
        }
        seen |= ASCII_CLASS[c];
        c = ASCII_FOLD[c];
        f[fl++] = (char)c;
        h = (h ^ c) * FNV_PRIME;
    }
    int up = !(seen & ASCII_LOWER), letters = seen != 0;
    if (!ascii) {
        fl = dm_fold(text + s, e - s, f, need - 1);
        h = fnv1a(f, fl);
    }
    dm_tok *t = add_token(a, out, s, e, kind, flags, fl, h);
    if (kind != TK_WORD) return;
    if (ascii) {
        char c0 = text[s];
        if (c0 >= 'A' && c0 <= 'Z') t->flags |= TF_CAP;
        else if (c0 >= 'a' && c0 <= 'z') t->flags |= TF_LOWER;
        if (up && letters) t->flags |= TF_UPPER;
        return;
    }
    size_t i = s;
    int32_t cp = dm_utf8_next(text, e, &i);
    if (dm_cp_is_upper(cp)) t->flags |= TF_CAP;
    else if (dm_cp_is_lower(cp)) t->flags |= TF_LOWER;
    int upper = 1, nletters = 0;
    for (i = s; i < e;) {
        cp = dm_utf8_next(text, e, &i);
        if (dm_cp_is_letter(cp)) {
            nletters++;
            if (!dm_cp_is_upper(cp)) upper = 0;
        }
    }
    if (upper && nletters) t->flags |= TF_UPPER;
}

/* The usual word: ASCII letters ended by an ASCII byte that is neither a letter nor an
 * apostrophe. It is folded, hashed and classified in the pass that finds its end (push
 * would read it again). Returns the end, or 0 for a word the general path must take.
 * The NUL at text[len] ends the scan. */
static size_t ascii_word(dm_arena *a, dm_tokens *out, const char *text, size_t len, size_t start,
                         uint8_t flags) {
    char *f = fold_room(a, out, len - start + 1); /* the word is at most the rest of the text */
    uint32_t h = FNV_BASIS;
    const unsigned char *p = (const unsigned char *)text + start;
    /* two bytes a round (p[1] is there: p[0] is a letter, so not the final NUL) */
    for (;;) {
        unsigned c0 = ASCII_LETTER_FOLD[p[0]];
        if (!c0) break;
        unsigned c1 = ASCII_LETTER_FOLD[p[1]];
        f[0] = (char)c0;
        h = (h ^ c0) * FNV_PRIME;
        if (!c1) {
            p++;
            break;
        }
        f[1] = (char)c1;
        h = (h ^ c1) * FNV_PRIME;
        p += 2;
        f += 2;
    }
    size_t k = (size_t)((const char *)p - text);
    if (k < len && ((unsigned char)text[k] >= 0x80 || text[k] == '\'')) return 0;
    if (ASCII_CLASS[(unsigned char)text[start]] == ASCII_LOWER) flags |= TF_LOWER;
    else {
        /* all capitals unless a lowercase letter (bit 0x20) follows; most words show one at once */
        size_t q = start + 1;
        while (q < k && !(text[q] & 0x20)) q++;
        flags |= q == k ? TF_CAP | TF_UPPER : TF_CAP;
    }
    add_token(a, out, (uint32_t)start, (uint32_t)k, TK_WORD, flags, k - start, h);
    return k;
}

/* A dotted abbreviation at i: letter '.' letter '.' ... (U.S., D.C., H.E.). Returns its end or 0. */
static size_t dotted_end(const char *text, size_t len, size_t i) {
    size_t j = i, groups = 0;
    while (j + 1 < len) {
        size_t k = j;
        int32_t cp = dm_utf8_next(text, len, &k);
        if (!dm_cp_is_letter(cp) || k >= len || text[k] != '.') break;
        groups++;
        j = k + 1;
    }
    if (groups < 2) return 0;
    /* not followed by a letter (then it is something else) */
    if (j < len) {
        size_t k = j;
        int32_t cp = dm_utf8_next(text, len, &k);
        if (dm_cp_is_letter(cp)) return 0;
    }
    return j;
}

void dm_tokenize(dm_arena *a, const char *text, size_t len, dm_tokens *out) {
    dm_wordclass_init(); /* word classes are ready for any tokenization, with or without a context */
    pthread_once(&ascii_once, ascii_tables);
    /* room for the usual text (a token per five bytes, folded forms about as long as the text),
     * so the arrays rarely grow by copying */
    if (!out->cap) {
        out->cap = len / 5 + 16;
        out->v = dm_arena_grow(a, NULL, 0, out->cap, sizeof *out->v); /* written before read */
    }
    if (!out->fold_cap) {
        out->fold_cap = len + len / 4 + 64;
        out->fold = dm_arena_grow(a, NULL, 0, out->fold_cap, 1);
    }
    size_t i = 0;
    uint8_t pending = 0;
    int newlines = 0;
    while (i < len) {
        size_t start = i;
        unsigned char b = (unsigned char)text[i];
        if (b == ' ' || b == '\t' || b == '\r') { /* the common white space, without decoding */
            pending |= TF_SPACE;
            i++;
            continue;
        }
        int32_t cp;
        int ascii_letter = (b | 32) >= 'a' && (b | 32) <= 'z';
        if (ascii_letter) cp = b, i++; /* the usual token start, without decoding */
        else cp = dm_utf8_next(text, len, &i);
        if (!ascii_letter && dm_cp_is_space(cp)) {
            pending |= TF_SPACE;
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                newlines++;
                pending |= TF_NL;
                if (newlines >= 2) pending |= TF_PARA;
            }
            continue;
        }
        /* a line holding only white space still separates paragraphs */
        newlines = 0;
        uint8_t flags = pending;
        pending = 0;
        if (ascii_letter || dm_cp_is_letter(cp)) {
            /* a dotted abbreviation needs a '.' after its first letter */
            int may_be_dotted = !ascii_letter || (i < len && text[i] == '.');
            if (!may_be_dotted) {
                size_t end = ascii_word(a, out, text, len, start, flags);
                if (end) {
                    i = end;
                    continue;
                }
            }
            size_t de = may_be_dotted ? dotted_end(text, len, start) : 0;
            if (de) {
                push(a, out, text, (uint32_t)start, (uint32_t)de, TK_WORD, flags | TF_DOTTED);
                i = de;
                continue;
            }
            size_t end = i;
            while (end < len) {
                unsigned char ch = (unsigned char)text[end];
                if ((ch | 32) >= 'a' && (ch | 32) <= 'z') { /* ASCII letters, the usual case */
                    end++;
                    continue;
                }
                if (ch < 0x80 && ch != '\'') break;
                size_t k = end;
                int32_t c = dm_utf8_next(text, len, &k);
                if (dm_cp_is_letter(c) || dm_cp_is_mark(c)) {
                    end = k;
                    continue;
                }
                if (is_apostrophe(c) && k < len) {
                    /* keep O'Neil and Nu'amani whole; split a possessive 's */
                    size_t k2 = k;
                    int32_t next = dm_utf8_next(text, len, &k2);
                    if (!dm_cp_is_letter(next)) break;
                    if ((next == 's' || next == 'S')) {
                        size_t k3 = k2;
                        int32_t after = k3 < len ? dm_utf8_next(text, len, &k3) : ' ';
                        if (!dm_cp_is_letter(after)) break;
                    }
                    end = k2;
                    continue;
                }
                break;
            }
            push(a, out, text, (uint32_t)start, (uint32_t)end, TK_WORD, flags);
            i = end;
            /* possessive 's or a trailing apostrophe (ASCII other than ' is neither) */
            if (i < len && ((unsigned char)text[i] >= 0x80 || text[i] == '\'')) {
                size_t k = i;
                int32_t c = dm_utf8_next(text, len, &k);
                if (is_apostrophe(c)) {
                    size_t k2 = k;
                    int32_t next = k < len ? dm_utf8_next(text, len, &k2) : ' ';
                    if (next == 's' || next == 'S') {
                        push(a, out, text, (uint32_t)i, (uint32_t)k2, TK_WORD, 0);
                        /* fold as 's whatever the apostrophe */
                        dm_tok *t = &out->v[out->n - 1];
                        out->fold[t->fold] = '\'';
                        t->flags &= (uint8_t) ~(TF_CAP | TF_UPPER | TF_LOWER);
                        i = k2;
                    }
                }
            }
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            size_t end = i;
            while (end < len) {
                char c = text[end];
                if (c >= '0' && c <= '9') end++;
                else if ((c == '.' || c == ',') && end + 1 < len && text[end + 1] >= '0' && text[end + 1] <= '9')
                    end++;
                else break;
            }
            push(a, out, text, (uint32_t)start, (uint32_t)end, TK_NUM, flags);
            i = end;
            continue;
        }
        /* Combining marks and format characters glued to nothing are skipped. */
        if (dm_cp_is_mark(cp) || cp == 0x200D || cp == 0x200C) continue;
        if (b < 0x80) { /* ASCII punctuation, one byte: its fold and hash at once */
            char *f = fold_room(a, out, 2);
            f[0] = (char)ASCII_FOLD[b];
            add_token(a, out, (uint32_t)start, (uint32_t)i, TK_PUNCT, flags, 1,
                      (FNV_BASIS ^ (unsigned char)f[0]) * FNV_PRIME);
            continue;
        }
        push(a, out, text, (uint32_t)start, (uint32_t)i, TK_PUNCT, flags);
    }
}

int dm_tok_is_initial(const dm_tokens *t, size_t i) {
    if (i >= t->n) return 0;
    const dm_tok *k = &t->v[i];
    if (k->kind != TK_WORD || !(k->flags & TF_CAP)) return 0;
    /* "D", "Kh", "Zh": one capital, at most one more letter */
    const char *f = dm_tok_fold(t, i);
    size_t n = k->flen;
    if (n == 1) return 1;
    return n == 2 && (f[1] == 'h' || f[1] == 'u' || f[1] == 'a') && (k->flags & TF_UPPER) == 0;
}
