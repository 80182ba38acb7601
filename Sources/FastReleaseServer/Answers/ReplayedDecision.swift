import FastReleaseCore
import Foundation

/// A decision read back from the log, answered with `"replay"` beside its payload's members.
enum ReplayedDecision {
    /// The answer's JSON; a payload the log holds unreadable is answered as an error record
    /// naming the declaration, so the gateway learns to ask an operator rather than guess.
    static func encoded(_ answered: AnsweredDecision) -> [UInt8] {
        do {
            let payload = try answered.stored.decodedPayload()
            return try PayloadCoding.bytes(of: WithReplay(replay: answered.replay, payload: payload))
        } catch {
            let unreadable = DeclarationError(
                code: .init("decision.unreadable"), position: SourcePosition(source: "log", line: 0, column: 0),
                messageID: answered.stored.messageID, declarationID: answered.stored.key.declarationID,
                reason: "the decision stored for this declaration cannot be read back (\(error)); ask an operator")
            var object: [UInt8] = []
            JSONLinesEncoder().appendObject(of: unreadable, into: &object)
            return object
        }
    }
}
