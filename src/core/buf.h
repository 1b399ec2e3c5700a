/* A growable byte buffer (malloc-backed) for output. */
#ifndef DM_BUF_H
#define DM_BUF_H
#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
} dm_buf;

void dm_buf_init(dm_buf *b);
void dm_buf_free(dm_buf *b);
void dm_buf_reserve(dm_buf *b, size_t extra);
void dm_buf_put(dm_buf *b, const char *s, size_t n);
void dm_buf_puts(dm_buf *b, const char *s);
void dm_buf_putc(dm_buf *b, char c);
void dm_buf_printf(dm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a decimal number. */
void dm_buf_put_uint(dm_buf *b, unsigned long long v);
/* Appends s as a JSON string literal, quotes included. */
void dm_buf_json_str(dm_buf *b, const char *s, size_t n);
#endif
