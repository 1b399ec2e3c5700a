#!/bin/sh
# Bad-input tests for `dragoman extract` (spec/extract-format.md, "Input"):
# bad documents get a one-line message on stderr naming the document and the
# reason, the other documents are still processed, the exit status is 1 if any
# document failed; usage errors exit 2. Every JSON line written must parse.
#
#   sh tests/bad/run.sh PATH/TO/dragoman
#
# Prints "ok - NAME" or "not ok - NAME: why" per check and ends with
# "N passed, N failed"; exit status 1 if any check failed.

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../harness.sh"
harness_start tests/bad/run.sh "to check the JSON output" "$@"
SAMPLES=$ROOT/samples

: >"$T/all.out"


# A small checker for JSON Lines: every line must be a JSON object with a
# string "doc"; prints the "doc" values one per line, with backslashes,
# newlines and control characters escaped as Python's unicode_escape does.
cat >"$T/jl.py" <<'EOF'
import json, sys
data = open(sys.argv[1], "rb").read()
if data and not data.endswith(b"\n"):
    sys.exit("output does not end with a newline")
for n, line in enumerate(data.split(b"\n")[:-1] if data else [], 1):
    try:
        o = json.loads(line.decode("utf-8"))
    except Exception as e:
        sys.exit("line %d is not JSON (%s): %.120r" % (n, e, line))
    if not isinstance(o, dict) or not isinstance(o.get("doc"), str):
        sys.exit("line %d is not an object with a \"doc\" string: %.120r" % (n, line))
    print(o["doc"].encode("unicode_escape").decode("ascii"))
EOF

# --- one check = run the command, then assertions that collect reasons ------
# run [--stdin FILE] ARGS... : runs dragoman extract ARGS in $T/w, stdout in
# $T/out, stderr in $T/err (with the shell's own note if it crashed), exit
# status in $rc. Unless collect=0, stdout is also added to $T/all.out.
collect=1
run() {
  input=/dev/null
  if [ "$1" = --stdin ]; then input=$2; shift 2; fi
  (cd "$T/w" && "$DM" extract "$@" <"$input" >"$T/out" 2>"$T/err") 2>>"$T/err"
  rc=$?
  if [ $collect = 1 ]; then cat "$T/out" >>"$T/all.out"; fi
}


err_lines() { wc -l <"$T/err" | tr -d ' '; }
first_err() { head -n 1 "$T/err" | cut -c 1-200; }

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"
}
# expect_docs DOC... : stdout is valid JSON Lines whose "doc" values are
# exactly DOC... in that order (none given: stdout is empty).
expect_docs() {
  if ! python3 "$T/jl.py" "$T/out" >"$T/docs" 2>"$T/jlerr"; then
    fail "stdout: $(cat "$T/jlerr")"
    return
  fi
  : >"$T/want"
  for d in "$@"; do printf '%s\n' "$d" >>"$T/want"; done
  if ! cmp -s "$T/docs" "$T/want"; then
    fail "stdout docs [$(tr '\n' ' ' <"$T/docs")], expected [$*]"
  fi
}
expect_no_stderr() {
  [ ! -s "$T/err" ] || fail "unexpected stderr: $(first_err)"
}
# expect_err_count N : exactly N lines on stderr.
expect_err_count() {
  n=$(err_lines)
  [ "$n" -eq "$1" ] || fail "$n lines on stderr, expected $1 (first: $(first_err))"
}
# expect_err NAME REGEX : a stderr line names NAME (as "NAME:") and matches
# REGEX (extended, case-insensitive) for the reason.
expect_err() {
  if ! grep -F -- "$1:" "$T/err" >"$T/errline"; then
    fail "no message naming '$1' on stderr (got: $(first_err))"
  elif ! grep -Eiq -- "$2" "$T/errline"; then
    fail "message for '$1' does not give the reason /$2/: $(head -n 1 "$T/errline")"
  fi
}
# bad_doc NAME FILE REGEX : FILE alone is rejected: exit 1, no JSON, one
# message naming it with the reason.
bad_doc() {
  begin "$1"
  run "$2"
  expect_rc 1
  expect_docs
  expect_err_count 1
  expect_err "$2" "$3"
  end
}

