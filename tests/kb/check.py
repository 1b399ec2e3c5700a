"""Checks one query command's output: python3 check.py FORMAT FILE FIELD EXPECTED

FORMAT is json (one array of objects), jsonl, csv (RFC 4180 with a header) or
tsv. Parses FILE strictly, then compares the FIELD values of the rows, joined
by commas (an empty or null value as '-'), with EXPECTED. Exits 1 with the
reason if the output does not parse or differs."""
import csv
import io
import json
import re
import sys

fmt, path, field, expected = sys.argv[1:5]
data = open(path, "rb").read().decode("utf-8")
try:
    if fmt == "json":
        rows = json.loads(data)
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            sys.exit("json: not an array of objects")
        for r in rows:  # numbers are plain: no exponent anywhere in the text
            for v in r.values():
                if isinstance(v, float) and "e" in repr(v):
                    sys.exit("json: number with an exponent: %r" % v)
    elif fmt == "jsonl":
        if data and not data.endswith("\n"):
            sys.exit("jsonl: no final newline")
        rows = [json.loads(line) for line in data.splitlines()]
    elif fmt in ("csv", "tsv"):
        if fmt == "csv" and data and not data.endswith("\r\n"):
            sys.exit("csv: records must end with CRLF")
        reader = csv.reader(io.StringIO(data, newline=""), delimiter="," if fmt == "csv" else "\t",
                            strict=True, quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE)
        table = list(reader)
        header, body = table[0], table[1:]
        if any(len(r) != len(header) for r in body):
            sys.exit("%s: rows of different lengths" % fmt)
        rows = [dict(zip(header, r)) for r in body]
    else:
        sys.exit("unknown format " + fmt)
except (ValueError, csv.Error, IndexError) as e:
    sys.exit("%s does not parse: %s" % (fmt, e))
if re.search(r"\b\d+(\.\d+)?[eE][+-]?\d+\b", data):
    sys.exit("a number with an exponent in the output")
got = ",".join("-" if r.get(field) in (None, "") else str(r.get(field)) for r in rows)
if got != expected:
    sys.exit("%s: got %s, expected %s" % (field, got, expected))
