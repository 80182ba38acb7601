import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import GRDB
import Testing

/// Amendments and cancellations are revisions kept beside the original decision.
@Suite("Decision revisions")
struct RevisionTests {
    static func revision(
        _ id: String, _ revision: String, function: DeclarationFunction, lane: RecordedLane, at time: Int64,
        reference: String = ""
    ) -> StoredDecision {
        StoredDecision(
            key: DecisionKey(declarant: "D1", declarationID: id, revision: revision), messageID: "M-\(revision)",
            lane: lane, profileVersion: "test@000000000000", decidedAt: time,
            payload: "{\"declaration\":\"\(id)\",\"revision\":\"\(revision)\"}", function: function,
            reference: reference, declaration: "{\"id\":\"\(id)\"}")
    }

    @Test(arguments: Backend.available)
    func revisionsAreKeptInOrderAndFoundByReference(_ backend: Backend) async throws {
        let id = uniqueID("REV")
        let mrn = "26GB" + uniqueID("").suffix(8) + "ABCDEF"
        try await backend.withLog { log in
            let original = Self.revision(
                id, "", function: .original, lane: .decided(.document), at: 1000, reference: mrn)
            let amendment = Self.revision(
                id, "AMEND-1", function: .amendment, lane: .decided(.release), at: 2000, reference: mrn)
            let cancellation = Self.revision(
                id, "CANCEL-1", function: .cancellation, lane: .withdrawn, at: 3000, reference: mrn)
            #expect(try await log.record([original]).map(\.isReplay) == [false])
            #expect(try await log.record([amendment, cancellation]).map(\.isReplay) == [false, false])
            // Sent again, a revision is a replay of what was stored.
            let again = try await log.record([amendment])
            #expect(again.map(\.isReplay) == [true])
            #expect(again.first?.decision.declaration == amendment.declaration)

            let byID = try await log.decisions(declarationID: id)
            #expect(byID.map(\.key.revision) == ["", "AMEND-1", "CANCEL-1"])
            #expect(byID.map(\.function) == [.original, .amendment, .cancellation])
            #expect(byID.first?.declaration == original.declaration)
            let byReference = try await log.decisions(reference: mrn)
            #expect(byReference.map(\.key.revision) == ["", "AMEND-1", "CANCEL-1"])
            #expect(try await log.decisions(reference: "26GBNOTAREFERENCE0").isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func inspectionsAreKeptOnceBesideTheirDecision(_ backend: Backend) async throws {
        let id = uniqueID("INSP")
        try await backend.withLog { log in
            let key = DecisionKey(declarant: "D1", declarationID: id)
            let inspection = StoredInspection(
                inspectionID: "I-\(id)", decision: key, conforming: false, inspectedAt: 5000, recordedBy: "alice",
                payload: "{\"inspection\":\"I-\(id)\"}")
            #expect(try await log.record(inspection) == .recorded(inspection))
            var resent = inspection
            resent.recordedBy = "bob"
            #expect(try await log.record(resent) == .replayed(inspection))
            let stored = try await log.inspections(declarationID: id)
            #expect(stored == [inspection])
        }
    }

    @Test(arguments: Backend.available)
    func shadowDecisionsAndProfileChangesAreKept(_ backend: Backend) async throws {
        let version = uniqueID("candidate@")
        try await backend.withLog { log in
            let rows = (0..<4).map { index in
                StoredShadowDecision(
                    shadowVersion: version, key: DecisionKey(declarant: "D1", declarationID: "S-\(index)"),
                    liveLane: .decided(.document), shadowLane: .decided(index % 2 == 0 ? .release : .document),
                    decidedAt: Int64(1000 + index), payload: "{}")
            }
            try await log.record(shadow: rows)
            try await log.record(shadow: rows)  // sent twice, kept once
            let differences = try await log.shadowDifferences(version: version, limit: 10)
            #expect(differences.map(\.key.declarationID) == ["S-2", "S-0"])

            let change = StoredProfileChange(
                version: version, previousVersion: "live@1", changedAt: 5, changedBy: "alice", summary: "changed X",
                files: "{\"files\":{}}")
            try await log.record(change)
            #expect(try await log.profileChange(version: version) == change)
            #expect(try await log.profileChanges(limit: 1000).contains(change))
        }
    }

    @Test func aVersionOneSQLiteLogIsMigratedWithNothingLost() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("v1.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE decisions (
                            declarant TEXT NOT NULL, declaration_id TEXT NOT NULL, message_id TEXT NOT NULL,
                            lane TEXT NOT NULL, profile_version TEXT NOT NULL, decided_at BIGINT NOT NULL,
                            payload TEXT NOT NULL, PRIMARY KEY (declarant, declaration_id));
                        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                        INSERT INTO grdb_migrations VALUES ('decisions-v1');
                        INSERT INTO decisions VALUES ('D1', 'OLD-1', 'M1', 'hold', 'old@1', 42, '{"declaration":"OLD-1"}');
                        """)
            }
        }
        var notices: [String] = []
        let log = try SQLiteDecisionLog(path: path) { notices.append($0) }
        #expect(notices.count == 1 && notices[0].contains("copying its 1 decision once"), "\(notices)")
        let kept = try await log.decisions(declarationID: "OLD-1")
        #expect(kept.count == 1)
        #expect(kept.first?.lane == .decided(.hold))
        #expect(kept.first?.payload == "{\"declaration\":\"OLD-1\"}")
        #expect(kept.first?.key.revision == "")
        #expect(kept.first?.function == .original)
        let amendment = Self.revision("OLD-1", "AMEND-1", function: .amendment, lane: .decided(.release), at: 100)
        #expect(try await log.record([amendment]).map(\.isReplay) == [false])
        #expect(try await log.count() == 2)
        _ = try SQLiteDecisionLog(path: path) { notices.append($0) }
        let fresh = folder.url.appendingPathComponent("new.sqlite").path
        _ = try SQLiteDecisionLog(path: fresh) { notices.append($0) }
        #expect(notices.count == 1, "an upgraded or a new log copies nothing: \(notices)")
    }
}
