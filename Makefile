# dragoman: plain Makefile with pkg-config. `make help` lists the targets.
CC ?= cc
PKGS := libutf8proc yajl sqlite3 libxxhash
# the tests check JSON output with a second, independent parser
TEST_PKGS := jansson
CSTD := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter
OPT ?= -O3 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -Iinclude $(shell pkg-config --cflags $(PKGS)) $(CFLAGS)
LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
BUILD ?= build

LIB_SRC := $(wildcard src/core/*.c src/text/*.c src/lex/*.c src/extract/*.c src/out/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
DATA := data/countries.tsv data/cities.tsv data/orgs.tsv data/titles.tsv data/topics.tsv
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/lexdata.o $(BUILD)/gen/schema.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
HDRS := $(wildcard include/*.h src/*/*.h)

.PHONY: all demo test unit golden badinput kbquery asan tsan fuzz bench clean deps help
all: $(BUILD)/dragoman

deps:
	@scripts/bootstrap.sh

# The release build is profile-guided (GCC): an instrumented build runs extract and
# ingest on samples/, and the real objects are compiled with the counts it left
# (branches laid out and code inlined by use). PGO=0 builds directly, as the
# sanitizer and fuzz builds and other compilers do.
PGO ?= $(shell $(CC) -v 2>&1 | grep -q '^gcc version' && echo 1 || echo 0)
PGO_DIR := $(BUILD)/pgo
ifeq ($(PGO),1)
PGO_OBJ := $(LIB_SRC:%.c=$(PGO_DIR)/%.o) $(CLI_SRC:%.c=$(PGO_DIR)/%.o)
PGO_TRAINED := $(PGO_DIR)/trained
# GCC names a static function's counts after the object's path, so the real compile
# takes the instrumented object's (-dumpbase), and reads its counts from beside it.
# Functions the training does not run keep the usual optimization (partial training).
PGO_USE = -fprofile-use -fprofile-partial-training -dumpbase $(PGO_DIR)/$*
endif

$(PGO_DIR)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -fprofile-generate -fprofile-update=atomic -c $< -o $@

$(PGO_DIR)/dragoman: $(PGO_OBJ) $(BUILD)/gen/lexdata.o $(BUILD)/gen/schema.o
	$(CC) $(CFLAGS_ALL) -fprofile-generate -o $@ $^ $(LIBS) $(LDFLAGS)

# counts from a fresh run (runs add up)
$(PGO_DIR)/trained: $(PGO_DIR)/dragoman $(wildcard samples/*)
	@find $(PGO_DIR) -name '*.gcda' -delete
	@rm -f $(PGO_DIR)/train.db $(PGO_DIR)/train.db-wal $(PGO_DIR)/train.db-shm
	$(PGO_DIR)/dragoman extract --quiet --jobs 1 samples > /dev/null
	$(PGO_DIR)/dragoman ingest --quiet --jobs 1 --db $(PGO_DIR)/train.db samples
	@touch $@

$(BUILD)/%.o: %.c $(HDRS) $(PGO_TRAINED)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(PGO_USE) -c $< -o $@

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(BUILD)
	$(CC) -std=c11 -O2 -o $@ $<

$(BUILD)/gen/lexdata.c: $(DATA) $(BUILD)/embed
	@mkdir -p $(BUILD)/gen
	$(BUILD)/embed countries data/countries.tsv cities data/cities.tsv orgs data/orgs.tsv \
	    titles data/titles.tsv topics data/topics.tsv > $@

$(BUILD)/gen/lexdata.o: $(BUILD)/gen/lexdata.c
	$(CC) -std=c11 -O0 -c $< -o $@

# The knowledge-base schema, NUL-terminated as dm_data_schema (src/out/store.c runs it).
$(BUILD)/gen/schema.c: src/out/schema.sql $(BUILD)/embed
	@mkdir -p $(BUILD)/gen
	$(BUILD)/embed schema src/out/schema.sql > $@

$(BUILD)/gen/schema.o: $(BUILD)/gen/schema.c
	$(CC) -std=c11 -O0 -c $< -o $@

$(BUILD)/libdragoman.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/dragoman: $(CLI_OBJ) $(BUILD)/libdragoman.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libdragoman.a $(LIBS) $(LDFLAGS)

# The main job on the bundled samples, with a readable summary.
demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== dragoman extract on samples/ (JSON in $(BUILD)/samples.jsonl)"
	@$(BUILD)/dragoman extract --quiet samples > $(BUILD)/samples.jsonl
	@$(BUILD)/dragoman extract --quiet --format text samples
	@echo
	@echo "== dragoman ingest samples/ into $(BUILD)/demo.db (made afresh), then a few queries"
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@$(BUILD)/dragoman ingest --quiet --db $(BUILD)/demo.db samples
	@echo; echo "\$$ dragoman events --person Morimoto   # one meeting told by two outlets: 2 sources"
	@$(BUILD)/dragoman events --db $(BUILD)/demo.db --format table --person Morimoto
	@echo; echo "\$$ dragoman partners KAZ"
	@$(BUILD)/dragoman partners KAZ --db $(BUILD)/demo.db --format table
	@echo; echo "\$$ dragoman people --role foreign_minister"
	@$(BUILD)/dragoman people --db $(BUILD)/demo.db --format table --role foreign_minister
	@echo; echo "\$$ dragoman facts --metric trade_turnover"
	@$(BUILD)/dragoman facts --db $(BUILD)/demo.db --format table --metric trade_turnover
	@echo; echo "\$$ dragoman search 'water AND cooperation'"
	@$(BUILD)/dragoman search --db $(BUILD)/demo.db --format table 'water AND cooperation'

# Throughput (MB/s, sentences/s, 1 thread and all cores), peak memory and the
# ratio to `wc -w` on a generated corpus (tools/gen_bench.py), kept in $(BUILD)/bench.
bench: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/bench.sh $(BUILD)

help:
	@echo "make demo   install what is missing, build, run extract on samples/"
	@echo "make test   unit, golden and bad-input tests"
	@echo "make asan   the tests under AddressSanitizer and UBSan"
	@echo "make tsan   the threaded suites (--jobs, ingest) under ThreadSanitizer"
	@echo "make fuzz   libFuzzer on the extractor for FUZZ_SECONDS (60)"
	@echo "make bench  throughput and memory on a generated corpus"

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz

include tests/tests.mk
