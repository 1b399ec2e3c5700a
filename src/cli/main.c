/* dragoman: the command line. */
#include "cli.h"
#include <stdio.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dragoman COMMAND [OPTIONS] [FILES|DIRS|-]\n"
          "\n"
          "Reads diplomatic news and writes who met whom, when, where, about what;\n"
          "visits, calls, summits and signings; and trade and investment figures.\n"
          "\n"
          "commands:\n"
          "  extract   events and facts of each document, as JSON Lines (or --format text)\n"
          "  ingest    extract and store documents, events, people and facts in a SQLite\n"
          "            knowledge base (--db PATH, default ./dragoman.db)\n"
          "\n"
          "  events    events in the knowledge base, by date (filters: --country, --with, --person, ...)\n"
          "  people    who's who: names, states, titles over time, first and last seen\n"
          "  partners  COUNTRY's counterpart states ranked by events, with kinds, level, topics\n"
          "  facts     trade and investment figures; --series: per year and party pair\n"
          "  show      ID: one event with participants, sources and evidence sentences\n"
          "  search    TEXT: full-text search of the documents\n"
          "  export    dyadic event data (one row per event and actor pair) as jsonl, csv or tsv\n"
          "\n"
          "  version   print the version\n"
          "  help      this text\n"
          "\n"
          "Query commands read ./dragoman.db or --db PATH and write --format table, json,\n"
          "jsonl, csv or tsv. Run 'dragoman COMMAND --help' for the options of a command.\n",
          f);
}

dm_ctx *dm_cli_context(char **lexicons, int n) {
    dm_error err = {0};
    dm_ctx *ctx = dm_ctx_new(&err);
    if (!ctx) {
        fprintf(stderr, "dragoman: built-in lexicon: %s\n", err.msg);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        if (dm_ctx_load_lexicon(ctx, lexicons[i], &err) != DM_OK) {
            fprintf(stderr, "dragoman: %s (fix the file or leave out --lexicon)\n", err.msg);
            dm_ctx_free(ctx);
            return NULL;
        }
    return ctx;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "extract")) return dm_cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return dm_cmd_ingest(argc - 1, argv + 1);
    if (dm_is_query_command(cmd)) return dm_cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("dragoman %s\n", DM_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dragoman: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