mkdir "$T/w"
W=$T/w
GOOD_TEXT='ASTANA – Kazakh President Kassym-Jomart Tokayev met with Uzbek Foreign Minister Bakhtiyor Saidov in Astana on Tuesday. The sides held talks on trade turnover, which reached $1.9 billion in 2023.'
printf '%s\n' "$GOOD_TEXT" >"$W/good.txt"
printf 'BAKU, Azerbaijan, Mar.18 – Azerbaijani Foreign Minister Jeyhun Bayramov will visit Tashkent next week, the ministry said.\n' >"$W/good2.txt"

# --- empty, white space, binary, invalid UTF-8 ---------------------------------
: >"$W/empty.txt"
bad_doc "empty file" empty.txt 'empty'

printf '  \n\t\r\n   \n\n' >"$W/blank.txt"
bad_doc "file of only white space" blank.txt 'empty|white'

head -c 4096 /dev/urandom >"$W/rand.tmp"
{ head -c 2000 "$W/rand.tmp"; printf '\000'; tail -c 2095 "$W/rand.tmp"; } >"$W/random.bin"
rm -f "$W/rand.tmp"
bad_doc "binary file: 4 KB random with a NUL byte" random.bin 'binary|UTF-8'

printf '\357\273\277' >"$W/bom-only.txt"
bad_doc "file of only a byte order mark" bom-only.txt 'empty'

# no-break space, em space, ideographic space, form feed, vertical tab: white
# space too, so the document holds no text
printf ' \302\240\n\342\200\203\t\343\200\200\r\n\f\v\n' >"$W/unicode-blank.txt"
bad_doc "file of only Unicode white space (U+00A0, U+2003, U+3000, FF, VT)" unicode-blank.txt 'empty|white'

printf '\000Kazakh President met with the Foreign Minister.\n' >"$W/nul.txt"
bad_doc "binary file: NUL byte in text" nul.txt 'binary|NUL'

i=0
: >"$W/controls.bin"
while [ $i -lt 256 ]; do printf '\001\002\003\004\005\006\007\010' >>"$W/controls.bin"; i=$((i + 1)); done
bad_doc "binary file: bytes 0x01-0x08 repeated" controls.bin 'binary'

printf 'Kazakh President met \303 the Foreign Minister.\n' >"$W/lone-c3.txt"
bad_doc "invalid UTF-8: lone 0xC3" lone-c3.txt 'UTF-8'
printf 'Kazakh President met \303' >"$W/end-c3.txt"
bad_doc "invalid UTF-8: 0xC3 as the last byte" end-c3.txt 'UTF-8'
printf 'Kazakh President \377 met the Foreign Minister.\n' >"$W/ff.txt"
bad_doc "invalid UTF-8: 0xFF" ff.txt 'UTF-8'
printf 'Kazakh President \300\200 met the Foreign Minister.\n' >"$W/overlong.txt"
bad_doc "invalid UTF-8: overlong C0 80" overlong.txt 'UTF-8'
printf 'Kazakh President \355\240\200 met the Foreign Minister.\n' >"$W/surrogate.txt"
bad_doc "invalid UTF-8: surrogate ED A0 80" surrogate.txt 'UTF-8'
printf 'Kazakh President \364\220\200\200 met the Foreign Minister.\n' >"$W/above.txt"
bad_doc "invalid UTF-8: code point above U+10FFFF (F4 90 80 80)" above.txt 'UTF-8'

# --- good and bad documents in one call ---------------------------------------
cp "$W/random.bin" "$W/bad.bin"
begin "good and bad documents together"
run good.txt bad.bin good2.txt
expect_rc 1
expect_docs good.txt good2.txt
expect_err_count 1
expect_err bad.bin 'binary|UTF-8'
end

begin "good and bad documents together, --jobs 3"
run --jobs 3 good.txt empty.txt bad.bin good2.txt controls.bin good.txt
expect_rc 1
expect_docs good.txt good2.txt good.txt
expect_err_count 3
expect_err empty.txt 'empty'
expect_err bad.bin 'binary|UTF-8'
expect_err controls.bin 'binary'
end

