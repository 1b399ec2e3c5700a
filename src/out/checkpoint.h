/* A checkpointer: copies the knowledge base's write-ahead log into the
 * database file on a thread and connection of its own, so the writer does
 * not. SQLite's automatic checkpoint runs inside the COMMIT that crosses its
 * threshold, on the writer's thread: a fifth of ingest's writing, spent while
 * the extractor waited. A PASSIVE checkpoint never blocks the writer (it
 * copies what is committed and stops where a reader or the writer holds a
 * frame), and the WAL protocol keeps the database whole whatever is killed
 * when; the writer's close checkpoints what remains. */
#ifndef DM_CHECKPOINT_H
#define DM_CHECKPOINT_H

typedef struct dm_checkpointer dm_checkpointer;

/* Opens its own connection to the WAL database at path and starts the
 * thread; NULL if either cannot be had (the caller then keeps SQLite's
 * automatic checkpoints). */
dm_checkpointer *dm_checkpointer_start(const char *path);
/* After a commit: a checkpoint is due (at most one waits). */
void dm_checkpointer_poke(dm_checkpointer *c);
/* Finishes the checkpoint running, if any, stops the thread and closes its connection. NULL is a no-op. */
void dm_checkpointer_stop(dm_checkpointer *c);

#endif
