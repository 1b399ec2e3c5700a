/* Stories: a digest page holds several, each under its headline and a stamp
 * ("01.06.2022, 15:45 4021"); other documents are one story. Finds the
 * document's published date (crawler marker, header or trailer line) and each
 * story's date and dateline ("ASTANA –", "BAKU, Azerbaijan, Jan. 16"). */
#ifndef DM_STORIES_H
#define DM_STORIES_H
#include "doc.h"
struct dm_ctx;
void dm_find_stories(const struct dm_ctx *ctx, dm_doc *doc);
#endif