# --- .jsonl --------------------------------------------------------------------
{
  printf '{"id": "j1", "date": "2023-09-21", "text": "%s"}\n' "$GOOD_TEXT"
  printf '\n'
  printf '{"id": "x", "text": \n'
  printf '[1,2]\n'
  printf '{"id": "notext", "title": "Kazakh President met with the Foreign Minister"}\n'
  printf '{"id": "num", "text": 42}\n'
  printf '  \t\r\n'
  printf '{"id": "j2", "text": "U.S. Secretary of State held talks with the Kazakh Foreign Minister."}\n'
  printf '\n'
  printf '{"id": "trunc", "text": "Kazakh President met with'
} >"$W/bad.jsonl"
printf '{"id": "j3", "text": "The President of Kyrgyzstan will visit Baku in May."}\n' >"$W/tail.jsonl"
begin ".jsonl with broken lines"
run bad.jsonl tail.jsonl
expect_rc 1
expect_docs j1 j2 j3
expect_err_count 5
expect_err bad.jsonl:3 'JSON'
expect_err bad.jsonl:4 'JSON|object'
expect_err bad.jsonl:5 'text'
expect_err bad.jsonl:6 'text'
expect_err bad.jsonl:10 'JSON'
end

{
  printf '\n\n{"id": "a", "text": "Kazakh President met with the Foreign Minister."}\n\n\n'
  printf '{"id": 7, "text": "Uzbek Foreign Minister held talks in Tashkent."}\r\n  \n'
  printf '{"id": "c", "text": "The ministers signed an agreement."}'
} >"$W/blank-lines.jsonl"
begin ".jsonl with blank lines, CRLF and no final newline"
run blank-lines.jsonl
expect_rc 0
expect_docs a 7 c
expect_no_stderr
end

# Lines that are JSON objects with a "text" string but whose text is bad are
# bad lines too: reported as FILE.jsonl:LINE, one line each, even when the
# "id" holds a newline or control characters.
{
  printf '{"id": "e1", "text": ""}\n'
  printf '{"id": "n1", "text": "Kazakh President\\u0000met"}\n'
  printf '{"id": "w1", "text": " \\n\\t "}\n'
  printf '{"id": "ok1", "text": "Kazakh President met with the Uzbek Foreign Minister."}\n'
} >"$W/badtext.jsonl"
begin ".jsonl lines whose text is empty or binary"
run badtext.jsonl
expect_rc 1
expect_docs ok1
expect_err_count 3
expect_err badtext.jsonl:1 'empty'
expect_err badtext.jsonl:2 'binary|NUL'
expect_err badtext.jsonl:3 'empty|white'
end

# Only the top-level "id", "text" and "date" count: the same keys inside a nested
# object are someone else's; a top-level key given twice, a "text" that is not a
# string and invalid UTF-8 inside a string are bad lines.
{
  printf '{"meta": {"text": 5, "id": "inner", "date": ["x"]}, "id": "outer", "text": "%s"}\n' "$GOOD_TEXT"
  printf '{"id": "dup", "text": "a", "text": "b"}\n'
  printf '{"id": "arr", "text": ["%s"]}\n' "$GOOD_TEXT"
  printf '{"id": "utf", "text": "bad \377 byte"}\n'
  printf '{"id": 12, "date": "2024-05-06T10:00:00+05:00", "text": "%s"}\n' "$GOOD_TEXT"
} >"$W/keys.jsonl"
begin ".jsonl keys: nested ones ignored, duplicates and wrong types rejected"
run keys.jsonl
expect_rc 1
expect_docs outer 12
expect_err_count 3
expect_err keys.jsonl:2 'twice'
expect_err keys.jsonl:3 'text'
expect_err keys.jsonl:4 'UTF'
end

