#!/bin/sh
# CLI tests of the query commands (events, people, partners, facts, show,
# search, export) on the fixture knowledge base (tests/kb/fixture.sql over
# src/out/schema.sql, built with python3's sqlite3): every format parses and
# holds the expected rows; errors exit 1 (no knowledge base, malformed search)
# or 2 (bad arguments) with a message.
#
#   sh tests/kb/query.sh PATH/TO/dragoman
#
# Prints "ok - NAME" or "not ok - NAME: why" per check and ends with
# "N passed, N failed"; exit status 1 if any check failed.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../harness.sh"
harness_start tests/kb/query.sh "to build and read the fixture database" "$@"
DB=$T/kb.db
if ! python3 "$HERE/make_db.py" "$ROOT/src/out/schema.sql" "$HERE/fixture.sql" "$DB"; then
  echo "tests/kb/query.sh: cannot build the fixture database" >&2
  exit 2
fi

# q ARGS... : runs dragoman ARGS in $T (stdout $T/out, stderr $T/err, status $rc).
q() { (cd "$T" && "$DM" "$@" >"$T/out" 2>"$T/err") 2>>"$T/err"; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1 ($(head -c 200 "$T/err"))"; }
expect_err() { grep -q -- "$1" "$T/err" || fail "stderr lacks '$1': $(head -c 200 "$T/err")"; }
expect_out() { grep -q -- "$1" "$T/out" || fail "stdout lacks '$1'"; }
# rows FORMAT FIELD EXPECTED : the output parses as FORMAT and FIELD holds EXPECTED.
rows() { python3 "$HERE/check.py" "$1" "$T/out" "$2" "$3" 2>"$T/why" || fail "$(cat "$T/why")"; }

# check NAME FIELD EXPECTED ARGS... : the command in json and csv, and as a table.
check() {
  cname=$1 field=$2 want=$3; shift 3
  for fmt in json csv; do
    begin "$cname ($fmt)"
    q "$@" --db "$DB" --format "$fmt"
    expect_rc 0
    rows "$fmt" "$field" "$want"
    end
  done
  begin "$cname (table)"
  q "$@" --db "$DB" --format table
  expect_rc 0
  head -n 1 "$T/out" | grep -q "$field" || fail "no header with $field"
  end
}

check "events" id 7,8,11,1,2,3,4,5,6,9,10 events
check "events --country --with" id 11,1,9,10 events --country KAZ --with JPN
check "events --person accents" id 7,8 events --person aydinoglu
check "events --kind --status" id 3 events --kind visit --status planned
check "events --since --until --topic" id 4,5 events --since 2023-06-01 --until 2023 --topic trade
check "events --limit" id 7,8 events --limit 2
check "people" id 3,1,9,8,4,5,2,10,7,6 people
check "people --role" name "Kenji Morita,Dana Serikova" people --role deputy_minister
check "people --country" id 3,1,8 people --country kaz
check "partners" partner DEU,JPN,TUR,AZE partners KAZ
check "partners level" level head_of_state,foreign_minister,head_of_state,head_of_state partners KAZ
check "facts" value 1900000000,1200000000,1900000000,2300000000 facts --metric trade_turnover --country KAZ --with JPN
check "facts --since --until" id 2,3,1 facts --since 2022 --until 2022
check "facts --series" documents 1,2,1 facts --series --metric trade_turnover --with JPN
check "search" id 4 search hydrogen
check "search phrase" id 4,3 search '"state visit"'
check "export" event_id 7,7,7,7,7,7,8,11,1,2,3,4,5,6,9,10 export
check "show" id 6 show 6

begin "events json: titles with quotes and commas survive csv"
q events --db "$DB" --format csv --kind agreement
expect_rc 0
rows csv place "Berlin, DEU"
end

begin "people json: titles over time"
q people --db "$DB" --format json --name temirbekov
expect_rc 0
python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))[0]; t=[x["title"] for x in p["titles"]]; sys.exit(0 if t==["Deputy Foreign Minister","Foreign Minister"] else "titles %r" % t)' "$T/out" 2>"$T/why" || fail "$(cat "$T/why")"
end

