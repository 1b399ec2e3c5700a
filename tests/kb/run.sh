#!/bin/sh
# Knowledge-base tests for `dragoman ingest` through the CLI: samples stored
# as extract sees them, re-ingest changes nothing, a changed file replaces its
# old version, bad input mixed with good (bad reported, good stored, exit 1),
# the same database whatever --jobs, a run killed with SIGKILL leaves a
# consistent database that a re-run completes, a version-1 database migrated,
# and refusal of databases that are not ours.
#
#   sh tests/kb/run.sh PATH/TO/dragoman
#
# Prints "ok - NAME" or "not ok - NAME: why" per check and ends with
# "N passed, N failed"; exit status 1 if any check failed.

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../harness.sh"
harness_start tests/kb/run.sh "to read the databases" "$@"

# ingest ARGS... : runs dragoman ingest in $T, stdout in $T/out, stderr in $T/err, status in $rc.
ingest() {
  (cd "$T" && "$DM" ingest --quiet "$@" >"$T/out" 2>"$T/err") 2>>"$T/err"
  rc=$?
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1 (stderr: $(head -c 300 "$T/err"))"; }
# expect_summary REGEX : the summary line matches.
expect_summary() { grep -Eq -- "$1" "$T/out" || fail "summary does not match /$1/: $(head -c 300 "$T/out")"; }
expect_err() { grep -Eiq -- "$1" "$T/err" || fail "stderr does not match /$1/: $(head -c 300 "$T/err")"; }

# The database checker: python3 tools over sqlite3, one command per call.
cat >"$T/kb.py" <<'EOF'
import json, os, shutil, sqlite3, sys, tempfile
cmd, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
q = lambda sql, *a: con.execute(sql, a).fetchall()
if cmd == "count":            # count TABLE
    print(q("SELECT count(*) FROM %s" % sys.argv[3])[0][0])
elif cmd == "consistent":     # integrity, foreign keys, text index, no orphans
    problems = []
    if q("PRAGMA integrity_check")[0][0] != "ok": problems.append("integrity_check")
    if q("PRAGMA foreign_key_check"): problems.append("foreign_key_check: %r" % q("PRAGMA foreign_key_check")[:3])
    # the text index against the documents (rank 1: compared with the content table), on a copy
    tmp = tempfile.mkdtemp()
    for suffix in ("", "-wal"):
        if os.path.exists(db + suffix): shutil.copy(db + suffix, os.path.join(tmp, "kb.db" + suffix))
    try:
        sqlite3.connect(os.path.join(tmp, "kb.db")).execute(
            "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as e:
        problems.append("documents_fts does not match documents: %s" % e)
    shutil.rmtree(tmp)
    if q("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)")[0][0]:
        problems.append("events without reports")
    if q("SELECT count(*) FROM people WHERE id NOT IN (SELECT person_id FROM participants WHERE person_id IS NOT NULL)")[0][0]:
        problems.append("people without participants")
    # what is kept across documents equals what the reports say, recomputed from scratch
    seen = ("CASE WHEN r.status = 'occurred' AND r.date IS NOT NULL THEN r.date ELSE COALESCE(s.date, d.published) END")
    joins = ("FROM participants p JOIN reports r ON r.id = p.report_id JOIN documents d ON d.id = r.doc_id "
             "LEFT JOIN stories s ON s.doc_id = r.doc_id AND s.seq = r.story WHERE p.person_id IS NOT NULL")
    titles = set(q("SELECT p.person_id, p.title, MIN(%s), MAX(%s), COUNT(*) %s AND p.title IS NOT NULL GROUP BY 1, 2" % (seen, seen, joins)))
    if titles != set(q("SELECT person_id, title, first_seen, last_seen, reports FROM person_titles")):
        problems.append("person_titles differ from the participants' titles")
    if set(q("SELECT p.person_id, MIN(%s), MAX(%s) %s GROUP BY 1" % (seen, seen, joins))) != set(q("SELECT id, first_seen, last_seen FROM people")):
        problems.append("people's first and last seen differ from their reports'")
    union = set()
    for event, topics in q("SELECT event_id, topics FROM reports"):
        union.update((event, t) for t in (topics or "").split())
    if union != set(q("SELECT event_id, topic FROM event_topics")):
        problems.append("event_topics differ from the union of the reports' topics")
    print("; ".join(problems) or "ok")
elif cmd == "whole":          # whole DB EXTRACT.jsonl: every stored document has all its events, facts, stories
    want = {}
    for line in open(sys.argv[3], encoding="utf-8"):
        o = json.loads(line)
        want[o["doc"]] = (len(o["events"]), len(o["facts"]), len(o["stories"]))
    bad = []
    for name, reports, facts, stories in q(
            "SELECT name, (SELECT count(*) FROM reports WHERE doc_id = d.id), (SELECT count(*) FROM facts WHERE doc_id = d.id), "
            "(SELECT count(*) FROM stories WHERE doc_id = d.id) FROM documents d"):
        if name not in want: bad.append("%s was never extracted" % name)
        elif want[name] != (reports, facts, stories):
            bad.append("%s has %r, extract says %r" % (name, (reports, facts, stories), want[name]))
    print("; ".join(bad[:3]) or "ok")
elif cmd == "dump":           # what ingest concluded, without row ids or times
    for sql in ["SELECT name, hash, published FROM documents ORDER BY name",
                "SELECT d.name, r.seq, r.story, r.kind, r.status, r.date, r.date_end, r.city, r.country, r.org, r.title, r.cameo, r.topics, r.evidence FROM reports r JOIN documents d ON d.id = r.doc_id ORDER BY 1, 2",
                "SELECT d.name, r.seq, p.seq, p.kind, p.name, p.title, p.role, p.country, p.org, p.signatory FROM participants p JOIN reports r ON r.id = p.report_id JOIN documents d ON d.id = r.doc_id ORDER BY 1, 2, 3",
                "SELECT kind, status, date, city, country, org, (SELECT count(*) FROM reports WHERE event_id = e.id) FROM events e ORDER BY 1, 2, 3, 4, 5, 6, 7",
                "SELECT name, surname, country, org, first_seen, last_seen FROM people ORDER BY 1, 2, 3, 4",
                "SELECT p.name, t.title, t.role, t.first_seen, t.last_seen, t.reports FROM person_titles t JOIN people p ON p.id = t.person_id ORDER BY 1, 2, 3, 4"]:
        for row in q(sql): print(row)
EOF
kb() { python3 "$T/kb.py" "$@"; }

cp -r "$ROOT/samples" "$T/samples"
rm -f "$T/samples/README.md"
"$DM" extract --quiet "$T/samples" >"$T/samples.jsonl" 2>/dev/null
ndocs=$(wc -l <"$T/samples.jsonl" | tr -d ' ')

# --- samples ----------------------------------------------------------------------
begin "ingest samples/: every document with all its events, facts and stories"
ingest --db kb.db samples
expect_rc 0
expect_summary "$ndocs documents into kb.db: $ndocs new, 0 unchanged, 0 replaced, 0 failed"
[ "$(kb count "$T/kb.db" documents)" = "$ndocs" ] || fail "documents: $(kb count "$T/kb.db" documents), expected $ndocs"
r=$(kb whole "$T/kb.db" "$T/samples.jsonl"); [ "$r" = ok ] || fail "$r"
r=$(kb consistent "$T/kb.db"); [ "$r" = ok ] || fail "$r"
[ ! -s "$T/err" ] || fail "unexpected stderr: $(head -c 200 "$T/err")"
end

begin "re-ingest unchanged: 0 new, nothing written"
kb dump "$T/kb.db" >"$T/dump1"
ingest --db kb.db samples
expect_rc 0
expect_summary "$ndocs documents into kb.db: 0 new, $ndocs unchanged, 0 replaced, 0 failed; 0 events reported"
kb dump "$T/kb.db" >"$T/dump2"
cmp -s "$T/dump1" "$T/dump2" || fail "the database changed"
end

begin "a changed document replaces its old version"
f=$(ls "$T/samples"/*.txt | head -n 1)
printf '\nThe Foreign Minister of Chile, Rosa Alvarado, met with the Peruvian Foreign Minister in Lima on the same day.\n' >>"$f"
ingest --db kb.db samples
expect_rc 0
expect_summary "0 new, $((ndocs - 1)) unchanged, 1 replaced, 0 failed"
"$DM" extract --quiet "$T/samples" >"$T/samples2.jsonl" 2>/dev/null
r=$(kb whole "$T/kb.db" "$T/samples2.jsonl"); [ "$r" = ok ] || fail "$r"
r=$(kb consistent "$T/kb.db"); [ "$r" = ok ] || fail "$r"
[ "$(kb count "$T/kb.db" documents)" = "$ndocs" ] || fail "documents: $(kb count "$T/kb.db" documents)"
end

# --- --jobs does not change what is stored ------------------------------------------
begin "--jobs 3, or a transaction per document, stores what --jobs 1 stores"
ingest --db j1.db --jobs 1 samples
ingest --db j3.db --jobs 3 samples
ingest --db c1.db --commit-every 1 samples
kb dump "$T/j1.db" >"$T/j1"
kb dump "$T/j3.db" >"$T/j3"
kb dump "$T/c1.db" >"$T/c1"
cmp -s "$T/j1" "$T/j3" || fail "the databases differ"
cmp -s "$T/j1" "$T/c1" || fail "the database written a document a transaction differs"
[ -s "$T/j1" ] || fail "empty dump"
end

# --- bad input mixed with good ---------------------------------------------------------
begin "bad input mixed with good: bad reported, good stored, exit 1"
mkdir "$T/mixed"
cp "$T/samples"/*.txt "$T/mixed/"
: >"$T/mixed/empty.txt"
head -c 3000 /dev/urandom >"$T/mixed/random.txt"
printf 'Kazakh President \377 met the Foreign Minister.\n' >"$T/mixed/latin1.txt"
{
  printf '{"id": "good-line", "date": "2024-03-05", "text": "Kazakh Foreign Minister Murat Nurtleu met with Japanese Foreign Minister Yoko Tanabe in Astana on March 4."}\n'
  printf '{"id": "broken", "text": \n'
} >"$T/mixed/lines.jsonl"
ngood=$(ls "$T/samples"/*.txt | wc -l | tr -d ' ')
ingest --db mixed.db mixed
expect_rc 1
expect_err 'empty\.txt: .*empty'
expect_err 'random\.txt: '
expect_err 'latin1\.txt: .*UTF-8'
expect_err 'lines\.jsonl:2: .*JSON'
expect_summary "$((ngood + 1)) new, 0 unchanged, 0 replaced, 4 failed"
[ "$(kb count "$T/mixed.db" documents)" = "$((ngood + 1))" ] || fail "documents: $(kb count "$T/mixed.db" documents), expected $((ngood + 1))"
r=$(kb consistent "$T/mixed.db"); [ "$r" = ok ] || fail "$r"
end

# --- killed mid-run ------------------------------------------------------------------
begin "SIGKILL during ingest leaves a consistent database; a re-run completes it"
python3 "$ROOT/tools/gen_bench.py" "$T/corpus" --mb 6 --seed 7 >/dev/null
"$DM" extract --quiet "$T/corpus" >"$T/corpus.jsonl" 2>/dev/null
total=$(wc -l <"$T/corpus.jsonl" | tr -d ' ')
(cd "$T" && exec "$DM" ingest --quiet --commit-every 512 --db killed.db corpus >/dev/null 2>"$T/kill-err") &
pid=$!
# wait until some batches are committed, then kill without warning
n=0
i=0
while [ $i -lt 300 ]; do
  sleep 0.1
  n=$(python3 -c 'import sqlite3,sys
try: print(sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True).execute("SELECT count(*) FROM documents").fetchone()[0])
except Exception: print(0)' "$T/killed.db")
  [ "$n" -gt 0 ] && break
  i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
stored=$(kb count "$T/killed.db" documents)
echo "# killed after $stored of $total documents were committed"
if [ "$stored" -ge "$total" ]; then
  fail "ingest finished ($stored of $total documents) before it was killed: make the corpus larger"
elif [ "$stored" -eq 0 ]; then
  fail "nothing was committed before the kill"
fi
r=$(kb consistent "$T/killed.db"); [ "$r" = ok ] || fail "after the kill: $r"
r=$(kb whole "$T/killed.db" "$T/corpus.jsonl"); [ "$r" = ok ] || fail "after the kill, half-written: $r"
ingest --db killed.db corpus
expect_rc 0
expect_summary "$total documents into killed.db: $((total - stored)) new, $stored unchanged, 0 replaced, 0 failed"
[ "$(kb count "$T/killed.db" documents)" = "$total" ] || fail "after the re-run: $(kb count "$T/killed.db" documents) of $total"
r=$(kb consistent "$T/killed.db"); [ "$r" = ok ] || fail "after the re-run: $r"
r=$(kb whole "$T/killed.db" "$T/corpus.jsonl"); [ "$r" = ok ] || fail "after the re-run: $r"
end

# --- databases that are not ours ---------------------------------------------------------
begin "a database of another schema version is refused"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE documents(id)"); c.execute("PRAGMA user_version = 7"); c.commit()' "$T/v7.db"
cp "$T/v7.db" "$T/v7.copy"
ingest --db v7.db samples
expect_rc 1
expect_err 'v7\.db.*version 7'
[ ! -s "$T/out" ] || fail "unexpected stdout"
cmp -s "$T/v7.db" "$T/v7.copy" || fail "the database was changed"
end

begin "a version-1 database is migrated to version 4 (through 2 and 3), its rows kept, and ingest goes on"
python3 - "$ROOT/tests/kb/schema-v1.sql" "$T/v1.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[2])
c.executescript(open(sys.argv[1], encoding="utf-8").read())
text = "Minister A. Berik met Minister Ines Vale in Lima on 3 May 2021. They discussed trade."
second = text.index("They")
c.executescript("""
INSERT INTO meta VALUES ('format', 'dragoman knowledge base');
INSERT INTO documents(id, name, hash, published, text, bytes, ingested) VALUES (1, 'old.txt', 'h', '2021-05-04', '%s', %d, 'x');
INSERT INTO people VALUES (1, 'A. Berik', 'berik', 'KAZ', NULL, '2021-05-03', '2021-05-03'), (2, 'Ines Vale', 'vale', 'PER', NULL, '2021-05-03', '2021-05-03');
INSERT INTO person_titles VALUES (1, 'Minister', 'minister', '2021-05-03', '2021-05-03', 1), (2, 'Minister', 'minister', '2021-05-03', '2021-05-03', 1);
INSERT INTO events(id, kind, status, date, city, country, reported) VALUES (1, 'meeting', 'occurred', '2021-05-03', 'Lima', 'PER', '2021-05-04');
INSERT INTO event_topics VALUES (1, 'trade'), (1, 'political');
INSERT INTO reports(id, event_id, doc_id, seq, kind, status, date, topics, json) VALUES (1, 1, 1, 0, 'meeting', 'occurred', '2021-05-03', 'trade political', '{}');
INSERT INTO participants VALUES (1, 0, 'person', 1, 'A. Berik', 'Minister', 'minister', 'KAZ', NULL, 0), (1, 1, 'person', 2, 'Ines Vale', 'Minister', 'minister', 'PER', NULL, 0);
INSERT INTO evidence VALUES (1, %d, %d), (1, 0, %d);
""" % (text, len(text), second, len(text), second - 1))
c.commit()
PY
ingest --db v1.db samples
expect_rc 0
r=$(python3 - "$T/v1.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda sql: c.execute(sql).fetchall()
bad = []
if q("PRAGMA user_version") != [(4,)]: bad.append("user_version %r" % q("PRAGMA user_version"))
if q("SELECT sql FROM sqlite_schema WHERE name = 'participants_person'") != [("CREATE INDEX participants_person ON participants(person_id) WHERE person_id IS NOT NULL",)]: bad.append("participants_person %r" % q("SELECT sql FROM sqlite_schema WHERE name = 'participants_person'"))
if q("SELECT name FROM sqlite_schema WHERE name IN ('events_date', 'participants_country')"): bad.append("an index of version 2 was left")
if q("SELECT type FROM sqlite_schema WHERE name = 'evidence'") != [("view",)]: bad.append("evidence is not a view")
if q("SELECT end - start FROM evidence WHERE report_id = 1") != [(21,), (63,)]: bad.append("evidence %r" % q("SELECT * FROM evidence WHERE report_id = 1"))
if q("SELECT seq, name FROM participants WHERE report_id = 1 ORDER BY seq") != [(0, "A. Berik"), (1, "Ines Vale")]: bad.append("participants")
if q("SELECT topic FROM event_topics WHERE event_id = 1 ORDER BY 1") != [("political",), ("trade",)]: bad.append("topics")
if any(n.endswith("_v1") for (n,) in q("SELECT name FROM sqlite_schema")): bad.append("a _v1 table was left")
print("; ".join(bad) or "ok")
PY
)
[ "$r" = ok ] || fail "after the migration: $r"
r=$(kb consistent "$T/v1.db"); [ "$r" = ok ] || fail "$r"
[ "$(kb count "$T/v1.db" documents)" -eq $((ndocs + 1)) ] || fail "the samples were not stored after the migration"
"$DM" show --db "$T/v1.db" 1 >"$T/show" 2>&1 || fail "show failed: $(head -c 200 "$T/show")"
grep -q "They discussed trade." "$T/show" || fail "show lacks the migrated evidence sentence"
end

begin "a version-2 database is migrated to version 4: its indexes change, reports lose their JSON copy, rows stay"
python3 - "$ROOT/src/out/schema.sql" "$T/v2.db" <<'PY'
import sqlite3, sys
schema = open(sys.argv[1], encoding="utf-8").read()
# version 2's indexes, as that schema made them
schema = schema.replace("ON participants(person_id) WHERE person_id IS NOT NULL", "ON participants(person_id)")
schema = schema.replace("ON events(planned_id) WHERE planned_id IS NOT NULL", "ON events(planned_id)")
schema = schema.replace("    evidence TEXT NOT NULL", "    json TEXT NOT NULL DEFAULT '{}',\n    evidence TEXT NOT NULL")
schema = schema.replace("PRAGMA user_version = 4", "CREATE INDEX events_date ON events(date); "
                        "CREATE INDEX participants_country ON participants(country); PRAGMA user_version = 2")
c = sqlite3.connect(sys.argv[2])
c.executescript(schema)
c.execute("INSERT INTO meta VALUES ('format', 'dragoman knowledge base')")
c.executescript("""
INSERT INTO documents(id, name, hash, text, bytes, ingested) VALUES (1, 'old.txt', 'h', 'The leaders met.', 16, 'x');
INSERT INTO events(id, kind, status, reported) VALUES (1, 'meeting', 'occurred', '2020-01-01');
INSERT INTO reports(id, event_id, doc_id, seq, kind, status, json, evidence) VALUES (1, 1, 1, 0, 'meeting', 'occurred', '{"kind":"meeting"}', '[[0,16]]');
""")
c.commit()
PY
ingest --db v2.db samples
expect_rc 0
ingest --db v2.db samples
expect_rc 0
expect_summary "$ndocs documents into v2.db: 0 new, $ndocs unchanged, 0 replaced, 0 failed"
r=$(python3 - "$T/v2.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda sql: c.execute(sql).fetchall()
bad = []
if q("PRAGMA user_version") != [(4,)]: bad.append("user_version %r" % q("PRAGMA user_version"))
for name in ("participants_person", "events_planned"):
    if "WHERE" not in (q("SELECT sql FROM sqlite_schema WHERE name = '%s'" % name) or [("",)])[0][0]: bad.append(name + " is not partial")
if q("SELECT name FROM sqlite_schema WHERE name IN ('events_date', 'participants_country')"): bad.append("an index of version 2 was left")
if "json" in [r[1] for r in q("PRAGMA table_info(reports)")]: bad.append("reports.json was left")
if q("SELECT kind, status, evidence FROM reports WHERE id = 1") != [("meeting", "occurred", "[[0,16]]")]: bad.append("the old report %r" % q("SELECT * FROM reports WHERE id = 1"))
print("; ".join(bad) or "ok")
PY
)
[ "$r" = ok ] || fail "after the migration: $r"
r=$(kb consistent "$T/v2.db"); [ "$r" = ok ] || fail "$r"
end

begin "a file that is not a database is refused and left alone"
cp "$ROOT/README.md" "$T/notes.db"
ingest --db notes.db samples
expect_rc 1
expect_err 'notes\.db is not a SQLite database'
cmp -s "$T/notes.db" "$ROOT/README.md" || fail "the file was changed"
end

begin "another program's SQLite database is refused"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE orders(id, total)"); c.commit()' "$T/shop.db"
ingest --db shop.db samples
expect_rc 1
expect_err 'not a dragoman knowledge base'
end

begin "a path that cannot be written is refused clearly"
ingest --db "$T/no/such/dir/kb.db" samples
expect_rc 1
expect_err 'cannot open or create .*no/such/dir/kb\.db'
ingest --db "$T" samples
expect_rc 1
expect_err 'is a directory'
end

begin "usage errors"
ingest --no-such-option samples
expect_rc 2
expect_err 'no-such-option'
ingest --db
expect_rc 2
ingest --db kb.db
expect_rc 2
for bad in 0 -3 12x ''; do
  ingest --commit-every "$bad" --db usage.db samples
  expect_rc 2
  expect_err 'commit-every needs a number of documents'
done
[ ! -e "$T/usage.db" ] || fail "a usage error created the database"
end

harness_finish
