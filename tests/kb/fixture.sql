-- A small knowledge base for the query tests, loaded after src/out/schema.sql.
-- Names, outlets and sentences are invented. Evidence spans are computed from
-- the sentences below (byte offsets, via BLOB instr), so they stay right if a
-- text is edited. Expected results live in tests/unit/test_query.c and
-- tests/kb/query.sh.

INSERT INTO documents(id, name, hash, published, title, url, source, text, bytes, ingested) VALUES
(1, 'kaz-jpn-fm-talks.txt', 'h1', '2023-03-14', 'Kazakh and Japanese foreign ministers hold talks in Astana',
 'https://example.org/news/kaz-jpn-fm-talks', 'Example Wire',
 'ASTANA – Foreign Minister Aidar Temirbekov of Kazakhstan held talks with Japanese Foreign Minister Haruki Sato in Astana on March 13. The ministers discussed trade, energy and new transit corridors across the Caspian Sea. Trade turnover between Kazakhstan and Japan reached $1.9 billion in 2022, up 71 percent.',
 0, '2024-03-01T10:00:00Z'),
(2, 'wire-2023-03.jsonl#4', 'h2', '2023-03-15', 'Sato ends Central Asia tour', 'https://example.org/wire/4', 'Example Wire',
 'TOKYO – Haruki Sato, the Japanese foreign minister, said his meeting with Kazakh counterpart Aidar Temirbekov in Astana had opened a new chapter in energy cooperation. According to Japanese customs, two-way trade with Kazakhstan stood at $1.9 billion last year.',
 0, '2024-03-01T10:00:00Z'),
(3, 'kaz-deu-announcement.txt', 'h3', '2023-05-02', 'President and Chancellor speak by phone', NULL, 'Example Daily',
 'President Erlan Dosmukhamedov held a telephone conversation with Federal Chancellor Greta Vollmer on May 1. The leaders discussed trade and political dialogue. Dosmukhamedov will pay a state visit to Germany in June at the invitation of the Chancellor.',
 0, '2024-03-01T10:00:00Z'),
(4, 'kaz-deu-state-visit.txt', 'h4', '2023-06-21', 'State visit to Germany', 'https://example.org/news/state-visit', 'Example Daily',
 'BERLIN – President Erlan Dosmukhamedov arrived in Berlin on June 20 on a state visit to Germany. He met Federal Chancellor Greta Vollmer at the Chancellery, where the sides focused on energy and trade. Foreign Minister Aidar Temirbekov and German Economy Minister Jonas Albrecht signed the Agreement on Green Hydrogen, Critical Minerals and "Clean Energy" Partnership. Trade between Kazakhstan and Germany amounted to about $3.4 billion in 2022, and some 1,050 German companies work in Kazakhstan.',
 0, '2024-03-01T10:00:00Z'),
(5, 'cica-summit-astana.txt', 'h5', '2022-10-13', 'CICA summit opens in Astana', NULL, 'Example Wire',
 'ASTANA – The sixth CICA summit opened in Astana on October 12 under the chairmanship of President Erlan Dosmukhamedov. President Kemal Aydınoğlu of Türkiye, President Rauf Məmmədli of Azerbaijan and CICA Secretary General Pavel Kuznetsov addressed the leaders on regional security. On the sidelines, Dosmukhamedov and Aydınoğlu discussed trade and the Middle Corridor.',
 0, '2024-03-01T10:00:00Z'),
(6, 'kaz-jpn-trade-2024.txt', 'h6', '2024-02-10', 'Deputy ministers review trade in Tokyo', NULL, 'Example Wire',
 'TOKYO – Deputy Foreign Minister Dana Serikova met Japan''s Deputy Foreign Minister Kenji Morita in Tokyo on February 8. They reviewed trade and investment and agreed to meet again in Astana. Trade between Kazakhstan and Japan grew to $2.3 billion in 2023, after $1.2 billion in 2021. Japanese companies have invested $7 billion in Kazakhstan since 2005. In November 2022, Morita held talks in Tokyo with Aidar Temirbekov, then Kazakhstan''s Deputy Foreign Minister.',
 0, '2024-03-01T10:00:00Z');
UPDATE documents SET bytes = length(CAST(text AS BLOB));

INSERT INTO stories(doc_id, seq, start, end, date) SELECT id, 0, 0, bytes, published FROM documents;

