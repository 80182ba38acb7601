import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("fastrelease state check", .tags(.process), .long, .timeLimit(.minutes(3)))
struct StateCommandTests {
    @Test func theShippedStateIsReadAndMonitoringShownAtATime() throws {
        let result = try ProcessRunner.run(["state", "check", "Profiles/default/state", "--at", "2026-11-10T12:00:00"])
        #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
        #expect(
            result.outputText.contains(
                "5 lots (8 tests), 2 suppliers, 3 monitored enterprises, 1 unit-consumption row"),
            "\(result.outputText)")
        #expect(result.outputText.contains("enterprise 1105910165: monitoring of azo-dyes lapsed on 2026-11-08"))
        #expect(
            result.outputText.contains(
                "supplier TAN-0001 (registered): free-formaldehyde passed on 2026-09-15, covered until 2026-12-16"))
    }

    @Test func badStateFilesAreRefusedWithTheirPlaces() throws {
        let folder = try TemporaryDirectory()
        try folder.write("suppliers.csv", "code,name,standing\nT-1,Tannery,closed\n")
        try folder.write(
            "lots.csv",
            "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\nL-1,E1,hides,,,ten,007,1,\n")
        let result = try ProcessRunner.run(["state", "check", folder.url.path])
        #expect(result.status == 2)
        #expect(
            result.outputText.contains(
                "suppliers.csv:2:13: error: `standing` must be one of registered, suspended, revoked, found `closed`"),
            "\(result.outputText)")
        #expect(
            result.outputText.contains("lots.csv:2:16: error: `quantity` must be a number, 0 or more, found `ten`"),
            "\(result.outputText)")
        #expect(result.outputText.contains("2 mistakes; nothing was read"))
        let empty = try TemporaryDirectory()
        let none = try ProcessRunner.run(["state", "check", empty.url.path])
        #expect(none.status == 2)
        #expect(none.outputText.contains("holds no state file"))
    }

    @Test func importRecordsTheFolderAsOneChangeOrNothing() async throws {
        let folder = try TemporaryDirectory()
        let store = folder.url.appendingPathComponent("decisions.sqlite").path
        let imported = try ProcessRunner.run(["state", "import", "Profiles/default/state", "--store", store])
        #expect(imported.status == 0, "\(imported.outputText)\(imported.errorText)")
        #expect(
            imported.outputText.contains(
                "42 rows of 7 files recorded as state change 1 by import:Profiles/default/state"))
        let broken = try TemporaryDirectory()
        _ = try broken.write("lot-tests.csv", "lot,test,passed,tested_at\nL-9,azo-dyes,pass,2026-11-01\n")
        let refused = try ProcessRunner.run(["state", "import", broken.url.path, "--store", store, "--by", "alice"])
        #expect(refused.status == 2)
        #expect(
            refused.outputText.contains(
                "lot-tests.csv:2:1: error: lot L-9 is in neither lots.csv nor the state; add the lot before its tests"),
            "\(refused.outputText)")
        let log = try SQLiteDecisionLog(path: store)
        let changes = try await log.stateChanges(after: 0, limit: 10)
        #expect(changes.map(\.file) == ["folder"])
        #expect(try await log.lotWrittenOff()["L-2026-0019"] == 35_000_000, "balances carry what the files wrote off")
    }
}
