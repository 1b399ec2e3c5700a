#!/bin/sh
# make bench: throughput and memory of `dragoman extract` on a generated corpus.
#   BENCH_MB   size of the corpus in MB (default 200); it is made once in $BUILD/bench
#   BENCH_BIG  MB streamed as one .jsonl through a FIFO for the memory check (default 1000, 0 skips)
#   BENCH_INGEST_MB  size of the corpus `dragoman ingest` stores into SQLite (default 20, 0 skips);
#              extract runs on the same corpus for the ratio
#   BENCH_RUNS  runs of each timing (default 3): the fastest is reported, and every run's seconds
#              are listed (on a shared machine, other tenants only ever add time)
set -eu
build=${1:-build}
bin="$build/dragoman"
mb=${BENCH_MB:-200}
big=${BENCH_BIG:-1000}
ingest_mb=${BENCH_INGEST_MB:-20}
runs=${BENCH_RUNS:-3}
dir="$build/bench/corpus-$mb"
cores=$(nproc 2>/dev/null || echo 2)

if [ ! -f "$dir/.done" ]; then
  echo "bench: generating a ${mb} MB corpus in $dir (once)"
  rm -rf "$dir"
  python3 tools/gen_bench.py "$dir" --mb "$mb"
  touch "$dir/.done"
fi

now() { date +%s.%N; }
stat_of() { # key file
  sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" "$2" | tail -n 1
}

# best_of NAME COMMAND...: runs COMMAND $runs times, its stderr (the --stats line) into
# $build/bench/NAME.txt; keeps the fastest run's stats there and every run's seconds in NAME.runs
best_of() {
  name=$1; shift
  : > "$build/bench/$name.runs"
  r=0
  while [ "$r" -lt "$runs" ]; do
    "$@" 2> "$build/bench/$name.try"
    s=$(stat_of seconds "$build/bench/$name.try")
    printf '%s ' "$s" >> "$build/bench/$name.runs"
    if [ "$r" -eq 0 ] || awk -v a="$s" -v b="$(stat_of seconds "$build/bench/$name.txt")" 'BEGIN {exit !(a < b)}'; then
      mv "$build/bench/$name.try" "$build/bench/$name.txt"
    fi
    r=$((r + 1))
  done
  rm -f "$build/bench/$name.try"
}

echo "bench: extract, 1 thread ($runs runs)"
best_of stats-1 sh -c '"$0" extract --quiet --stats --jobs 1 "$1" > "$2"' "$bin" "$dir" "$build/bench/out-1.jsonl"
echo "bench: extract, $cores threads ($runs runs)"
best_of stats-n sh -c '"$0" extract --quiet --stats --jobs "$1" "$2" > "$3"' "$bin" "$cores" "$dir" "$build/bench/out-n.jsonl"
same=no
cmp -s "$build/bench/out-1.jsonl" "$build/bench/out-n.jsonl" && same=yes