INSERT INTO people(id, name, surname, country, org, first_seen, last_seen) VALUES
(1, 'Aidar Temirbekov', 'temirbekov', 'KAZ', NULL, '2022-11', '2023-06-20'),
(2, 'Haruki Sato', 'sato', 'JPN', NULL, '2023-03-13', '2023-03-13'),
(3, 'Erlan Dosmukhamedov', 'dosmukhamedov', 'KAZ', NULL, '2022-10-12', '2023-06-20'),
(4, 'Greta Vollmer', 'vollmer', 'DEU', NULL, '2023-05-01', '2023-06-20'),
(5, 'Kemal Aydınoğlu', 'aydinoglu', 'TUR', NULL, '2022-10-12', '2022-10-12'),
(6, 'Rauf Məmmədli', 'məmmədli', 'AZE', NULL, '2022-10-12', '2022-10-12'),
(7, 'Pavel Kuznetsov', 'kuznetsov', NULL, 'CICA', '2022-10-12', '2022-10-12'),
(8, 'Dana Serikova', 'serikova', 'KAZ', NULL, '2024-02-08', '2024-02-08'),
(9, 'Kenji Morita', 'morita', 'JPN', NULL, '2022-11', '2024-02-08'),
(10, 'Jonas Albrecht', 'albrecht', 'DEU', NULL, '2023-06-20', '2023-06-20');

INSERT INTO person_titles(person_id, title, role, first_seen, last_seen, reports) VALUES
(1, 'Deputy Foreign Minister', 'deputy_minister', '2022-11', '2022-11', 1),
(1, 'Foreign Minister', 'foreign_minister', '2023-03-13', '2023-06-20', 3),
(2, 'Foreign Minister', 'foreign_minister', '2023-03-13', '2023-03-13', 2),
(2, 'Kazakh counterpart', 'foreign_minister', '2023-06-20', '2023-06-20', 1),
(3, 'President', 'head_of_state', '2022-10-12', '2023-06-20', 6),
(4, 'Federal Chancellor', 'head_of_government', '2023-05-01', '2023-06-20', 2),
(5, 'President', 'head_of_state', '2022-10-12', '2022-10-12', 2),
(6, 'President', 'head_of_state', '2022-10-12', '2022-10-12', 1),
(7, 'Secretary General', 'org_official', '2022-10-12', '2022-10-12', 1),
(8, 'Deputy Foreign Minister', 'deputy_minister', '2024-02-08', '2024-02-08', 2),
(9, 'Deputy Foreign Minister', 'deputy_minister', '2022-11', '2024-02-08', 3),
(10, 'Economy Minister', 'minister', '2023-06-20', '2023-06-20', 1);

-- Event 3 is the announced state visit; event 4 the visit itself (planned_id 3).
INSERT INTO events(id, kind, status, date, date_end, city, country, org, title, cameo, planned_id) VALUES
(1, 'meeting', 'occurred', '2023-03-13', NULL, 'Astana', 'KAZ', NULL, NULL, '040', NULL),
(2, 'call', 'occurred', '2023-05-01', NULL, NULL, NULL, NULL, NULL, '040', NULL),
(3, 'visit', 'planned', '2023-06', NULL, NULL, 'DEU', NULL, NULL, '036', NULL),
(4, 'visit', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL, NULL, '042', 3),
(5, 'meeting', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL, NULL, '040', NULL),
(6, 'agreement', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL,
 'Agreement on Green Hydrogen, Critical Minerals and "Clean Energy" Partnership', '057', NULL),
(7, 'multilateral', 'occurred', '2022-10-12', '2022-10-13', 'Astana', 'KAZ', 'CICA', NULL, '043', NULL),
(8, 'meeting', 'occurred', '2022-10-12', NULL, 'Astana', 'KAZ', NULL, NULL, '040', NULL),
(9, 'meeting', 'occurred', '2024-02-08', NULL, 'Tokyo', 'JPN', NULL, NULL, '040', NULL),
(10, 'meeting', 'planned', NULL, NULL, 'Astana', 'KAZ', NULL, NULL, '036', NULL),
(11, 'meeting', 'occurred', '2022-11', NULL, 'Tokyo', 'JPN', NULL, NULL, '040', NULL);

INSERT INTO event_topics(event_id, topic) VALUES
(1, 'trade'), (1, 'energy'), (1, 'transport'),
(2, 'trade'), (2, 'political'),
(4, 'energy'), (4, 'trade'),
(5, 'energy'), (5, 'trade'),
(6, 'energy'),
(7, 'security'), (7, 'multilateral'),
(8, 'trade'), (8, 'transport'),
(9, 'trade'), (9, 'investment');

