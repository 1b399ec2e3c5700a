"""Builds a knowledge base from the schema and a fixture:
python3 tests/kb/make_db.py SCHEMA.sql FIXTURE.sql OUT.db"""
import sqlite3
import sys

schema, fixture, out = sys.argv[1:4]
db = sqlite3.connect(out)
db.executescript(open(schema, encoding="utf-8").read())
db.executescript(open(fixture, encoding="utf-8").read())
db.commit()
bad = db.execute("SELECT report_id FROM evidence WHERE start < 0").fetchall()
if bad:
    sys.exit("fixture: evidence sentence not found in the text of reports %s" % bad)
db.close()