begin "show json: participants, sources, evidence, announcement"
q show 4 --db "$DB" --format json
expect_rc 0
python3 - "$T/out" >"$T/why" 2>&1 <<'PY' || fail "$(cat "$T/why")"
import json, sys
e = json.load(open(sys.argv[1]))[0]
assert e["planned_id"] == 3 and e["planned"]["id"] == 3 and e["planned"]["status"] == "planned", e["planned"]
assert [p["person_id"] for p in e["participants"]] == [3], e["participants"]
assert e["sources"][0]["document"] == "kaz-deu-state-visit.txt" and e["sources"][0]["url"], e["sources"]
assert e["evidence"][0]["text"] == "President Erlan Dosmukhamedov arrived in Berlin on June 20 on a state visit to Germany.", e["evidence"]
PY
end

begin "show table: sections"
q show 1 --db "$DB"
expect_rc 0
for s in participants sources evidence "The ministers discussed trade"; do expect_out "$s"; done
end

begin "export jsonl and tsv"
q export --db "$DB"
expect_rc 0
rows jsonl source_country TUR,AZE,-,TUR,TUR,AZE,TUR,KAZ,JPN,KAZ,KAZ,KAZ,KAZ,KAZ,KAZ,JPN
q export --db "$DB" --format tsv --kind visit
expect_rc 0
rows tsv target_country DEU,DEU
end

begin "default --db is ./dragoman.db"
cp "$DB" "$T/dragoman.db"
(cd "$T" && "$DM" events --format json >"$T/out" 2>"$T/err"); rc=$?
expect_rc 0
rows json id 7,8,11,1,2,3,4,5,6,9,10
rm -f "$T/dragoman.db"
end

begin "without --format, a pipe gets tab-separated lines with a header"
q events --db "$DB"
expect_rc 0
rows tsv id 7,8,11,1,2,3,4,5,6,9,10
end

begin "an empty knowledge base: no rows, a header"
python3 -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' "$T/empty.db" "$ROOT/src/out/schema.sql"
for c in events people "partners KAZ" facts export "search trade"; do
  # shellcheck disable=SC2086
  q $c --db "$T/empty.db" --format json
  expect_rc 0
  rows json id ""
done
q events --db "$T/empty.db" --format csv
[ "$(cat "$T/out")" = "$(printf 'id,date,kind,status,place,participants,topics,sources\r')" ] || fail "csv header: $(cat "$T/out")"
end

begin "missing knowledge base"
q events --db "$T/none.db"
expect_rc 1
expect_err "run 'dragoman ingest' first"
end

begin "wrong schema version"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table events(id)"); c.execute("pragma user_version=7"); c.commit()' "$T/v7.db"
q events --db "$T/v7.db"
expect_rc 1
expect_err "version 7"
end

begin "not a knowledge base"
printf 'plain text\n' >"$T/text.db"
q people --db "$T/text.db"
expect_rc 1
expect_err "dragoman people:"
end

begin "malformed search"
q search 'trade AND "' --db "$DB"
expect_rc 1
expect_err "not a valid search"
[ -s "$T/out" ] && fail "output on error"
end

begin "show of a missing event"
q show 999 --db "$DB"
expect_rc 1
expect_err "no event with id 999"
end

for bad in "events --kind party" "events --since 2023-13-x" "events --limit 0" "events --country K" \
           "people --kind visit" "events --bogus" "partners" "show abc" "show" "facts --format xml" \
           "events --topic" "search" "events extra"; do
  begin "bad arguments: $bad"
  # shellcheck disable=SC2086
  q $bad --db "$DB"
  expect_rc 2
  expect_err "dragoman "
  end
done

begin "--help"
q facts --help
expect_rc 0
expect_out "--series"
end

harness_finish
