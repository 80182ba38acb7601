/// An inspection result as the log keeps it and the service answers it.
///
/// ```json
/// {"inspection":"NB-2026-000123","declaration":"NBBH20160308005","declarant":"1105910159",
///  "revision":"","conforming":false,"findings":["pH 9.1 above the limit"],
///  "lab_results":[{"test":"ph-value","passed":false,"value":"9.1"}],
///  "inspected_at":1763285400000,"recorded_by":"alice"}
/// ```
public struct InspectionPayload: Sendable, Hashable, Codable {
    /// The sender's identifier for the result.
    public var inspection: String
    /// The declaration inspected.
    public var declaration: String
    /// Its declarant.
    public var declarant: String
    /// The revision in force when it was inspected.
    public var revision: String
    /// Whether the goods conformed.
    public var conforming: Bool
    /// What the inspector found.
    public var findings: [String]
    /// Laboratory results.
    public var labResults: [LabResult]
    /// When it was inspected, milliseconds since 1970.
    public var inspectedAt: Int64
    /// Who recorded it.
    public var recordedBy: String

    /// One laboratory test's result.
    public struct LabResult: Sendable, Hashable, Codable {
        /// The test's name, as profiles write it (`azo-dyes`).
        public var test: String
        /// Whether the goods passed it.
        public var passed: Bool
        /// The measured value, if given.
        public var value: String?

        /// Creates a result.
        public init(test: String, passed: Bool, value: String?) {
            self.test = test
            self.passed = passed
            self.value = value
        }
    }

    /// Creates a payload.
    public init(
        inspection: String, declaration: String, declarant: String, revision: String, conforming: Bool,
        findings: [String], labResults: [LabResult], inspectedAt: Int64, recordedBy: String
    ) {
        self.inspection = inspection
        self.declaration = declaration
        self.declarant = declarant
        self.revision = revision
        self.conforming = conforming
        self.findings = findings
        self.labResults = labResults
        self.inspectedAt = inspectedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case inspection, declaration, declarant, revision, conforming, findings, labResults = "lab_results"
        case inspectedAt = "inspected_at", recordedBy = "recorded_by"
    }

    /// Reads a payload from its JSON text.
    public static func decode(_ json: String) throws -> InspectionPayload {
        try PayloadCoding.decode(InspectionPayload.self, from: json)
    }
}
