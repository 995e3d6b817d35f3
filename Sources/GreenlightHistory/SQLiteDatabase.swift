import CSQLite
import Foundation
import GreenlightCore

/// A small typed layer over the SQLite C API: open, execute, prepared statements. Every
/// failure is a runtime error naming the file.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    let path: String

    init(path: String, busyTimeout: Int32 = 15_000) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw ToolError.runtime("\(path): cannot open history database: \(message)")
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, busyTimeout)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw failure(message)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure(lastError)
        }
        return Statement(handle: statement, database: self)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all or nothing, writers queue on the
    /// busy timeout instead of failing.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ message: String) -> ToolError {
        ToolError.runtime("\(path): history database error: \(message)")
    }
}

/// A prepared statement; values bind by 1-based position, columns read by 0-based index.
final class Statement {
    private let handle: OpaquePointer
    private unowned let database: SQLiteDatabase
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    enum Value {
        case int(Int64)
        case double(Double)
        case text(String)
        case null
    }

    @discardableResult
    func bind(_ values: [Value]) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .int(let number): sqlite3_bind_int64(handle, index, number)
            case .double(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text): sqlite3_bind_text(handle, index, text, -1, Statement.transient)
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        return self
    }

    /// Steps to completion, for statements that return no rows.
    func run() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw database.failure(database.lastError) }
        sqlite3_reset(handle)
    }

    /// Each row, through `read`.
    func rows<T>(_ read: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw database.failure(database.lastError) }
            result.append(try read(Row(handle: handle)))
        }
        sqlite3_reset(handle)
        return result
    }

    struct Row {
        let handle: OpaquePointer

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
        func text(_ column: Int32) -> String? {
            guard let pointer = sqlite3_column_text(handle, column) else { return nil }
            return String(cString: pointer)
        }
    }
}
