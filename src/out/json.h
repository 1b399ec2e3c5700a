/* The JSON line of a document, as spec/extract-format.md describes it, plus
 * two additive fields the knowledge base needs: "story" on each event and fact
 * (0-based index into the document's stories) and a top-level "stories"
 * array of {"start","end","date"} (byte span and the story's own date). */
#ifndef DM_JSON_H
#define DM_JSON_H
#include "../core/buf.h"
#include "../extract/model.h"
/* The whole line of a one-part document into out (cleared first). */
void dm_json_write_doc(const dm_ctx *ctx, const dm_doc *doc, dm_buf *out);

/* A huge document comes in parts (text/input.h); its one line is written as
 * the parts come: the head and each part's events go out at once, facts and
 * stories wait in these buffers for the end of the line. Offsets get the
 * part's base added, story numbers the count of the earlier parts' stories. */
typedef struct {
    int first_event, first_fact, first_story;
    uint32_t story_base;
    dm_buf facts, stories;
} dm_json_parts;
void dm_json_parts_init(dm_json_parts *jp);
void dm_json_parts_free(dm_json_parts *jp);
/* Appends to out what part `part` adds to the line (the head first when part
 * is 0); when last, also the facts, stories and the closing "]}\n". */
void dm_json_parts_add(const dm_ctx *ctx, dm_json_parts *jp, const dm_doc *doc, size_t base, int part, int last,
                       dm_buf *out);
/* Appends the end of the line: facts, stories, "]}\n" (after the last part,
 * or after a part that failed, so the line stays valid JSON). */
void dm_json_parts_end(dm_json_parts *jp, dm_buf *out);

const char *dm_event_kind_name(int kind);
const char *dm_metric_name(int metric);
const char *dm_event_cameo(const dm_doc *doc, const dm_event *e);
#endif
