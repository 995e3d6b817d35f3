import GreenlightCore

/// The schema, as a list of steps; `PRAGMA user_version` records how many have run. A file
/// written by an older Greenlight is upgraded in place; one from a newer Greenlight is refused.
enum HistoryMigrations {
    static let steps: [String] = [
        // 1: runs and their findings.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            repository TEXT NOT NULL,
            commit_id TEXT,
            source TEXT NOT NULL,
            command TEXT NOT NULL,
            posture TEXT NOT NULL,
            exit_code INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            notes INTEGER NOT NULL,
            suppressed INTEGER NOT NULL,
            baselined INTEGER NOT NULL
        );
        CREATE INDEX runs_by_time ON runs (command, started_at);
        CREATE TABLE findings (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            family TEXT NOT NULL,
            severity TEXT NOT NULL,
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            column INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            message TEXT NOT NULL,
            suppressed INTEGER NOT NULL,
            baselined INTEGER NOT NULL
        );
        CREATE INDEX findings_by_run ON findings (run_id);
        CREATE INDEX findings_by_fingerprint ON findings (fingerprint);
        """,
        // 2: claim counts and evidence seen, per run.
        """
        CREATE TABLE claims (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            done INTEGER NOT NULL,
            verified INTEGER NOT NULL,
            unverified INTEGER NOT NULL,
            pending INTEGER NOT NULL
        );
        CREATE INDEX claims_by_run ON claims (run_id);
        CREATE TABLE evidence (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            recorded_at TEXT,
            age_seconds INTEGER,
            commit_id TEXT,
            url TEXT,
            required INTEGER NOT NULL
        );
        CREATE INDEX evidence_by_run ON evidence (run_id);
        """,
        // 3: probe results and loop decisions.
        """
        CREATE TABLE probes (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            ok INTEGER NOT NULL,
            status INTEGER,
            p50_ms REAL,
            p95_ms REAL,
            error_rate REAL,
            detail TEXT
        );
        CREATE INDEX probes_by_run ON probes (run_id);
        CREATE TABLE loop_decisions (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            loop TEXT NOT NULL,
            subject TEXT NOT NULL,
            decision TEXT NOT NULL,
            detail TEXT
        );
        CREATE INDEX loop_decisions_by_run ON loop_decisions (run_id);
        """,
        // 4: no query looks findings up by fingerprint (new and fixed findings are compared per
        // run, through findings_by_run), and keeping that index sorted cost every run a write
        // of most of its pages once the history held a few hundred runs.
        """
        DROP INDEX IF EXISTS findings_by_fingerprint;
        """,
    ]

    static var latest: Int { steps.count }

    /// Run the steps the file has not seen, each with its version bump, in one transaction
    /// (concurrent openers wait on the busy timeout and then find the work done).
    static func apply(to database: SQLiteDatabase, upTo target: Int = latest) throws {
        let current = try version(of: database)
        if current > latest {
            throw ToolError.runtime("\(database.path): history schema version \(current) is newer than this Greenlight's \(latest); upgrade Greenlight or use another --history file")
        }
        guard current < target else { return }
        try database.transaction {
            let now = try version(of: database)
            guard now < target else { return }
            for step in now..<target {
                try database.execute(steps[step])
            }
            try database.execute("PRAGMA user_version = \(target)")
        }
    }

    static func version(of database: SQLiteDatabase) throws -> Int {
        do {
            return try database.prepare("PRAGMA user_version").rows { Int($0.int(0)) }.first ?? 0
        } catch let error as ToolError {
            throw ToolError.runtime("\(database.path): not a Greenlight history database (\(error.message.components(separatedBy: ": ").last ?? ""))")
        }
    }
}
