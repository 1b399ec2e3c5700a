#include "../core/words.h"
#include "sentences.h"
#include "tokens.h"
#include <string.h>

static const char *const ABBREVIATIONS[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov",
    "st", "mt", "no", "nos", "vol", "art", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "hon", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "dept",
    "est", "ave", "rev", "amb", "pres", "messrs", "mme", "gov't", "govt", "cf", "al", NULL};

int dm_is_abbreviation(const char *f) {
    for (int i = 0; ABBREVIATIONS[i]; i++)
        if (dm_eq(f, ABBREVIATIONS[i])) return 1;
    return 0;
}

static int is_closer(const char *f) {
    return dm_eq(f, "\"") || dm_eq(f, "\xe2\x80\x9d") || dm_eq(f, "'") || dm_eq(f, "\xe2\x80\x99") ||
           dm_eq(f, ")") || dm_eq(f, "]") || dm_eq(f, "\xc2\xbb");
}

static int is_terminal(const char *f) {
    return dm_eq(f, ".") || dm_eq(f, "!") || dm_eq(f, "?") || dm_eq(f, "\xe2\x80\xa6");
}

static void push_sentence(dm_doc *doc, size_t t0, size_t t1) {
    if (t1 <= t0) return;
    dm_sent s = {(uint32_t)t0, (uint32_t)t1, 0, 0};
    const dm_tokens *t = &doc->toks;
    /* a whole line without final punctuation is a headline */
    int whole_line = (t0 == 0 || (t->v[t0].flags & TF_NL)) && (t1 == t->n || (t->v[t1].flags & TF_NL));
    const char *last = dm_tok_fold(t, t1 - 1);
    if (whole_line && !is_terminal(last) && !is_closer(last) && strcmp(last, ":") != 0 && t1 - t0 <= 24)
        s.headline = 1;
    DM_VEC_PUSH(&doc->arena, doc->sents, doc->nsents, doc->sents_cap, s);
}

void dm_split_sentences(dm_doc *doc) {
    const dm_tokens *t = &doc->toks;
    size_t start = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (i > start && (t->v[i].flags & TF_NL)) {
            push_sentence(doc, start, i);
            start = i;
        }
        if ((t->v[i].flags & TF_DOTTED) && i + 1 < t->n && (t->v[i + 1].flags & TF_SPACE) &&
            !(t->v[i + 1].flags & TF_NL) && (t->v[i + 1].flags & TF_CAP)) {
            /* the dot of "D.C." is inside the token: it ends the sentence only before a usual opener */
            static const char *const OPENERS[] = {"the", "in", "on", "at", "he", "she", "they", "it", "this", "that",
                                                  "during", "after", "but", "however", "a", "an", "we", "his", "her",
                                                  "their", "its", "according", "meanwhile", NULL};
            if (dm_word_in(OPENERS, dm_tok_fold(t, i + 1))) {
                push_sentence(doc, start, i + 1);
                start = i + 1;
            }
            continue;
        }
        /* terminals and closers are punctuation tokens: a word or figure needs no compare */
        if (t->v[i].kind != TK_PUNCT || !is_terminal(dm_tok_fold(t, i))) continue;
        size_t j = i + 1;
        while (j < t->n && t->v[j].kind == TK_PUNCT && is_closer(dm_tok_fold(t, j)) && !(t->v[j].flags & TF_SPACE))
            j++;
        if (j >= t->n) continue;
        const dm_tok *next = &t->v[j];
        if (!(next->flags & TF_SPACE)) continue; /* Kh.Battulga, 1.9 */
        if (next->flags & TF_NL) continue;       /* the line break ends it anyway */
        const char *nf = dm_tok_fold(t, j);
        int starts = (next->flags & TF_CAP) || next->kind == TK_NUM || dm_eq(nf, "\"") ||
                     dm_eq(nf, "\xe2\x80\x9c") || dm_eq(nf, "(") || dm_eq(nf, "'") ||
                     dm_eq(nf, "\xe2\x80\x98");
        if (!starts) continue;
        if (dm_eq(dm_tok_fold(t, i), ".") && i > 0 && !(t->v[i].flags & TF_SPACE)) {
            const char *prev = dm_tok_fold(t, i - 1);
            if (t->v[i - 1].kind == TK_WORD) {
                if (dm_is_abbreviation(prev)) continue;
                /* an initial before a capitalized name: "D. Grichting", "E. Idrissov" */
                if (dm_tok_is_initial(t, i - 1) && (next->flags & TF_CAP)) continue;
            }
        }
        push_sentence(doc, start, j);
        start = j;
    }
    push_sentence(doc, start, t->n);
}
