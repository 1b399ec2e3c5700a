# Tests: cmocka unit tests (one file per module), golden tests over whole
# documents, bad-input tests, query commands on a fixture knowledge base,
# the same under ASan/UBSan, the threaded suites under TSan; a libFuzzer target.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka) $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/helpers.h $(BUILD)/libdragoman.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(BUILD)/libdragoman.a $(CMOCKA_LIBS) $(LIBS) $(LDFLAGS)

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do $$t || fail=1; done; exit $$fail

golden: $(BUILD)/dragoman
	@python3 tests/golden/run.py $(BUILD)/dragoman tests/golden/*.test

badinput: $(BUILD)/dragoman
	@sh tests/bad/run.sh $(BUILD)/dragoman

kbquery: $(BUILD)/dragoman
	@sh tests/kb/query.sh $(BUILD)/dragoman

# `make test` is what README and .ci/run call: everything, with one summary line.
test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory $(UNIT_BIN)
	@sh tests/run_all.sh $(BUILD)

ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
asan: deps
	@$(MAKE) --no-print-directory PGO=0 BUILD=build-asan OPT="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" all
	@$(MAKE) --no-print-directory PGO=0 BUILD=build-asan OPT="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	    $(UNIT_SRC:tests/unit/%.c=build-asan/tests/%)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run_all.sh build-asan

# ThreadSanitizer over the suites that run threads: the extraction pipeline
# (--jobs, the bad-input suite) and ingest's writer with its checkpointer (the
# knowledge-base suite). Any race report fails the run.
TSAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
tsan: deps
	@$(MAKE) --no-print-directory PGO=0 BUILD=build-tsan OPT="$(TSAN_FLAGS)" LDFLAGS="-fsanitize=thread" all
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 sh tests/bad/run.sh build-tsan/dragoman
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 sh tests/kb/run.sh build-tsan/dragoman

FUZZ_SECONDS ?= 60
fuzz: deps
	@$(MAKE) --no-print-directory PGO=0 BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
	    build-fuzz/libdragoman.a
	@mkdir -p build-fuzz/corpus
	@cp samples/*.txt build-fuzz/corpus/ 2>/dev/null || true
	clang $(CSTD) -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc tests/fuzz/fuzz_extract.c \
	    build-fuzz/libdragoman.a $(LIBS) $(shell pkg-config --libs $(TEST_PKGS)) -o build-fuzz/fuzz_extract
	build-fuzz/fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -dict=tests/fuzz/extract.dict build-fuzz/corpus
