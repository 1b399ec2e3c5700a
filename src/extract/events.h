/* Events from triggers in sentences: meetings, multilateral gatherings,
 * visits, calls and signings, with participants, status, date and place,
 * and the story context that later sentences add to them. */
#ifndef DM_EVENTS_H
#define DM_EVENTS_H
#include "mentions.h"

/* Story context shared by the event and fact finders. */
typedef struct {
    dm_mention_state ms;
    dm_date date;        /* the story's date */
    int focus_person;    /* the story's main actor, -1 */
    int focus_event;     /* event that following sentences elaborate, -1 */
    int setting_city, setting_country; /* where the story takes place, -1 */
    int dateline_city;
    int headline_city;   /* "... discussed in Tashkent": a place the headline names */
    dm_dspan setting_date; /* dates of a visit that frames the story */
    dm_dspan planned_date; /* dates of an announced trip, for the meetings planned in it */
    int country_count[512]; /* mentions per country index in the story (capped) */
    int last_foreign;    /* latest state other than home mentioned */
    int last_year_context; /* a year set by a sentence opening ("Last year, ...") */
    dm_dspan carry_date;   /* a past date opening the previous sentence, for the next one's events */
    uint32_t first_event; /* index of the story's first event */
} dm_story_ctx;

/* Finds the events of sentence sent, given its mentions, and updates the story context. */
void dm_find_events(const dm_ctx *ctx, dm_doc *doc, size_t sent, const dm_mentions *ms, dm_story_ctx *sc);
/* Completes the story's events: default dates, places and countries, merges duplicates. */
void dm_finish_story_events(const dm_ctx *ctx, dm_doc *doc, dm_story_ctx *sc);
#endif