{
  printf '{"id": "two\\nlines\\u0001", "text": ""}\n'
  printf '{"id": "q\\"\\\\\\n\\u0001x", "text": "Kazakh President met with the Uzbek Foreign Minister."}\n'
} >"$W/oddid.jsonl"
begin ".jsonl id with a newline and control characters"
run oddid.jsonl
expect_rc 1
expect_docs 'q"\\\n\x01x'
expect_err_count 1
expect_err oddid.jsonl:1 'empty'
end

# A long "id" (600 x U+00E9, 1200 bytes): "doc" is the whole id, and the
# line stays valid JSON (no UTF-8 sequence cut in half).
python3 -c 'import json; print(json.dumps({"id": "\u00e9" * 600, "text": "Kazakh President met with the Uzbek Foreign Minister."}))' >"$W/longid.jsonl"
begin ".jsonl with a 600-character non-ASCII id"
collect=0 # its own check: not counted again in "every JSON line"
run longid.jsonl
collect=1
expect_rc 0
expect_docs "$(python3 -c 'print("\u00e9".encode("unicode_escape").decode() * 600)')"
expect_no_stderr
end

# --- huge lines ----------------------------------------------------------------
HUGE=104857600 # 100 MB
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
  have_time=1
else
  have_time=0
  echo "# /usr/bin/time (GNU) is missing: peak memory is not checked"
fi
# huge_run NAME ARGS... : run with a timer and, if possible, a memory meter.
huge_run() {
  t0=$(date +%s)
  if [ $have_time = 1 ]; then
    (cd "$W" && /usr/bin/time -f %M -o "$T/mem" "$DM" extract "$@" </dev/null >"$T/out" 2>"$T/err") 2>>"$T/err"
  else
    (cd "$W" && "$DM" extract "$@" </dev/null >"$T/out" 2>"$T/err") 2>>"$T/err"
  fi
  rc=$?
  t1=$(date +%s)
  cat "$T/out" >>"$T/all.out"
  secs=$((t1 - t0))
  [ "$secs" -lt 60 ] || fail "took $secs s, expected under 60 s"
  if [ $have_time = 1 ]; then
    kb=$(tail -n 1 "$T/mem")
    case $kb in
      '' | *[!0-9]*) fail "could not read peak memory: $(cat "$T/mem")" ;;
      *) [ "$kb" -lt 409600 ] || fail "peak memory $((kb / 1024)) MB, expected under 400 MB" ;;
    esac
  fi
}

{
  printf '{"id": "huge", "text": "'
  head -c $HUGE /dev/zero | tr '\000' a
  printf '"}\n'
  printf '{"id": "after-huge", "text": "%s"}\n' "$GOOD_TEXT"
} >"$W/huge.jsonl"
begin ".jsonl with a 100 MB line"
huge_run huge.jsonl
expect_rc 1
expect_docs after-huge
expect_err_count 1
expect_err huge.jsonl:1 'too long|exceed|limit'
end
rm -f "$W/huge.jsonl"

{
  printf 'Kazakh President '
  head -c $HUGE /dev/zero | tr '\000' a
} >"$W/huge.txt"
begin ".txt with a single 100 MB line"
huge_run huge.txt good.txt
expect_rc 1
expect_docs good.txt
expect_err_count 1
expect_err huge.txt 'too long|exceed|limit'
end
rm -f "$W/huge.txt"

# --- missing files and directories ----------------------------------------------
mkdir "$W/nodocs" "$W/emptydir"
printf 'not a document\n' >"$W/nodocs/notes.md"
printf 'Kazakh President\n' >"$W/nodocs/story.html"
begin "missing file and a directory without documents"
run missing.txt nodocs
expect_rc 1
expect_docs
expect_err_count 1
expect_err missing.txt 'cannot|no such|not found|missing'
end

begin "directory without .txt/.jsonl alone"
run nodocs
expect_rc 0
expect_docs
expect_no_stderr
end

begin "empty directory alone"
run emptydir
expect_rc 0
expect_docs
expect_no_stderr
end

begin "missing file between good ones"
run good.txt no/such/dir/missing2.txt good2.txt
expect_rc 1
expect_docs good.txt good2.txt
expect_err_count 1
expect_err missing2.txt 'cannot|no such|not found|missing'
end

