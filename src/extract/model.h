/* What extraction finds in a document: people, mentions, events and facts. */
#ifndef DM_MODEL_H
#define DM_MODEL_H
#include "../lex/gazetteer.h"
#include "../text/doc.h"

typedef struct {
    uint32_t start, end;
} dm_span;

/* A person known in the document (one record per person, all stories). */
typedef struct {
    const char *name;   /* fullest form seen, initials spaced ("Kh. Battulga") */
    const char *title;  /* as written, fullest seen */
    uint8_t role;       /* R_* */
    int country;        /* country index or -1 */
    int org;            /* org index or -1 */
    uint32_t story;     /* story of first mention */
    uint32_t last_tok;  /* last mention */
    int anonymous;      /* a title without a name ("the President of Turkmenistan") */
    uint8_t forward;    /* anonymous and of no known state yet ("EAM met X" before EAM is named) */
    const char *words[6]; /* folded full name words, for matching */
    int nwords;
    char initials[6];     /* first letters of written initials ("U." in "U.Khurelsukh") */
    int ninitials;
    uint8_t patronymic;   /* the name strings fathers' names ("bin", "ibn", "bint") */
    int title_len;        /* tokens of the fullest title seen */
} dm_person;

enum { MK_COUNTRY = 1, MK_CADJ, MK_CITY, MK_ORG, MK_TITLE, MK_PERSON, MK_PRONOUN };

typedef struct {
    uint32_t t0, t1; /* tokens */
    uint8_t kind;
    uint8_t role;    /* MK_TITLE, MK_PERSON */
    uint8_t plural;  /* a plural title */
    uint8_t possessive;
    int id;          /* country / city / org / person index */
    int country, org; /* MK_TITLE: what the title names */
} dm_mention;

enum { EV_MEETING = 1, EV_MULTILATERAL, EV_VISIT, EV_CALL, EV_AGREEMENT };
enum { ST_OCCURRED = 0, ST_PLANNED };
enum { P_PERSON = 1, P_COUNTRY, P_ORG };

typedef struct {
    uint8_t kind;
    int id; /* person, country or org index */
} dm_part;

#define DM_MAX_PARTS 12
#define DM_MAX_EVIDENCE 8

typedef struct {
    uint8_t kind, status;
    dm_dspan date;
    uint8_t date_explicit;
    int city, country; /* location, -1 unknown */
    uint8_t loc_explicit;
    dm_part parts[DM_MAX_PARTS];
    int nparts;
    int org; /* convening organization, -1 */
    uint32_t topics; /* bit per DM_TOPIC_NAMES */
    const char *title; /* agreement: the document's name */
    dm_part signatories[4];
    int nsignatories;
    dm_span evidence[DM_MAX_EVIDENCE];
    int nevidence;
    uint32_t story;
    uint32_t sent; /* sentence of the trigger */
    int ref_event;         /* agreement: the event it concludes, -1 */
    int set_city, set_country; /* the story's setting when the event was told */
    uint8_t third_place;   /* told as on the sidelines of a gathering: the place is nobody's home */
    uint8_t at_dateline_place; /* held at the story's dateline place the lexicon does not know (dm_story.dateline_place) */
    uint8_t regional;      /* the text named a region inside the state ("the State of Chiapas"): not its capital */
    uint8_t of_states;     /* a meeting of two states' bodies ("a session of the joint commission") */
    uint8_t host_received; /* "X received Y": held in X's country */
    int host_person;
    uint8_t dropped;
    uint8_t as_states;     /* its people stand for their states ("the next round of consultations") */
} dm_event;

enum { MET_TRADE = 1, MET_TARGET, MET_INVESTMENT, MET_EXPORT, MET_COMPANIES, MET_JOINT };

/* A fact's party that is an organization ("trade with the EU", "the EBRD has
 * invested"): its index plus this, above any country index. */
#define DM_ORG_PARTY 0x100000

typedef struct {
    uint8_t metric;
    int parties[2]; /* country indexes, DM_ORG_PARTY + organization index, or -1 */
    double value;
    char unit[4]; /* ISO 4217 or "" for count */
    char qualifier;
    int year, since;
    const char *part;
    double change;
    uint8_t has_change;
    dm_span evidence;
} dm_fact;

/* An index of the people's name words: each entry says that a word is in a person's name. */
typedef struct {
    uint32_t hash;
    int person; /* -1: free */
} dm_name_entry;

typedef struct dm_extraction {
    dm_person *people;
    size_t npeople, people_cap;
    dm_name_entry *names; /* open addressing by word hash */
    size_t nnames, names_cap;
    dm_event *events;
    size_t nevents, events_cap;
    dm_fact *facts;
    size_t nfacts, facts_cap;
} dm_extraction;

/* The state a participant stands for: a person's (once known), a state itself; -1 otherwise. */
static inline int dm_part_state(const dm_extraction *x, const dm_part *p) {
    return p->kind == P_PERSON ? x->people[p->id].country : p->kind == P_COUNTRY ? p->id : -1;
}
#endif
