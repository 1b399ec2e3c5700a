/* Sentence segmentation over tokens: line breaks always end a sentence; a
 * full stop does unless it ends an abbreviation (Sept., Gen., No.) or an
 * initial (D. Grichting), and closing quotes stay with their sentence. */
#ifndef DM_SENTENCES_H
#define DM_SENTENCES_H
#include "doc.h"
void dm_split_sentences(dm_doc *doc);
/* Is the folded word an abbreviation that a full stop does not end? */
int dm_is_abbreviation(const char *fold);
#endif
