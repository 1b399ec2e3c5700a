/* The document's person table: adding a named person, merging the forms of
 * one name ("Nurtleu", "Murat Nurtleu", "U.Khurelsukh" / "Khurelsukh Ukhnaa"),
 * and finding people by name word or by title. */
#ifndef DM_PEOPLE_H
#define DM_PEOPLE_H
#include "model.h"

/* Adds the person named by tokens [t0,t1) or merges into a matching one.
 * title (may be NULL) is the title as written, title_len its token count.
 * Returns the person index. */
int dm_people_add(dm_doc *doc, uint32_t story, size_t t0, size_t t1, const char *title, int title_len,
                  int role, int country, int org);
/* An anonymous person: a title with a state and no name. */
int dm_people_add_anonymous(dm_doc *doc, uint32_t story, const char *title, int role, int country, int org);
/* The person whose name has the folded word w (most recent in story first), or -1. */
int dm_people_find_word(const dm_doc *doc, uint32_t story, const char *w);
/* The person the name [t0,t1) refers to, without adding, or -1. */
int dm_people_find_name(const dm_doc *doc, uint32_t story, size_t t0, size_t t1);
/* The most recent person of the story fitting role/country/org (-1 = any), or -1. */
int dm_people_find_title(const dm_doc *doc, uint32_t story, int role, int country, int org, int prefer_country);
/* The most recent person of the story whose written title contains phrase (any case), or -1. */
int dm_people_find_title_words(const dm_doc *doc, uint32_t story, const char *phrase);
/* Can two titles name the same office holder? A monarch's title never names a president. */
int dm_titles_agree(const char *a, const char *b);
/* Writes the display form of a name span into the arena ("Kh.Battulga" -> "Kh. Battulga"). */
char *dm_name_string(dm_doc *doc, size_t t0, size_t t1);
#endif