-- Event 1 is reported by two documents; report 2 gives another CAMEO code,
-- report 1 the more common one only by being first (a tie: earliest wins).
INSERT INTO reports(id, event_id, doc_id, seq, story, kind, status, date, date_end, city, country, org, title, cameo, topics) VALUES
(1, 1, 1, 0, 0, 'meeting', 'occurred', '2023-03-13', NULL, 'Astana', 'KAZ', NULL, NULL, '040', 'trade energy transport'),
(2, 1, 2, 0, 0, 'meeting', 'occurred', NULL, NULL, 'Astana', 'KAZ', NULL, NULL, '043', 'energy'),
(3, 2, 3, 0, 0, 'call', 'occurred', '2023-05-01', NULL, NULL, NULL, NULL, NULL, '040', 'trade political'),
(4, 3, 3, 1, 0, 'visit', 'planned', '2023-06', NULL, NULL, 'DEU', NULL, NULL, '036', ''),
(5, 4, 4, 0, 0, 'visit', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL, NULL, '042', 'energy trade'),
(6, 5, 4, 1, 0, 'meeting', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL, NULL, '040', 'energy trade'),
(7, 6, 4, 2, 0, 'agreement', 'occurred', '2023-06-20', NULL, 'Berlin', 'DEU', NULL, 'Agreement on Green Hydrogen, Critical Minerals and "Clean Energy" Partnership', '057', 'energy'),
(8, 7, 5, 0, 0, 'multilateral', 'occurred', '2022-10-12', '2022-10-13', 'Astana', 'KAZ', 'CICA', NULL, '043', 'security multilateral'),
(9, 8, 5, 1, 0, 'meeting', 'occurred', '2022-10-12', NULL, 'Astana', 'KAZ', NULL, NULL, '040', 'trade transport'),
(10, 9, 6, 0, 0, 'meeting', 'occurred', '2024-02-08', NULL, 'Tokyo', 'JPN', NULL, NULL, '040', 'trade investment'),
(11, 10, 6, 1, 0, 'meeting', 'planned', NULL, NULL, 'Astana', 'KAZ', NULL, NULL, '036', ''),
(12, 11, 6, 2, 0, 'meeting', 'occurred', '2022-11', NULL, 'Tokyo', 'JPN', NULL, NULL, '040', '');

