/* UTF-8 validation, decoding and the folding used for lexicon lookups. */
#ifndef DM_UTF8_H
#define DM_UTF8_H
#include "dragoman.h"
#include <stddef.h>
#include <stdint.h>

/* Checks that s is valid UTF-8 text: no NUL bytes, few control characters
 * (binary data), no malformed or overlong sequences, no line over max_line. */
dm_status dm_utf8_validate(const char *s, size_t n, size_t max_line, dm_error *err);

/* Decodes the code point at s[*i] (valid UTF-8 assumed) and advances *i. */
int32_t dm_utf8_next(const char *s, size_t n, size_t *i);

/* Letter / digit / uppercase tests on code points (Unicode categories). */
int dm_cp_is_letter(int32_t cp);
int dm_cp_is_upper(int32_t cp);
int dm_cp_is_lower(int32_t cp);
int dm_cp_is_mark(int32_t cp);
int dm_cp_is_space(int32_t cp);

/* Writes the folded form of s[0..n) to out (capacity cap): lower case, accents
 * removed, typographic apostrophes as '. Returns the length written (truncated
 * at cap). Allocates nothing. */
size_t dm_fold(const char *s, size_t n, char *out, size_t cap);

/* Writes s[0..n) to out (capacity cap, NUL-terminated) with each word's first letter in
 * upper case and the others in lower case ("PUERTO IGUAZÚ" -> "Puerto Iguazú"). Returns
 * the length written (truncated at cap). */
size_t dm_titlecase(const char *s, size_t n, char *out, size_t cap);
#endif