# --- standard input -------------------------------------------------------------
printf 'Kazakh President X met with Uzbek Foreign Minister Y in Astana on Monday.' >"$T/stdin.txt"
begin "stdin"
run --stdin "$T/stdin.txt" -
expect_rc 0
expect_docs -
expect_no_stderr
end

: >"$T/stdin-empty"
begin "empty stdin"
run --stdin "$T/stdin-empty" -
expect_rc 1
expect_docs
expect_err_count 1
expect_err - 'empty'
end

printf 'Kazakh \377 President\n' >"$T/stdin-bad"
begin "invalid UTF-8 on stdin"
run --stdin "$T/stdin-bad" -
expect_rc 1
expect_docs
expect_err_count 1
expect_err - 'UTF-8'
end

# --- file names ---------------------------------------------------------------------
# "doc" is the file's basename; a name that is not UTF-8 must still give valid
# JSON (escaped or replaced), and a name with quotes must be escaped.
cp "$W/good.txt" "$W/$(printf 'caf\351 \377.txt')"
begin "file name that is not UTF-8"
collect=0 # its own check: not counted again in "every JSON line"
run "$(printf 'caf\351 \377.txt')"
collect=1
expect_rc 0
if python3 "$T/jl.py" "$T/out" >/dev/null 2>"$T/jlerr"; then :; else fail "stdout: $(cat "$T/jlerr")"; fi
n=$(wc -l <"$T/out" | tr -d ' ')
[ "$n" -eq 1 ] || fail "$n lines on stdout, expected 1"
end
rm -f "$W/$(printf 'caf\351 \377.txt')"

cp "$W/good.txt" "$W/a \"quoted\" \\ name.txt"
begin "file name with quotes and a backslash"
run "a \"quoted\" \\ name.txt"
expect_rc 0
expect_docs 'a "quoted" \\ name.txt'
expect_no_stderr
end
rm -f "$W/a \"quoted\" \\ name.txt"

# --- real-world text quirks ---------------------------------------------------------
# BOM, CRLF, no-break spaces (C2 A0), curly quotes and apostrophes, en dash.
{
  printf '\357\273\277 date 2023-09-21 ASTANA \342\200\223 Kazakh President\302\240Kassym-Jomart Tokayev met with\r\n'
  printf 'Uzbek Foreign Minister Bakhtiyor Saidov in Astana on Thursday.\r\n\r\n'
  printf '\342\200\234We discussed trade,\342\200\235 Tokayev\342\200\231s office said. Trade turnover reached\302\240$1.9 billion.\r\n'
} >"$W/quirks.txt"
begin "CRLF, BOM, no-break spaces, curly quotes"
run quirks.txt
expect_rc 0
expect_docs quirks.txt
expect_no_stderr
if ! python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$T/out" 2>/dev/null; then
  fail "python3 json.loads rejects the output"
fi
if grep -q "$(printf '\357\273\277')" "$T/out"; then fail "the byte order mark is in the output"; fi
end

