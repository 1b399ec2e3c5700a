/* Tokenizer: byte spans into the text, with folded forms for lookups. */
#ifndef DM_TOKENS_H
#define DM_TOKENS_H
#include "doc.h"

/* Appends the tokens of text[0..len) to out. Words keep internal apostrophes
 * and are split from a possessive 's; hyphens, dashes and other punctuation are
 * tokens of their own; dotted abbreviations (U.S., D.C.) stay whole. text[len] must be a
 * NUL byte (as in a document's text): it ends the scan of the last word. */
void dm_tokenize(dm_arena *a, const char *text, size_t len, dm_tokens *out);

/* True for a token that is a lone letter or two (an initial such as "D" or "Kh"). */
int dm_tok_is_initial(const dm_tokens *t, size_t i);
#endif
