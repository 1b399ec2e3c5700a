-- dragoman knowledge base, schema version 1 (PRAGMA user_version = 1): the schema as it was
-- before version 2, kept for the migration test in tests/kb/run.sh. Do not edit.
-- Embedded in the binary; `dragoman ingest` creates it in a new database and
-- refuses (or migrates) a database whose user_version differs.
--
-- Layers: what was read (documents, stories), what each document said
-- (reports: one row per extracted event, with its participants and evidence),
-- what the knowledge base concludes across documents (events merged from
-- reports, people merged from participants). Deleting a document cascades
-- to everything it said; merged events and people left without any report
-- are removed by the store.

PRAGMA foreign_keys = ON;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per document read (a text file, a .jsonl line, stdin).
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,   -- as in extract's "doc": file basename or .jsonl id
    hash      TEXT NOT NULL,          -- hex XXH3-128 of the text: same hash, nothing to do
    published TEXT,                   -- ISO date or NULL
    title     TEXT,
    url       TEXT,
    source    TEXT,
    text      TEXT NOT NULL,
    bytes     INTEGER NOT NULL,
    ingested  TEXT NOT NULL           -- ISO 8601 UTC time of ingest
);

-- Full-text search over the documents (external content: the text is stored once).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'id'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

-- Stories of a document (a digest holds several), with their own dates.
CREATE TABLE stories (
    id     INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,          -- 0-based order in the document
    start  INTEGER NOT NULL,          -- byte span in the document's text
    end    INTEGER NOT NULL,
    date   TEXT,                      -- the story's own date, ISO, or NULL
    UNIQUE (doc_id, seq)
);

-- People across documents: one row per real person.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,         -- fullest form seen
    surname    TEXT NOT NULL,         -- last word of the name, folded (lower case, no accents)
    country    TEXT,                  -- ISO alpha-3 or NULL
    org        TEXT,                  -- organization code or NULL
    first_seen TEXT,                  -- ISO date of the earliest report naming them
    last_seen  TEXT
);
CREATE INDEX people_surname ON people(surname, country);

-- The titles a person held over time (as written) and the role each gives.
CREATE TABLE person_titles (
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    role       TEXT NOT NULL,
    first_seen TEXT,
    last_seen  TEXT,
    reports    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (person_id, title)
);

-- Events across documents: the same meeting reported twice is one row.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,         -- meeting multilateral visit call agreement
    status     TEXT NOT NULL,         -- occurred planned
    date       TEXT,                  -- YYYY-MM-DD, YYYY-MM, YYYY or NULL (most precise reported)
    date_end   TEXT,
    city       TEXT,
    country    TEXT,                  -- ISO alpha-3 of the location
    org        TEXT,                  -- convening organization code
    title      TEXT,                  -- agreement: the document's name
    cameo      TEXT,
    planned_id INTEGER REFERENCES events(id) ON DELETE SET NULL, -- occurred event: its earlier announcement
    reported   TEXT                   -- added by the store: earliest date of the stories (else documents)
                                      -- reporting it, ISO; finds undated events and announcements by date
);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (event_id, topic)
);

-- What one document said about one event (extract's EVENT object).
CREATE TABLE reports (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,        -- index in the document's "events"
    story    INTEGER,                 -- stories.seq, when known
    kind     TEXT NOT NULL,
    status   TEXT NOT NULL,
    date     TEXT,
    date_end TEXT,
    city     TEXT,
    country  TEXT,
    org      TEXT,
    title    TEXT,
    cameo    TEXT,
    topics   TEXT,                    -- space-separated, as reported
    json     TEXT NOT NULL,           -- the EVENT object as extracted
    UNIQUE (doc_id, seq)
);
CREATE INDEX reports_event ON reports(event_id);

-- Participants as reported (signatories flagged), linked to merged people.
CREATE TABLE participants (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    kind      TEXT NOT NULL,          -- person org country
    person_id INTEGER REFERENCES people(id),
    name      TEXT,
    title     TEXT,
    role      TEXT,
    country   TEXT,
    org       TEXT,
    signatory INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (report_id, seq)
);
CREATE INDEX participants_person ON participants(person_id);
CREATE INDEX participants_country ON participants(country);

-- Evidence spans (byte offsets into documents.text).
CREATE TABLE evidence (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL
);
CREATE INDEX evidence_report ON evidence(report_id);

-- Figures cited (extract's FACT objects), one row per document's fact.
CREATE TABLE facts (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    metric     TEXT NOT NULL,
    party1     TEXT,                  -- ISO alpha-3 or organization code
    party2     TEXT,
    value      REAL NOT NULL,
    unit       TEXT NOT NULL,         -- ISO 4217 or 'count'
    qualifier  TEXT NOT NULL,         -- = > < ~
    year       INTEGER,
    part       TEXT,
    since      INTEGER,
    change_pct REAL,
    start      INTEGER,               -- evidence span
    end        INTEGER,
    date       TEXT,                  -- the reporting story's date (for series), or the document's
    UNIQUE (doc_id, seq)
);
CREATE INDEX facts_metric ON facts(metric, party1, party2, year);

-- Indexes the store's merging and replacing need (added with dragoman ingest;
-- IF NOT EXISTS because the store also runs these lines on every open, so a
-- database made from an earlier copy of this file gets them too).
CREATE INDEX IF NOT EXISTS events_kind_date ON events(kind, status, date, reported);
CREATE INDEX IF NOT EXISTS events_reported ON events(kind, status, reported);
CREATE INDEX IF NOT EXISTS events_planned ON events(planned_id);

PRAGMA user_version = 1;