echo "bench: wc -w, for the cost of merely reading the text"
t0=$(now)
cat "$dir"/* | wc -w > /dev/null
t1=$(now)

bytes=$(stat_of bytes "$build/bench/stats-1.txt")
s1=$(stat_of seconds "$build/bench/stats-1.txt")
sn=$(stat_of seconds "$build/bench/stats-n.txt")
sents=$(stat_of sentences "$build/bench/stats-1.txt")
rss1=$(stat_of peak_rss_mb "$build/bench/stats-1.txt")
rssn=$(stat_of peak_rss_mb "$build/bench/stats-n.txt")

bigrss=skipped
if [ "$big" -gt 0 ]; then
  echo "bench: streaming ${big} MB of .jsonl through a FIFO for peak memory"
  fifo="$build/bench/stream.jsonl"
  rm -f "$fifo"
  mkfifo "$fifo"
  (
    want=$((big * 1000000))
    sent=0
    while [ "$sent" -lt "$want" ]; do
      for f in "$dir"/*.jsonl; do
        cat "$f"
        sent=$((sent + $(wc -c < "$f")))
        if [ "$sent" -ge "$want" ]; then break; fi
      done
    done > "$fifo"
  ) &
  "$bin" extract --quiet --stats "$fifo" > /dev/null 2> "$build/bench/stats-big.txt" || true
  wait
  rm -f "$fifo"
  bigrss="$(stat_of peak_rss_mb "$build/bench/stats-big.txt") MB for $(stat_of bytes "$build/bench/stats-big.txt") bytes"
fi

ingest_line="ingest: skipped (BENCH_INGEST_MB=0)"
if [ "$ingest_mb" -gt 0 ]; then
  idir="$build/bench/corpus-$ingest_mb"
  if [ ! -f "$idir/.done" ]; then
    echo "bench: generating a ${ingest_mb} MB corpus in $idir (once)"
    rm -rf "$idir"
    python3 tools/gen_bench.py "$idir" --mb "$ingest_mb"
    touch "$idir/.done"
  fi
  echo "bench: ingest of ${ingest_mb} MB into SQLite, 1 thread, and extract alone on the same corpus ($runs runs each)"
  best_of stats-ix "$bin" extract --quiet --stats --jobs 1 "$idir" > /dev/null
  # each run into a new database (a second run into the same one would find nothing to do)
  best_of stats-ingest sh -c 'rm -f "$1" "$1-wal" "$1-shm"; "$0" ingest --quiet --stats --jobs 1 --db "$1" "$2" > "$3"' \
      "$bin" "$build/bench/kb.db" "$idir" "$build/bench/ingest.txt"
  ingest_line=$(awk -v ib="$(stat_of bytes "$build/bench/stats-ingest.txt")" -v is="$(stat_of seconds "$build/bench/stats-ingest.txt")" \
      -v id="$(stat_of documents "$build/bench/stats-ingest.txt")" -v xs="$(stat_of seconds "$build/bench/stats-ix.txt")" \
      -v dbmb="$(du -k "$build/bench/kb.db" | cut -f1)" 'BEGIN {
    printf "ingest into SQLite, 1 thread: %6.2f MB/s  %8.0f documents/s  (%.2f s, %.1f MB of text, database %.0f MB); %.1fx the time of extract alone (%.2f s)", ib / 1e6 / is, id / is, is, ib / 1e6, dbmb / 1024, is / xs, xs }')
  ingest_line="$ingest_line
  runs (s): ingest $(cat "$build/bench/stats-ingest.runs")/ extract $(cat "$build/bench/stats-ix.runs")"
fi

awk -v bytes="$bytes" -v s1="$s1" -v sn="$sn" -v sents="$sents" -v t0="$t0" -v t1="$t1" -v cores="$cores" \
    -v runs="$runs" -v runs1="$(cat "$build/bench/stats-1.runs")" -v runsn="$(cat "$build/bench/stats-n.runs")" \
    -v rss1="$rss1" -v rssn="$rssn" -v same="$same" -v bigrss="$bigrss" -v ingest="$ingest_line" 'BEGIN {
  mb = bytes / 1e6; wc = t1 - t0;
  printf "\n== dragoman bench: %.1f MB, %d sentences; each time the fastest of %d runs\n", mb, sents, runs;
  printf "extract, 1 thread:     %8.2f MB/s  %10.0f sentences/s  (%.2f s, peak RSS %s MB)\n", mb / s1, sents / s1, s1, rss1;
  printf "extract, %d threads:    %8.2f MB/s  speed-up %.2fx  (%.2f s, peak RSS %s MB)\n", cores, mb / sn, s1 / sn, sn, rssn;
  printf "  runs (s): 1 thread %s/ %d threads %s\n", runs1, cores, runsn;
  printf "wc -w (reading only):  %8.2f MB/s  (%.2f s); extract is %.1fx its time\n", mb / wc, wc, s1 / wc;
  printf "output with 1 and %d threads byte-identical: %s\n", cores, same;
  printf "peak RSS streaming a big .jsonl: %s\n", bigrss;
  printf "%s\n", ingest;
}'
