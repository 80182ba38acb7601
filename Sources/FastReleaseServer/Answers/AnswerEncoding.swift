import FastReleaseCore
import Foundation

/// The JSON shapes answers are written in: newline-delimited JSON, or one JSON document.
///
/// In the full view, a decision is its payload with `"replay"` first. A decision this request
/// recorded is written from the bytes the encoder made when it was recorded; a replay is read
/// back from the log and written through `Codable` (``ReplayedDecision``), since it is rare. In
/// the trader view (gateways), a decision is its ``TraderAnswer``.
enum AnswerEncoding {
    private static let encoder = JSONLinesEncoder()

    /// One answer as one JSON line.
    static func line(_ answer: Answer, view: AnswerView, into out: inout [UInt8]) {
        object(answer, view: view, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// All answers as `{"decisions": [...], "errors": [...]}`.
    static func document(_ answers: [Answer], view: AnswerView) -> [UInt8] {
        var decisions: [UInt8] = Array("{\"decisions\":[".utf8)
        var errors: [UInt8] = Array("],\"errors\":[".utf8)
        var decisionCount = 0
        var errorCount = 0
        for answer in answers {
            switch answer {
            case .decision:
                decisions.append(contentsOf: (decisionCount == 0 ? "\n  " : ",\n  ").utf8)
                object(answer, view: view, into: &decisions)
                decisionCount += 1
            case .error(let error):
                errors.append(contentsOf: (errorCount == 0 ? "\n  " : ",\n  ").utf8)
                encoder.appendBody(of: error, into: &errors)
                errorCount += 1
            }
        }
        if decisionCount > 0 { decisions.append(UInt8(ascii: "\n")) }
        if errorCount > 0 { errors.append(UInt8(ascii: "\n")) }
        decisions += errors
        decisions.append(contentsOf: "]}\n".utf8)
        return decisions
    }

    /// One answer as a JSON object, without a line break.
    private static func object(_ answer: Answer, view: AnswerView, into out: inout [UInt8]) {
        switch answer {
        case .decision(let answered) where view == .trader:
            TraderAnswer(answered).appendJSON(into: &out)
        case .decision(let answered):
            if let members = answered.freshMembers {
                out.append(contentsOf: "{\"replay\":false,".utf8)
                out += members
                out.append(UInt8(ascii: "}"))
            } else {
                out += ReplayedDecision.encoded(answered)
            }
        case .error(let error):
            encoder.appendObject(of: error, into: &out)
        }
    }
}