INSERT INTO participants(report_id, seq, kind, person_id, name, title, role, country, org, signatory) VALUES
(1, 0, 'person', 1, 'Aidar Temirbekov', 'Foreign Minister', 'foreign_minister', 'KAZ', NULL, 0),
(1, 1, 'person', 2, 'Haruki Sato', 'Foreign Minister', 'foreign_minister', 'JPN', NULL, 0),
(2, 0, 'person', 2, 'Haruki Sato', 'foreign minister', 'foreign_minister', 'JPN', NULL, 0),
(2, 1, 'person', 1, 'Aidar Temirbekov', NULL, 'foreign_minister', 'KAZ', NULL, 0),
(3, 0, 'person', 3, 'Erlan Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(3, 1, 'person', 4, 'Greta Vollmer', 'Federal Chancellor', 'head_of_government', 'DEU', NULL, 0),
(4, 0, 'person', 3, 'Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(5, 0, 'person', 3, 'Erlan Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(6, 0, 'person', 3, 'Erlan Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(6, 1, 'person', 4, 'Greta Vollmer', 'Federal Chancellor', 'head_of_government', 'DEU', NULL, 0),
(7, 0, 'country', NULL, NULL, NULL, NULL, 'KAZ', NULL, 0),
(7, 1, 'country', NULL, NULL, NULL, NULL, 'DEU', NULL, 0),
(7, 2, 'person', 1, 'Aidar Temirbekov', 'Foreign Minister', 'foreign_minister', 'KAZ', NULL, 1),
(7, 3, 'person', 10, 'Jonas Albrecht', 'Economy Minister', 'minister', 'DEU', NULL, 1),
(8, 0, 'person', 3, 'Erlan Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(8, 1, 'person', 5, 'Kemal Aydınoğlu', 'President', 'head_of_state', 'TUR', NULL, 0),
(8, 2, 'person', 6, 'Rauf Məmmədli', 'President', 'head_of_state', 'AZE', NULL, 0),
(8, 3, 'person', 7, 'Pavel Kuznetsov', 'Secretary General', 'org_official', NULL, 'CICA', 0),
(8, 4, 'org', NULL, 'Conference on Interaction and Confidence Building Measures in Asia', NULL, NULL, NULL, 'CICA', 0),
(9, 0, 'person', 3, 'Dosmukhamedov', 'President', 'head_of_state', 'KAZ', NULL, 0),
(9, 1, 'person', 5, 'Aydınoğlu', 'President', 'head_of_state', 'TUR', NULL, 0),
(10, 0, 'person', 8, 'Dana Serikova', 'Deputy Foreign Minister', 'deputy_minister', 'KAZ', NULL, 0),
(10, 1, 'person', 9, 'Kenji Morita', 'Deputy Foreign Minister', 'deputy_minister', 'JPN', NULL, 0),
(11, 0, 'person', 8, 'Dana Serikova', 'Deputy Foreign Minister', 'deputy_minister', 'KAZ', NULL, 0),
(11, 1, 'person', 9, 'Kenji Morita', 'Deputy Foreign Minister', 'deputy_minister', 'JPN', NULL, 0),
(12, 0, 'person', 9, 'Morita', NULL, 'deputy_minister', 'JPN', NULL, 0),
(12, 1, 'person', 1, 'Aidar Temirbekov', 'Deputy Foreign Minister', 'deputy_minister', 'KAZ', NULL, 0);

-- Evidence spans go to reports.evidence as a JSON array (schema version 2); the
-- view evidence shows them as rows again.
CREATE TEMP TABLE spans AS
SELECT r.id AS report_id, instr(CAST(d.text AS BLOB), CAST(s.column2 AS BLOB)) - 1 AS start,
       instr(CAST(d.text AS BLOB), CAST(s.column2 AS BLOB)) - 1 + length(CAST(s.column2 AS BLOB)) AS "end"
FROM (VALUES
  (1, 'Foreign Minister Aidar Temirbekov of Kazakhstan held talks with Japanese Foreign Minister Haruki Sato in Astana on March 13.'),
  (1, 'The ministers discussed trade, energy and new transit corridors across the Caspian Sea.'),
  (2, 'Haruki Sato, the Japanese foreign minister, said his meeting with Kazakh counterpart Aidar Temirbekov in Astana had opened a new chapter in energy cooperation.'),
  (3, 'President Erlan Dosmukhamedov held a telephone conversation with Federal Chancellor Greta Vollmer on May 1.'),
  (4, 'Dosmukhamedov will pay a state visit to Germany in June at the invitation of the Chancellor.'),
  (5, 'President Erlan Dosmukhamedov arrived in Berlin on June 20 on a state visit to Germany.'),
  (6, 'He met Federal Chancellor Greta Vollmer at the Chancellery, where the sides focused on energy and trade.'),
  (7, 'Foreign Minister Aidar Temirbekov and German Economy Minister Jonas Albrecht signed the Agreement'),
  (8, 'President Kemal Aydınoğlu of Türkiye, President Rauf Məmmədli of Azerbaijan and CICA Secretary General Pavel Kuznetsov addressed the leaders on regional security.'),
  (9, 'On the sidelines, Dosmukhamedov and Aydınoğlu discussed trade and the Middle Corridor.'),
  (10, 'Deputy Foreign Minister Dana Serikova met Japan''s Deputy Foreign Minister Kenji Morita in Tokyo on February 8.'),
  (11, 'They reviewed trade and investment and agreed to meet again in Astana.'),
  (12, 'In November 2022, Morita held talks in Tokyo with Aidar Temirbekov')
) AS s JOIN reports r ON r.id = s.column1 JOIN documents d ON d.id = r.doc_id;
UPDATE reports SET evidence = (SELECT json_group_array(json_array(start, "end")) FROM
    (SELECT start, "end" FROM spans WHERE report_id = reports.id ORDER BY rowid))
WHERE id IN (SELECT report_id FROM spans);
DROP TABLE spans;

-- Trade turnover KAZ-JPN forms a series: 2021 (one document), 2022 (two
-- documents, one naming the parties the other way round), 2023 (one).
INSERT INTO facts(id, doc_id, seq, metric, party1, party2, value, unit, qualifier, year, part, since, change_pct, date) VALUES
(1, 1, 0, 'trade_turnover', 'KAZ', 'JPN', 1900000000, 'USD', '=', 2022, NULL, NULL, 71, '2023-03-14'),
(2, 2, 0, 'trade_turnover', 'JPN', 'KAZ', 1900000000, 'USD', '=', 2022, NULL, NULL, NULL, '2023-03-15'),
(3, 4, 0, 'trade_turnover', 'KAZ', 'DEU', 3400000000, 'USD', '~', 2022, NULL, NULL, NULL, '2023-06-21'),
(4, 4, 1, 'companies', 'DEU', 'KAZ', 1050, 'count', '~', NULL, NULL, NULL, NULL, '2023-06-21'),
(5, 6, 0, 'trade_turnover', 'KAZ', 'JPN', 2300000000, 'USD', '=', 2023, NULL, NULL, NULL, '2024-02-10'),
(6, 6, 1, 'trade_turnover', 'KAZ', 'JPN', 1200000000, 'USD', '=', 2021, NULL, NULL, NULL, '2024-02-10'),
(7, 6, 2, 'investment', 'JPN', 'KAZ', 7000000000, 'USD', '=', NULL, NULL, 2005, NULL, '2024-02-10');
