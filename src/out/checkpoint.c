/* The checkpointer (checkpoint.h). */
#include "checkpoint.h"
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>

struct dm_checkpointer {
    sqlite3 *db;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int due, stop;
};

static void *run(void *arg) {
    dm_checkpointer *c = arg;
    pthread_mutex_lock(&c->lock);
    for (;;) {
        while (!c->due && !c->stop) pthread_cond_wait(&c->wake, &c->lock);
        if (c->stop) break;
        c->due = 0;
        pthread_mutex_unlock(&c->lock);
        /* SQLITE_BUSY (another checkpoint, a writer restarting the log) only means "later" */
        sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->lock);
    }
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

dm_checkpointer *dm_checkpointer_start(const char *path) {
    dm_checkpointer *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        /* a checkpoint reads log frames and writes pages: no b-tree cache, no map */
        sqlite3_exec(c->db, "PRAGMA cache_size = 16; PRAGMA mmap_size = 0", NULL, NULL, NULL) != SQLITE_OK ||
        /* the writer's close checkpoints last; this one's must not start one of its own */
        sqlite3_db_config(c->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL) != SQLITE_OK) {
        sqlite3_close(c->db);
        free(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, 1000);
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->wake, NULL);
    if (pthread_create(&c->thread, NULL, run, c) != 0) {
        pthread_cond_destroy(&c->wake);
        pthread_mutex_destroy(&c->lock);
        sqlite3_close(c->db);
        free(c);
        return NULL;
    }
    return c;
}

void dm_checkpointer_poke(dm_checkpointer *c) {
    if (!c) return;
    pthread_mutex_lock(&c->lock);
    c->due = 1;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
}

void dm_checkpointer_stop(dm_checkpointer *c) {
    if (!c) return;
    pthread_mutex_lock(&c->lock);
    c->stop = 1;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
    pthread_join(c->thread, NULL);
    pthread_cond_destroy(&c->wake);
    pthread_mutex_destroy(&c->lock);
    sqlite3_close(c->db);
    free(c);
}
