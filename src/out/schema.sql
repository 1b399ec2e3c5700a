-- dragoman knowledge base, schema version 4 (PRAGMA user_version = 4).
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
-- (Version 3 dropped events_date: no query could use it, since dates are compared by
-- prefix, and every ingest paid for it.)

-- WITHOUT ROWID (since version 2): the key is the row, one b-tree to write, not two.
CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (event_id, topic)
) WITHOUT ROWID;

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
    evidence TEXT NOT NULL DEFAULT '[]', -- its evidence spans, a JSON array of [start, end] byte offsets
                                      -- into documents.text (version 2; read them as rows from the view evidence)
    UNIQUE (doc_id, seq)
);
-- (Version 4 dropped reports.json, a copy of the EVENT object as extracted: the columns
-- here, participants and evidence hold all of it, and the copy was a quarter of the
-- database, 71 MB against 54 MB on the bench corpus.)
CREATE INDEX reports_event ON reports(event_id);

-- Participants as reported (signatories flagged), linked to merged people.
-- WITHOUT ROWID (since version 2), in the order reported: (report_id, seq).
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
) WITHOUT ROWID;
-- Partial (since version 3): only named people have a person_id, and only they are
-- looked up by it. Version 3 also dropped participants(country): queries reach a
-- report's participants by its key, and that index was a twentieth of ingest's work.
CREATE INDEX participants_person ON participants(person_id) WHERE person_id IS NOT NULL;

-- Evidence spans (byte offsets into documents.text), one row each. Version 1 kept
-- them in a table of their own; writing them as rows was a sixth of ingest's time,
-- so version 2 keeps them in reports.evidence and shows them here as before.
CREATE VIEW evidence(report_id, start, end) AS
    SELECT r.id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
    FROM reports r, json_each(r.evidence) j;

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
-- events_planned is partial since version 3: few events are linked to an announcement.
CREATE INDEX IF NOT EXISTS events_planned ON events(planned_id) WHERE planned_id IS NOT NULL;

PRAGMA user_version = 4;
