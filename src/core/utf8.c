#include "utf8.h"
#include <string.h>
#include "error.h"
#include <utf8proc.h>

dm_status dm_utf8_validate(const char *str, size_t n, size_t max_line, dm_error *err) {
    const unsigned char *s = (const unsigned char *)str;
    size_t controls = 0, line_start = 0, i = 0;
    while (i < n) {
        /* eight printable ASCII bytes at a time: none below 0x20 and none with the high bit */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            if (((w - ones * 0x20) | w) & highs) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '\n') {
                if (i - line_start > max_line)
                    return dm_error_set(err, DM_ERR_TOO_LONG, line_start,
                                        "line of %zu bytes at byte %zu exceeds the limit of %zu",
                                        i - line_start, line_start, max_line);
                line_start = i + 1;
            } else if (c == 0) {
                return dm_error_set(err, DM_ERR_BINARY, i, "NUL byte at offset %zu: binary data, not text", i);
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
                controls++;
            }
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
        else return dm_error_set(err, DM_ERR_UTF8, i, "invalid UTF-8 byte 0x%02x at offset %zu", c, i);
        if (i + len > n)
            return dm_error_set(err, DM_ERR_UTF8, i, "truncated UTF-8 sequence at offset %zu", i);
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return dm_error_set(err, DM_ERR_UTF8, i, "invalid UTF-8 sequence at offset %zu", i);
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return dm_error_set(err, DM_ERR_UTF8, i, "invalid UTF-8 code point at offset %zu", i);
        i += len;
    }
    if (n - line_start > max_line)
        return dm_error_set(err, DM_ERR_TOO_LONG, line_start,
                            "line of %zu bytes at byte %zu exceeds the limit of %zu", n - line_start,
                            line_start, max_line);
    /* Text has almost no control characters; binary data has many. */
    if (controls > 8 && controls * 100 > n)
        return dm_error_set(err, DM_ERR_BINARY, 0, "%zu control characters: binary data, not text", controls);
    return DM_OK;
}

int32_t dm_utf8_next(const char *str, size_t n, size_t *i) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + *i, (utf8proc_ssize_t)(n - *i), &cp);
    if (k <= 0) {
        (*i)++;
        return 0xFFFD;
    }
    *i += (size_t)k;
    return cp;
}

int dm_cp_is_letter(int32_t cp) {
    if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int dm_cp_is_mark(int32_t cp) {
    if (cp < 0x80) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int dm_cp_is_upper(int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int dm_cp_is_lower(int32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int dm_cp_is_space(int32_t cp) {
    if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
           cp == 0x200B;
}

size_t dm_fold(const char *s, size_t n, char *out, size_t cap) {
    size_t o = 0, i = 0;
    while (i < n && o < cap) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c == '`' ? '\'' : c);
            i++;
            continue;
        }
        int32_t cp = dm_utf8_next(s, n, &i);
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x0060 || cp == 0x00B4) {
            out[o++] = '\'';
            continue;
        }
        if (cp == 0x2010 || cp == 0x2011) { /* typographic hyphens */
            out[o++] = '-';
            continue;
        }
        if (cp == 0x0131) { /* Turkish dotless i */
            out[o++] = 'i';
            continue;
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dec, 8, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
        if (m < 0 || m > 8) continue;
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(dec[k], enc);
            if (o + (size_t)el > cap) return o;
            for (utf8proc_ssize_t e = 0; e < el; e++) out[o++] = (char)enc[e];
        }
    }
    return o;
}

size_t dm_titlecase(const char *s, size_t n, char *out, size_t cap) {
    size_t i = 0, len = 0;
    int word_start = 1;
    while (i < n) {
        int32_t cp = dm_utf8_next(s, n, &i);
        int letter = dm_cp_is_letter(cp);
        int32_t mapped = letter ? (word_start ? utf8proc_toupper(cp) : utf8proc_tolower(cp)) : cp;
        word_start = !letter && cp != '\'' && cp != 0x2019;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(mapped, enc);
        if (k <= 0 || len + (size_t)k >= cap) break;
        memcpy(out + len, enc, (size_t)k);
        len += (size_t)k;
    }
    if (cap) out[len] = 0;
    return len;
}
