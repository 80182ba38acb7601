import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import GRDB
import Testing

/// What a commit writes: the decisions' key leads with the declaration id, so a batch of
/// consecutive ids from many declarants lands on a few pages of the key's index, not on one
/// page a row (schema version 10).
@Suite("Decision log key layout")
struct KeyLayoutTests {
    /// A decision of declarant `index` with the `index`-th consecutive id and a 3 KB row, the
    /// size of a CEB621 decision with its declaration kept.
    static func decision(_ index: Int) -> StoredDecision {
        let id = "CB2026111100000" + String(100_000 + index)
        return StoredDecision(
            key: DecisionKey(declarant: "D" + String(7919 * index % 1000), declarationID: id), messageID: "M",
            lane: .decided(.release), profileVersion: "test@000000000000", decidedAt: 1_000 + Int64(index),
            payload: "{\"declaration\":\"\(id)\",\"pad\":\"" + String(repeating: "x", count: 1300) + "\"}",
            declaration: "{\"id\":\"\(id)\",\"pad\":\"" + String(repeating: "y", count: 1500) + "\"}")
    }

    @Test func aBatchOfManyDeclarantsWritesAboutOnePageARow() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let log = try SQLiteDecisionLog(path: path)
        // A log that already holds 30,000 small decisions of 1,000 declarants: the key's index
        // has hundreds of pages, so where a batch lands on it matters.
        for start in stride(from: 0, to: 30_000, by: 5_000) {
            _ = try await log.record(
                (start..<(start + 5_000)).map {
                    StoredDecision(
                        key: DecisionKey(declarant: "D" + String($0 % 1000), declarationID: "PRE" + String($0)),
                        messageID: "M", lane: .decided(.release), profileVersion: "test@000000000000", decidedAt: 1,
                        payload: "{}")
                })
        }
        let side = try DatabaseQueue(path: path)
        // Empty the write-ahead log, record one batch, and count the pages it wrote there.
        _ = try await side.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let rows = 300
        _ = try await log.record((0..<rows).map(Self.decision))
        let written = try await side.writeWithoutTransaction { try $0.checkpoint(.passive) }.walFrameCount
        // Each row fills most of a 4 KB page of the table; keyed by declarant first, the key's
        // index added most of a page a row more (491 pages for these 300 rows before version 10, 318 since).
        #expect(written > rows && written < rows * 5 / 4, "\(written) pages written for \(rows) rows")
        #expect(try await log.decisions(declarationID: Self.decision(7).key.declarationID).count == 1)
    }

    @Test func theKeyServesLookUpsByDeclarationIDWithoutAnIndexOfItsOwn() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        _ = try SQLiteDecisionLog(path: path)
        let side = try DatabaseQueue(path: path)
        let indexes = try await side.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'decisions' ORDER BY name")
        }
        #expect(indexes == ["decisions_by_reference", "decisions_by_time", "sqlite_autoindex_decisions_1"])
        let key = try await side.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('sqlite_autoindex_decisions_1')")
        }
        #expect(key == ["declaration_id", "declarant", "revision"])
        let plan = try await side.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT * FROM decisions WHERE declaration_id = 'X' ORDER BY declarant"
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("sqlite_autoindex_decisions_1") }, "\(plan)")
    }
}
