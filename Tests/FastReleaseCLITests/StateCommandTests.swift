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
}
