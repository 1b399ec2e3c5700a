/* A growable byte buffer (malloc-backed) for output. */
#ifndef DM_BUF_H
#define DM_BUF_H
#include <stddef.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
} dm_buf;

void dm_buf_init(dm_buf *b);
void dm_buf_free(dm_buf *b);
/* Grows the buffer so extra more bytes and a NUL fit. */
void dm_buf_grow(dm_buf *b, size_t extra);
static inline void dm_buf_reserve(dm_buf *b, size_t extra) {
    if (b->len + extra + 1 > b->cap) dm_buf_grow(b, extra);
}

/* The appends are inline: output writes many short literals, whose lengths
 * the compiler then knows. The buffer stays NUL-terminated. */
static inline void dm_buf_put(dm_buf *b, const char *s, size_t n) {
    dm_buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
static inline void dm_buf_puts(dm_buf *b, const char *s) { dm_buf_put(b, s, strlen(s)); }
static inline void dm_buf_putc(dm_buf *b, char c) {
    dm_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}
void dm_buf_printf(dm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a decimal number. */
void dm_buf_put_uint(dm_buf *b, unsigned long long v);
void dm_buf_put_int(dm_buf *b, long long v);
/* Appends s as a JSON string literal, quotes included. */
void dm_buf_json_str(dm_buf *b, const char *s, size_t n);
#endif
