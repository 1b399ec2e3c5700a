/* The JSON line of a document, as spec/extract-format.md describes it. */
#ifndef DM_JSON_H
#define DM_JSON_H
#include "../core/buf.h"
#include "../extract/model.h"
void dm_json_write_doc(const dm_ctx *ctx, const dm_doc *doc, dm_buf *out);
/* The pieces of a document's line, for writing a huge document part by part:
 * {"doc":..,"published":.. ; the events (offsets + base), comma-separated after
 * the first; the facts likewise. */
void dm_json_write_head(const dm_doc *doc, dm_buf *out);
void dm_json_write_events(const dm_ctx *ctx, const dm_doc *doc, size_t base, dm_buf *out, int *first);
void dm_json_write_facts(const dm_ctx *ctx, const dm_doc *doc, size_t base, dm_buf *out, int *first);
const char *dm_event_kind_name(int kind);
const char *dm_metric_name(int metric);
const char *dm_event_cameo(const dm_doc *doc, const dm_event *e);
#endif
