#!/bin/sh
# Runs every test suite against the build in $1 and prints one closing line:
# "N passed, N failed". Exit status 1 if anything failed.
build=${1:-build}
passed=0
failed=0
run() { # name command...
  name=$1; shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "PASS $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; echo "$out" | tail -n 40 | sed 's/^/    /'
  fi
}
for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  run "unit $(basename "$t")" "$t"
done
for g in tests/golden/*.test; do
  run "golden $(basename "$g")" python3 tests/golden/run.py "$build/dragoman" "$g"
done
run "bad input" sh tests/bad/run.sh "$build/dragoman"
run "knowledge base" sh tests/kb/run.sh "$build/dragoman"
run "kb queries" sh tests/kb/query.sh "$build/dragoman"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
