/// The database schema as numbered migrations, applied in order and recorded
/// in `PRAGMA user_version` (architecture.md, "The database is a public contract").
///
/// Never edit a shipped migration: append a new one. README documents the tables.
enum Schema {
    /// Migration `n` brings `user_version` from `n` to `n + 1`.
    static let migrations: [String] = [
        """
        CREATE TABLE bureaus (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
            year INTEGER NOT NULL,
            template TEXT NOT NULL CHECK (template IN ('V2019', 'V2021')),
            title TEXT,
            published_on TEXT,
            source_path TEXT NOT NULL,
            source_format TEXT NOT NULL,
            encoding TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            parser_version TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (bureau_id, year)
        );
        CREATE INDEX reports_by_year ON reports(year, bureau_id);
        CREATE TABLE metrics (
            key TEXT PRIMARY KEY,
            section TEXT NOT NULL,
            group_label TEXT,
            row_label TEXT NOT NULL,
            column_label TEXT NOT NULL,
            unit TEXT NOT NULL,
            versions TEXT NOT NULL,
            comparability TEXT NOT NULL,
            identities TEXT NOT NULL,
            optional_in TEXT NOT NULL,
            sort_order INTEGER NOT NULL
        );
        CREATE TABLE facts (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            metric TEXT NOT NULL REFERENCES metrics(key),
            value NUMERIC,
            value_text TEXT,
            raw TEXT,
            status TEXT NOT NULL CHECK (status IN
                ('reported', 'blank', 'not_applicable', 'derived', 'ambiguous', 'missing', 'invalid')),
            flags TEXT,
            locator TEXT,
            PRIMARY KEY (report_id, metric)
        ) WITHOUT ROWID;
        CREATE INDEX facts_by_metric ON facts(metric, report_id);
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
            metric TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX findings_by_report ON findings(report_id);
        CREATE VIEW report_facts AS
            SELECT b.name AS bureau, r.year, f.metric, f.value_text AS value, f.status, f.raw,
                   r.template, r.source_path AS source, f.flags, f.locator, r.id AS report_id
            FROM facts f JOIN reports r ON r.id = f.report_id JOIN bureaus b ON b.id = r.bureau_id;
        """,
        // 2: bureau identity (canonical name across aliases, region, kind) and
        // scope, so multi-year series and regional sums are meaningful in SQL.
        """
        ALTER TABLE reports ADD COLUMN canonical_bureau TEXT;
        ALTER TABLE reports ADD COLUMN province TEXT;
        ALTER TABLE reports ADD COLUMN city TEXT;
        ALTER TABLE reports ADD COLUMN county TEXT;
        ALTER TABLE reports ADD COLUMN kind TEXT;
        ALTER TABLE reports ADD COLUMN scope TEXT NOT NULL DEFAULT 'own' CHECK (scope IN ('own', 'aggregate'));
        CREATE INDEX reports_by_canonical ON reports(canonical_bureau, year);
        DROP VIEW report_facts;
        CREATE VIEW report_facts AS
            SELECT r.canonical_bureau AS bureau, b.name AS reported_bureau, r.year, f.metric, f.value_text AS value,
                   f.status, f.raw, r.template, r.source_path AS source, f.flags, f.locator,
                   r.province, r.city, r.county, r.kind, r.scope, r.id AS report_id
            FROM facts f JOIN reports r ON r.id = f.report_id JOIN bureaus b ON b.id = r.bureau_id;
        """,
        // 3: facts by metric carry status and value, so a trend or a named
        // query reads one metric across every report from the index alone.
        """
        DROP INDEX facts_by_metric;
        CREATE INDEX facts_by_metric ON facts(metric, report_id, status, value);
        """,
        // 4: the history of corrections: every report removed (`nianbao
        // remove`) or replaced (`--replace`), with when and from what source.
        // One report per canonical body and year is enforced on import; the
        // duplicates an older database may hold are flagged, not deleted
        // (Store.flagDuplicates), so an analyst decides which one stays.
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('removed', 'replaced')),
            bureau TEXT NOT NULL,
            canonical_bureau TEXT,
            year INTEGER NOT NULL,
            source_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            facts INTEGER NOT NULL,
            replaced_by TEXT
        );
        """,
        // 5: lean storage for a national study (issue 13). STRICT tables;
        // metrics get integer ids; a fact is (report, metric, integer value,
        // status code, packed locator) and what a fact row cannot say (a raw
        // text unlike the value, a decimal, flags, an unpackable locator)
        // lives in `provenance`, only for the cells that have it. The old
        // facts are renamed `v4_facts` here and copied through ``StoredCell``
        // by ``Store/migrateFactsToV5()``, which drops them. Foreign keys are
        // declared for readers and tools; the store deletes children itself.
        // `report_facts` shows the readable model (metric keys, status words,
        // value and exact value text, bureau, region, kind).
        """
        DROP VIEW report_facts;
        DROP INDEX facts_by_metric;
        ALTER TABLE facts RENAME TO v4_facts;
        ALTER TABLE metrics RENAME TO v4_metrics;
        CREATE TABLE statuses (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
        INSERT INTO statuses (code, name) VALUES \(StoredCell.statusRows);
        CREATE TABLE metrics (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            section TEXT NOT NULL,
            group_label TEXT,
            row_label TEXT NOT NULL,
            column_label TEXT NOT NULL,
            unit TEXT NOT NULL,
            versions TEXT NOT NULL,
            comparability TEXT NOT NULL,
            identities TEXT NOT NULL,
            optional_in TEXT NOT NULL,
            sort_order INTEGER NOT NULL
        ) STRICT;
        INSERT INTO metrics (key, section, group_label, row_label, column_label, unit, versions, comparability,
                             identities, optional_in, sort_order)
            SELECT key, section, group_label, row_label, column_label, unit, versions, comparability, identities,
                   optional_in, sort_order
            FROM v4_metrics ORDER BY sort_order;
        INSERT INTO metrics (key, section, row_label, column_label, unit, versions, comparability, identities,
                             optional_in, sort_order)
            SELECT DISTINCT metric, '', metric, '', '', '', '', '', '', 1000000 FROM v4_facts
            WHERE metric NOT IN (SELECT key FROM metrics);
        CREATE TABLE new_bureaus (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
        INSERT INTO new_bureaus (id, name) SELECT id, name FROM bureaus;
        CREATE TABLE new_reports (
            id INTEGER PRIMARY KEY,
            bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
            year INTEGER NOT NULL,
            template TEXT NOT NULL CHECK (template IN ('V2019', 'V2021')),
            title TEXT,
            published_on TEXT,
            source_path TEXT NOT NULL,
            source_format TEXT NOT NULL,
            encoding TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            parser_version TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            canonical_bureau TEXT,
            province TEXT,
            city TEXT,
            county TEXT,
            kind TEXT,
            scope TEXT NOT NULL DEFAULT 'own' CHECK (scope IN ('own', 'aggregate')),
            UNIQUE (bureau_id, year)
        ) STRICT;
        INSERT INTO new_reports SELECT id, bureau_id, year, template, title, published_on, source_path, source_format,
            encoding, sha256, parser_version, imported_at, canonical_bureau, province, city, county, kind, scope
            FROM reports;
        CREATE TABLE new_findings (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            rule TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
            metric TEXT,
            message TEXT NOT NULL
        ) STRICT;
        INSERT INTO new_findings SELECT id, report_id, rule, severity, metric, message FROM findings;
        CREATE TABLE new_history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('removed', 'replaced')),
            bureau TEXT NOT NULL,
            canonical_bureau TEXT,
            year INTEGER NOT NULL,
            source_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            facts INTEGER NOT NULL,
            replaced_by TEXT
        ) STRICT;
        INSERT INTO new_history SELECT id, at, action, bureau, canonical_bureau, year, source_path, sha256, facts, replaced_by
            FROM history;
        DROP TABLE findings;
        DROP TABLE history;
        DROP TABLE reports;
        DROP TABLE bureaus;
        ALTER TABLE new_bureaus RENAME TO bureaus;
        ALTER TABLE new_reports RENAME TO reports;
        ALTER TABLE new_findings RENAME TO findings;
        ALTER TABLE new_history RENAME TO history;
        CREATE INDEX reports_by_year ON reports(year, bureau_id);
        CREATE INDEX reports_by_canonical ON reports(canonical_bureau, year);
        CREATE INDEX findings_by_report ON findings(report_id);
        CREATE TABLE facts (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            metric_id INTEGER NOT NULL REFERENCES metrics(id),
            value INTEGER,
            status INTEGER NOT NULL REFERENCES statuses(code),
            locator INTEGER,
            PRIMARY KEY (report_id, metric_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE provenance (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            metric_id INTEGER NOT NULL REFERENCES metrics(id),
            raw TEXT,
            decimal TEXT,
            flags TEXT,
            locator TEXT,
            PRIMARY KEY (report_id, metric_id)
        ) STRICT, WITHOUT ROWID;
        CREATE VIEW report_facts AS
            SELECT r.canonical_bureau AS bureau, b.name AS reported_bureau, r.year, m.key AS metric,
                   COALESCE(f.value, CAST(p.decimal AS REAL)) AS value,
                   COALESCE(p.decimal, CAST(f.value AS TEXT)) AS value_text,
                   m.unit, s.name AS status,
                   COALESCE(p.raw, CASE f.status WHEN 0 THEN COALESCE(p.decimal, CAST(f.value AS TEXT)) WHEN 1 THEN '' END) AS raw,
                   r.template, r.source_path AS source, p.flags,
                   COALESCE(p.locator, \(LocatorCode.sql("f.locator"))) AS locator,
                   r.province, r.city, r.county, r.kind, r.scope, r.id AS report_id, m.sort_order
            FROM facts f JOIN reports r ON r.id = f.report_id JOIN bureaus b ON b.id = r.bureau_id
            JOIN metrics m ON m.id = f.metric_id JOIN statuses s ON s.code = f.status
            LEFT JOIN provenance p ON p.report_id = f.report_id AND p.metric_id = f.metric_id;
        """,
    ]

    /// The version a fully migrated database has.
    static var currentVersion: Int { migrations.count }
}
