public import Foundation

/// Paths to the project's fixtures and shipped files, for tests.
public enum Fixtures {
    /// The project's root folder (found from this file's path).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The official CEB sample messages.
    public static let officialCEBSamples = repositoryRoot.appendingPathComponent("Tests/Fixtures/official/china-ceb")

    /// The official UK CDS (WCO data model) samples: `declarations/`, `notifications/`, `xsd/`.
    public static let officialWCO = repositoryRoot.appendingPathComponent("Tests/Fixtures/official/uk-cds-wco-dec")

    /// The names of the official WCO declarations, sorted.
    public static func officialWCODeclarationNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: officialWCO.appendingPathComponent("declarations").path)
            .filter { $0.hasSuffix(".xml") }.sorted()
    }

    /// The bytes of an official WCO declaration, such as `TT_IM001d.xml`.
    public static func officialWCODeclaration(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: officialWCO.appendingPathComponent("declarations").appendingPathComponent(name)))
    }

    /// The service's OpenAPI document.
    public static let openAPIDocument = repositoryRoot.appendingPathComponent("docs/openapi.yaml")

    /// The shipped default profile.
    public static let defaultProfile = repositoryRoot.appendingPathComponent("Profiles/default")

    /// The shipped default profile's demonstration seeds, beside it.
    public static let defaultSeeds = repositoryRoot.appendingPathComponent("Profiles/default.seeds")

    /// Copies the default profile to `destination`, with its seeds beside the copy
    /// (`destination.seeds`), so that the copy draws as the original does.
    public static func copyDefaultProfile(to destination: URL) throws {
        try FileManager.default.copyItem(at: defaultProfile, to: destination)
        try FileManager.default.copyItem(at: defaultSeeds, to: URL(fileURLWithPath: destination.path + ".seeds"))
    }

    /// The bytes of an official CEB sample, such as `CEB621Message.xml`.
    public static func officialCEB(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: officialCEBSamples.appendingPathComponent(name)))
    }

    /// The names of all official CEB samples, sorted.
    public static func officialCEBNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: officialCEBSamples.path).filter { $0.hasSuffix(".xml") }
            .sorted()
    }
}
