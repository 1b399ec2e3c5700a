#ifndef DM_ERROR_H
#define DM_ERROR_H
#include "dragoman.h"
/* Fills err (if not NULL) and returns code, so callers can `return dm_error_set(...)`. */
dm_status dm_error_set(dm_error *err, dm_status code, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#endif
