#!/usr/bin/env python3
"""Golden tests for `dragoman extract`, in the style of cmark's and jq's test files.

usage: run.py DRAGOMAN FILE.test [FILE.test ...]

A .test file holds cases separated by a line '====='. A case is:
  # comment lines (optional)
  @date YYYY-MM-DD            (optional: the document's date, as a .jsonl "date")
  @file PATH                  (optional: the input is that file, relative to the project)
  input text, one or more lines
  .
  expected JSON (may span lines)

The input is given to `dragoman extract` as one .jsonl document. The expected
JSON is matched as a pattern: every key it names must be in the output with an
equal value; a list must have exactly as many items as the output's (so a
missing or a false event fails) and each item must match in order, except that
a list of strings matches as a set. Keys the pattern leaves out are not checked.
"""
import json
import os
import subprocess
import sys
import tempfile


def match(pattern, actual, path="$"):
    if isinstance(pattern, dict):
        if not isinstance(actual, dict):
            return "%s: expected an object, got %r" % (path, actual)
        for k, v in pattern.items():
            if k not in actual:
                return "%s: missing key %r" % (path, k)
            err = match(v, actual[k], "%s.%s" % (path, k))
            if err:
                return err
        return None
    if isinstance(pattern, list):
        if not isinstance(actual, list):
            return "%s: expected a list, got %r" % (path, actual)
        if pattern and all(isinstance(x, str) for x in pattern):
            if sorted(pattern) != sorted(actual):
                return "%s: expected %r, got %r" % (path, sorted(pattern), sorted(actual))
            return None
        if len(pattern) != len(actual):
            return "%s: expected %d items, got %d: %s" % (path, len(pattern), len(actual), json.dumps(actual)[:600])
        for i, (p, a) in enumerate(zip(pattern, actual)):
            err = match(p, a, "%s[%d]" % (path, i))
            if err:
                return err
        return None
    if isinstance(pattern, float) or isinstance(actual, float):
        if not isinstance(actual, (int, float)) or abs(pattern - actual) > 1e-6 * max(1, abs(pattern)):
            return "%s: expected %r, got %r" % (path, pattern, actual)
        return None
    if pattern != actual:
        return "%s: expected %r, got %r" % (path, pattern, actual)
    return None


def cases(path):
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n=====\n")
    for n, block in enumerate(blocks, 1):
        lines = block.strip("\n").split("\n")
        date, text, expect, comment = None, [], [], ""
        seen_dot = False
        for line in lines:
            if not seen_dot and line.startswith("#") and not text:
                comment = comment or line.lstrip("# ")
                continue
            if not seen_dot and line.startswith("@date ") and not text:
                date = line.split()[1]
                continue
            if not seen_dot and line.startswith("@file ") and not text:
                with open(line.split(None, 1)[1], encoding="utf-8", newline="") as f:
                    text.append(f.read().rstrip("\n"))
                continue
            if not seen_dot and line == ".":
                seen_dot = True
                continue
            (expect if seen_dot else text).append(line)
        if not text or not expect:
            continue
        yield n, comment, date, "\n".join(text) + "\n", json.loads("\n".join(expect))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    binary, files = argv[1], argv[2:]
    failed = total = 0
    for path in files:
        batch = list(cases(path))
        docs = []
        for n, comment, date, text, _ in batch:
            d = {"id": "%s#%d" % (path.split("/")[-1], n), "text": text}
            if date:
                d["date"] = date
            docs.append(json.dumps(d, ensure_ascii=False))
        # one .jsonl document per case, through a temporary file named .jsonl
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
            tmp.write("\n".join(docs) + "\n")
        try:
            proc = subprocess.run([binary, "extract", "--quiet", tmp.name], capture_output=True, text=True)
        finally:
            os.unlink(tmp.name)
        if proc.returncode != 0:
            print("%s: dragoman failed (%d): %s" % (path, proc.returncode, proc.stderr.strip()))
            failed += len(batch)
            total += len(batch)
            continue
        outputs = {}
        for line in proc.stdout.splitlines():
            d = json.loads(line)
            outputs[d["doc"]] = d
        for n, comment, date, text, expect in batch:
            total += 1
            got = outputs.get("%s#%d" % (path.split("/")[-1], n))
            err = "no output" if got is None else match(expect, got)
            if err:
                failed += 1
                print("FAIL %s case %d (%s): %s" % (path, n, comment, err))
    print("%d passed, %d failed" % (total - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
