#!/usr/bin/env python3
"""Builds the benchmark corpus for `make bench` from the bundled samples.

usage: gen_bench.py OUT_DIR [--mb 200] [--seed 1]

Writes news-like documents made from samples/*.txt and samples/wire.jsonl with
their names, states, dates, figures and paragraph order varied: .jsonl files
of many documents, digest .txt files of several stories, and single .txt
articles. Deterministic for a seed. The corpus is never committed.
"""
import argparse
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")

STATES = [("Kazakhstan", "Kazakh"), ("Uzbekistan", "Uzbek"), ("Japan", "Japanese"), ("India", "Indian"),
          ("Brazil", "Brazilian"), ("Kenya", "Kenyan"), ("Germany", "German"), ("Indonesia", "Indonesian"),
          ("Egypt", "Egyptian"), ("Norway", "Norwegian"), ("Mongolia", "Mongolian"), ("Azerbaijan", "Azerbaijani"),
          ("Türkiye", "Turkish"), ("Hungary", "Hungarian"), ("Chile", "Chilean"), ("Vietnam", "Vietnamese"),
          ("Poland", "Polish"), ("Morocco", "Moroccan"), ("Canada", "Canadian"), ("Peru", "Peruvian"),
          ("Ghana", "Ghanaian"), ("Finland", "Finnish"), ("Thailand", "Thai"), ("Georgia", "Georgian")]
CITIES = ["Astana", "Tashkent", "Tokyo", "New Delhi", "Brasília", "Nairobi", "Berlin", "Jakarta", "Cairo", "Oslo",
          "Ulaanbaatar", "Baku", "Ankara", "Budapest", "Santiago", "Hanoi", "Warsaw", "Rabat", "Ottawa", "Lima"]
GIVEN = ["Aigerim", "Bakhyt", "Carlos", "Dilnoza", "Erik", "Fatima", "Giorgi", "Hiroshi", "Ines", "Jamal", "Karin",
         "Luis", "Marta", "Nodir", "Olga", "Pedro", "Rania", "Sven", "Tamar", "Umid", "Vera", "Yusuf", "Zarina"]
FAMILY = ["Abenova", "Bekov", "Castro", "Dahl", "Eriksen", "Farouk", "Gulyamov", "Hoshino", "Ibrahimi", "Jansen",
          "Kuznets", "Lindqvist", "Moreno", "Nakamura", "Ortega", "Petrov", "Qasimov", "Rahimova", "Sato",
          "Tursunov", "Usmanov", "Vargas", "Weber", "Yilmaz", "Zhakupov"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def load_samples():
    docs = []
    for name in sorted(os.listdir(SAMPLES)):
        path = os.path.join(SAMPLES, name)
        if name.endswith(".txt") and not name.startswith("digest"):
            with open(path, encoding="utf-8", newline="") as f:
                docs.append(f.read().replace("\r\n", "\n"))
        elif name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                docs += [json.loads(line)["text"] for line in f if line.strip()]
    return docs


NAME_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-zğı]+(?:ov|ova|ev|yan|ic|son|sen|ez|ki|shi|da|ta|to|no|ra|li)?)\b")
MONEY_RE = re.compile(r"(\$|USD |US\$)(\d+(?:\.\d+)?)")
YEAR_RE = re.compile(r"\b(20[12]\d)\b")
DAY_RE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b")


def vary(text, rnd):
    """One variation: other states, names, figures, years, days, paragraph order."""
    a, b = rnd.sample(STATES, 2)
    for old, new in zip(rnd.sample(STATES, 2), (a, b)):
        text = text.replace(old[0], new[0]).replace(old[1], new[1])
    text = text.replace(rnd.choice(CITIES), rnd.choice(CITIES))
    text = NAME_RE.sub(lambda m: "%s %s" % (rnd.choice(GIVEN), rnd.choice(FAMILY))
                       if rnd.random() < 0.3 else m.group(0), text)
    text = MONEY_RE.sub(lambda m: "%s%.1f" % (m.group(1), float(m.group(2)) * rnd.uniform(0.5, 2.0)), text)
    shift = rnd.randint(-3, 1)
    text = YEAR_RE.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = DAY_RE.sub(lambda m: "%d %s" % (rnd.randint(1, 28), rnd.choice(MONTHS)), text)
    paras = text.split("\n\n")
    if len(paras) > 3 and rnd.random() < 0.5:
        body = paras[2:]
        rnd.shuffle(body)
        paras = paras[:2] + body
    return "\n\n".join(paras)


def date(rnd):
    return "%04d-%02d-%02d" % (rnd.randint(2015, 2025), rnd.randint(1, 12), rnd.randint(1, 28))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=200.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv[1:])
    out, mb, seed = a.out, a.mb, a.seed
    rnd = random.Random(seed)
    base = load_samples()
    os.makedirs(out, exist_ok=True)
    target = int(mb * 1e6)
    written = n_files = 0
    while written < target:
        kind = n_files % 10
        if kind < 7:  # a .jsonl of 400 documents
            path = os.path.join(out, "wire-%04d.jsonl" % n_files)
            with open(path, "w", encoding="utf-8") as f:
                for k in range(400):
                    d = {"id": "w%d-%d" % (n_files, k), "date": date(rnd), "text": vary(rnd.choice(base), rnd)}
                    line = json.dumps(d, ensure_ascii=False) + "\n"
                    f.write(line)
                    written += len(line.encode("utf-8"))
        elif kind < 9:  # a digest of 60 stories under stamps
            path = os.path.join(out, "digest-%04d.txt" % n_files)
            with open(path, "w", encoding="utf-8") as f:
                for k in range(60):
                    story = vary(rnd.choice(base), rnd)
                    head = story.split("\n", 1)[0][:90]
                    y, m, d = date(rnd).split("-")
                    block = "%s\n\n%s.%s.%s, %02d:%02d %d\n%s\n\n" % (head, d, m, y, rnd.randint(0, 23),
                                                                     rnd.randint(0, 59), rnd.randint(1000, 99999), story)
                    f.write(block)
                    written += len(block.encode("utf-8"))
        else:  # single articles
            for k in range(100):
                path = os.path.join(out, "article-%04d-%03d.txt" % (n_files, k))
                text = " date %s %s\n" % (date(rnd), vary(rnd.choice(base), rnd))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                written += len(text.encode("utf-8"))
        n_files += 1
    print("gen_bench: %.1f MB in %s" % (written / 1e6, out))


if __name__ == "__main__":
    main(sys.argv)
