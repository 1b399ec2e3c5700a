#include "buf.h"
#include "arena.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dm_buf_init(dm_buf *b) { b->data = NULL; b->len = b->cap = 0; }

void dm_buf_free(dm_buf *b) {
    free(b->data);
    dm_buf_init(b);
}

void dm_buf_grow(dm_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    b->data = dm_xrealloc(b->data, cap);
    b->cap = cap;
}

void dm_buf_printf(dm_buf *b, const char *fmt, ...) {
    va_list ap;
    char probe[1];
    va_start(ap, fmt);
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    dm_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void dm_buf_put_uint(dm_buf *b, unsigned long long v) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    dm_buf_reserve(b, n);
    while (n) b->data[b->len++] = tmp[--n];
    b->data[b->len] = 0;
}

void dm_buf_put_int(dm_buf *b, long long v) {
    if (v < 0) {
        dm_buf_putc(b, '-');
        dm_buf_put_uint(b, 0ull - (unsigned long long)v); /* LLONG_MIN too */
        return;
    }
    dm_buf_put_uint(b, (unsigned long long)v);
}

/* Does any of the 8 bytes of w need a look of its own in a JSON string: a control
 * byte, '"', '\\' or a byte of a multi-byte UTF-8 sequence? The usual bit tricks:
 * (x - 0x01..) & ~x has a byte's high bit set where x had a zero byte (or a byte below
 * 0x20 when 0x20.. is subtracted); a borrow makes false alarms only after a true one. */
static inline int needs_care(uint64_t w) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    uint64_t found = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w) | w;
    return (found & highs) != 0;
}

void dm_buf_json_str(dm_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    dm_buf_reserve(b, n + 2);
    dm_buf_putc(b, '"');
    size_t run = 0; /* bytes that need no escaping are copied in runs */
    for (size_t i = 0; i < n; i++) {
        /* plain ASCII (the usual case) is passed over eight bytes at a time */
        while (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (needs_care(w)) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* a valid multi-byte sequence passes; a broken one becomes U+FFFD */
            size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
            int ok = len && i + len <= n && (len != 2 || c >= 0xC2);
            for (size_t k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
            if (ok && len == 3) {
                unsigned cp = ((c & 0x0Fu) << 12) | (((unsigned char)s[i + 1] & 0x3Fu) << 6);
                ok = cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF);
            }
            if (ok && len == 4) {
                unsigned cp = ((c & 0x07u) << 18) | (((unsigned char)s[i + 1] & 0x3Fu) << 12);
                ok = cp >= 0x10000 && cp <= 0x10FFFF;
            }
            if (ok) {
                i += len - 1;
                continue;
            }
            dm_buf_put(b, s + run, i - run);
            dm_buf_put(b, "\xEF\xBF\xBD", 3);
            run = i + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        dm_buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': dm_buf_put(b, "\\\"", 2); break;
        case '\\': dm_buf_put(b, "\\\\", 2); break;
        case '\n': dm_buf_put(b, "\\n", 2); break;
        case '\r': dm_buf_put(b, "\\r", 2); break;
        case '\t': dm_buf_put(b, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dm_buf_put(b, esc, 6);
        }
        }
    }
    dm_buf_put(b, s + run, n - run);
    dm_buf_putc(b, '"');
}
