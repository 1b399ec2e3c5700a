/* The knowledge base: documents, stories, reports of events with their
 * participants and evidence, facts, and what holds across documents (events
 * merged from reports, people merged from participants) in one SQLite file
 * with the schema of src/out/schema.sql (embedded in the binary).
 *
 * Typical use (one transaction per batch of documents):
 *
 *   dm_store *kb;
 *   if (dm_store_open("dragoman.db", &kb, &err) != DM_OK) { report err.msg; }
 *   dm_store_begin(kb, &err);
 *   dm_store_put(kb, &doc, &result, &err);   // once per document
 *   dm_store_commit(kb, &err);
 *   dm_store_close(kb);
 *
 * The store reads what a document said from its extract JSON line
 * (spec/extract-format.md, with the additive "stories" and "story" fields of
 * out/json.h), not from the extractor's internal model: the JSON is the
 * contract the extractor keeps, so the store stays right when the
 * extractor's internals change, the line is already made for every
 * document, and anything that writes the contract (another extractor, a
 * saved extract run) can be stored. Parsing it is done by dm_store_prepare,
 * which needs no database and runs on the extraction's worker threads.
 *
 * A dm_store belongs to one thread. Functions that can fail return dm_status
 * and fill err (DM_ERR_DB for the database, DM_ERR_JSON for a line that is
 * not extract output). */
#ifndef DM_STORE_H
#define DM_STORE_H
#include "dragoman.h"

typedef struct dm_store dm_store;

/* The schema version this build writes and reads (PRAGMA user_version). */
#define DM_STORE_SCHEMA_VERSION 4

/* Opens the knowledge base at path, creating it with the embedded schema
 * when the file is missing or empty. Refuses, with a message saying what to
 * do, a file that is not a SQLite database, a database that is not a
 * dragoman knowledge base, one of another schema version, and a path that
 * cannot be written. Sets WAL and synchronous=NORMAL; foreign keys are
 * not enforced on inserts (the store deletes what they would cascade). On
 * success *out is the store (free with dm_store_close); on failure NULL. */
dm_status dm_store_open(const char *path, dm_store **out, dm_error *err);

/* Closes the store; an open transaction is rolled back. NULL is fine. */
void dm_store_close(dm_store *store);

/* Starts a transaction for a batch of documents (BEGIN IMMEDIATE). Without
 * one, each dm_store_put is its own transaction. */
dm_status dm_store_begin(dm_store *store, dm_error *err);
/* Commits the batch's transaction (no-op when none is open); rolls it back
 * and fails when a document of the batch failed half-written. */
dm_status dm_store_commit(dm_store *store, dm_error *err);

/* One document as the store takes it. Everything is borrowed for the call. */
typedef struct {
    const char *name;                  /* extract's "doc" */
    const char *text;                  /* the text the offsets point into */
    size_t len;
    const char *title, *url, *source;  /* from a .jsonl line, or NULL */
    const char *json;                  /* the document's extract line */
    size_t json_len;
} dm_store_doc;

typedef enum {
    DM_STORE_NEW = 1,   /* a name not seen before */
    DM_STORE_UNCHANGED, /* same name, same text hash: nothing written */
    DM_STORE_REPLACED   /* same name, new text: the old rows gave way */
} dm_store_outcome;

typedef struct {
    dm_store_outcome outcome;
    size_t reports;    /* events the document reported */
    size_t merged;     /* of those, joined to an event another document reported */
    size_t people_new; /* people first seen in this document */
    size_t facts;
    size_t linked;     /* planned events linked to their occurrence */
} dm_store_result;

/* Stores one document with everything its extraction says, merging its
 * events and people with those already known. The document is written
 * whole or not at all: a line that is not extract output (DM_ERR_JSON) is
 * refused before anything is written, and the caller goes on with the next
 * document. A database failure half-way (DM_ERR_DB: disk full, I/O) dooms
 * the batch's transaction: dm_store_commit then rolls it back and fails.
 * Without dm_store_begin, the document is its own transaction. */
dm_status dm_store_put(dm_store *store, const dm_store_doc *doc, dm_store_result *result, dm_error *err);

/* The work on a document that needs no database (parsing its line, hashing
 * its text), split off so that it can run on the extraction's worker threads
 * while the main thread writes. Thread-safe.
 * The result borrows doc's strings: they must live until it is freed. */
typedef struct dm_store_prepared dm_store_prepared;
dm_status dm_store_prepare(const dm_store_doc *doc, dm_store_prepared **out, dm_error *err);
/* dm_store_put of a prepared document (prepared stays the caller's). */
dm_status dm_store_put_prepared(dm_store *store, const dm_store_prepared *prepared, dm_store_result *result,
                                dm_error *err);
void dm_store_prepared_free(dm_store_prepared *prepared);

/* Counts rows of a table (for summaries and tests): "documents", "events",
 * "people", "reports", ... Returns -1 for an unknown table name. */
long long dm_store_count(dm_store *store, const char *table);
#endif
