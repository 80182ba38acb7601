import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird

/// An inspection result as a gateway or operator sends it, checked field by field.
struct InspectionSubmission: Decodable {
    var inspectionID: String?
    var declaration: String
    var declarant: String?
    var conforming: Bool?
    var findings: [String]?
    var labResults: [InspectionPayload.LabResult]?
    var inspectedAt: String?

    enum CodingKeys: String, CodingKey {
        case inspectionID = "inspection_id", declaration, declarant, conforming, findings
        case labResults = "lab_results", inspectedAt = "inspected_at"
    }

    /// Parses and checks a request body; `conforming` may be left out only when the results
    /// decide it (`conformingRequired` false: laboratory results).
    static func parse(_ data: Data, conformingRequired: Bool = true) throws(ServiceError) -> InspectionSubmission {
        let submission: InspectionSubmission
        do {
            submission = try JSONDecoder().decode(InspectionSubmission.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw invalid("`\(key.stringValue)` is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw invalid("`\(field)` has the wrong type: \(context.debugDescription)")
        } catch {
            throw invalid("the body is not a JSON object: \(error)")
        }
        if conformingRequired, submission.conforming == nil { throw invalid("`conforming` is missing") }
        try submission.check()
        return submission
    }

    private func check() throws(ServiceError) {
        func text(_ value: String?, _ name: String, max: Int) throws(ServiceError) {
            guard let value else { return }
            if value.isEmpty { throw Self.invalid("`\(name)` is empty") }
            // In characters (Unicode scalars), as JSON Schema's maxLength counts them.
            if value.unicodeScalars.count > max { throw Self.invalid("`\(name)` is longer than \(max) characters") }
        }
        try text(declaration, "declaration", max: 128)
        try text(declarant, "declarant", max: 64)
        try text(inspectionID, "inspection_id", max: 128)
        if (findings?.count ?? 0) > 100 { throw Self.invalid("at most 100 `findings`") }
        for finding in findings ?? [] { try text(finding, "findings[]", max: 1000) }
        if (labResults?.count ?? 0) > 100 { throw Self.invalid("at most 100 `lab_results`") }
        for result in labResults ?? [] {
            try text(result.test, "lab_results[].test", max: 128)
            try text(result.value, "lab_results[].value", max: 256)
        }
        if let inspectedAt, Self.milliseconds(inspectedAt) == nil {
            throw Self.invalid("`inspected_at` `\(inspectedAt)` is not an ISO 8601 time such as 2026-11-16T09:30:00Z")
        }
    }

    /// The record to store, against the decision inspected.
    ///
    /// - Parameter now: milliseconds since 1970, for a result that states no `inspected_at`.
    func stored(against decision: DecisionKey, recordedBy: String, now: Int64) throws -> StoredInspection {
        let id = inspectionID ?? UUID().uuidString
        let inspectedAt = inspectedAt.flatMap(Self.milliseconds) ?? now
        let payload = InspectionPayload(
            inspection: id, declaration: decision.declarationID, declarant: decision.declarant,
            revision: decision.revision, conforming: conforming ?? false, findings: findings ?? [],
            labResults: labResults ?? [], inspectedAt: inspectedAt, recordedBy: recordedBy)
        return StoredInspection(
            inspectionID: id, decision: decision, conforming: conforming ?? false, inspectedAt: inspectedAt,
            recordedBy: recordedBy,
            payload: try PayloadCoding.text(of: payload))
    }

    /// An RFC 3339 time (`2026-11-16T09:30:00Z`, `2026-11-16T17:30:00.250+08:00`) as
    /// milliseconds since 1970.
    private static func milliseconds(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func invalid(_ reason: String) -> ServiceError {
        ServiceError(.badRequest, code: "inspection.invalid", reason)
    }
}
