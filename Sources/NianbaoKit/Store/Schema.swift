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
    ]

    /// The version a fully migrated database has.
    static var currentVersion: Int { migrations.count }
}