# --- --jobs does not change the output -------------------------------------------
mkdir "$W/many"
set -- "$SAMPLES"/*.txt
if [ ! -f "$1" ]; then
  not_ok "--jobs 2 output equals --jobs 1" "no samples in $SAMPLES"
else
  i=1
  while [ $i -le 30 ]; do
    for s in "$SAMPLES"/*.txt; do
      [ $i -le 30 ] || break
      cp "$s" "$W/many/$(printf '%02d' $i)-$(basename "$s")"
      i=$((i + 1))
    done
  done
  begin "--jobs 2 output equals --jobs 1 (30 documents)"
  run --jobs 1 many
  rc1=$rc
  cp "$T/out" "$T/out1"
  cp "$T/err" "$T/err1"
  run --jobs 2 many
  [ "$rc1" -eq 0 ] || fail "--jobs 1 exit status $rc1"
  [ "$rc" -eq 0 ] || fail "--jobs 2 exit status $rc"
  n=$(wc -l <"$T/out1" | tr -d ' ')
  [ "$n" -eq 30 ] || fail "--jobs 1 wrote $n lines, expected 30"
  cmp -s "$T/out1" "$T/out" || fail "--jobs 2 output differs from --jobs 1"
  if [ -s "$T/err1" ] || [ -s "$T/err" ]; then fail "unexpected stderr"; fi
  end

  begin "--jobs 8 output equals --jobs 1 (30 documents)"
  run --jobs 8 many
  expect_rc 0
  cmp -s "$T/out1" "$T/out" || fail "--jobs 8 output differs from --jobs 1"
  end
fi

# --- many documents: the pipeline's ring of slots wraps round ---------------------
# 2500 short .jsonl documents, some lines bad: with --jobs 2 and 3 the workers run
# ahead of the writer through a ring of 1024 or 1536 slots, reused over and over.
# Documents and error messages must come out in input order, as with --jobs 1.
awk 'BEGIN {
  for (i = 1; i <= 2500; i++) {
    if (i % 97 == 0) { print "{\"id\": \"d" i "\", \"text\": "; continue }
    if (i % 101 == 0) { print "{\"id\": \"d" i "\", \"text\": \"\"}"; continue }
    printf "{\"id\": \"d%d\", \"date\": \"2024-03-%02d\", \"text\": \"ASTANA. Foreign Minister Murat Nurtleu met Japanese Ambassador Ken Sato %d on Monday to discuss trade.\"}\n", i, i % 28 + 1, i
  }
}' >"$W/ring.jsonl"
begin "--jobs 2 and 3 equal --jobs 1 over 2500 documents with bad lines (the ring wraps)"
run --jobs 1 ring.jsonl
rc1=$rc
cp "$T/out" "$T/out1"
cp "$T/err" "$T/err1"
n=$(wc -l <"$T/out1" | tr -d ' ')
[ "$n" -gt 2400 ] || fail "--jobs 1 wrote $n lines, expected over 2400"
grep -q 'ring.jsonl:97: ' "$T/err1" || fail "--jobs 1 did not report line 97"
for j in 2 3; do
  run --jobs $j ring.jsonl
  [ "$rc" -eq "$rc1" ] || fail "--jobs $j exit status $rc, --jobs 1 gave $rc1"
  cmp -s "$T/out1" "$T/out" || fail "--jobs $j output differs from --jobs 1"
  cmp -s "$T/err1" "$T/err" || fail "--jobs $j messages differ from --jobs 1 (or come in another order)"
done
end

# --- usage errors ------------------------------------------------------------------
# usage_error NAME ARGS... : exit 2, nothing on stdout, a message on stderr.
usage_error() {
  begin "$1"
  shift
  run "$@"
  expect_rc 2
  [ ! -s "$T/out" ] || fail "unexpected stdout"
  [ -s "$T/err" ] || fail "no message on stderr"
  grep -Eiq 'usage|--help|--jobs|--format|option' "$T/err" || fail "no usage message: $(first_err)"
}
usage_error "unknown option" --no-such-option good.txt
grep -Fq -- '--no-such-option' "$T/err" || fail "message does not name the option"
end
usage_error "--jobs 0" --jobs 0 good.txt
end
usage_error "--jobs abc" --jobs abc good.txt
end
usage_error "--jobs without a value" good.txt --jobs
end
usage_error "no files" --quiet
end
usage_error "--format xml" --format xml good.txt
end

# A very large --jobs must not crash: either a usage error (2) or a normal run.
begin "--jobs 2000000000 does not crash"
run --jobs 2000000000 good.txt
case $rc in
  0) expect_docs good.txt ;;
  2) [ -s "$T/err" ] || fail "exit status 2 without a message" ;;
  *) fail "exit status $rc (expected 0, or 2 with a usage message)" ;;
esac
end

# --- every JSON line written parses -------------------------------------------------
begin "every JSON line written in these cases parses"
if ! python3 "$T/jl.py" "$T/all.out" >/dev/null 2>"$T/jlerr"; then fail "$(cat "$T/jlerr")"; fi
[ -s "$T/all.out" ] || fail "no output at all"
end

harness_finish
