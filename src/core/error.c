#include "error.h"
#include <stdarg.h>
#include <stdio.h>

const char *dm_strerror(dm_status code) {
    switch (code) {
    case DM_OK: return "ok";
    case DM_ERR_IO: return "cannot read";
    case DM_ERR_EMPTY: return "empty document";
    case DM_ERR_BINARY: return "binary data, not text";
    case DM_ERR_UTF8: return "invalid UTF-8";
    case DM_ERR_TOO_LONG: return "input too long";
    case DM_ERR_JSON: return "invalid JSON";
    case DM_ERR_LEXICON: return "malformed lexicon";
    case DM_ERR_USAGE: return "invalid arguments";
    case DM_ERR_DB: return "knowledge base error";
    }
    return "unknown error";
}

dm_status dm_error_set(dm_error *err, dm_status code, size_t pos, const char *fmt, ...) {
    if (err) {
        err->code = code;
        err->pos = pos;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}
