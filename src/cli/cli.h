#ifndef DM_CLI_H
#define DM_CLI_H
#include "dragoman.h"
int dm_cmd_extract(int argc, char **argv);
/* events, people, partners, facts, show, search, export: argv[0] names the command. */
int dm_cmd_query(int argc, char **argv);
int dm_is_query_command(const char *name);
int dm_cmd_ingest(int argc, char **argv);
/* Creates the context with built-in lexicons plus the user's (--lexicon FILE), or prints the error. */
dm_ctx *dm_cli_context(char **lexicons, int nlexicons);
#endif
