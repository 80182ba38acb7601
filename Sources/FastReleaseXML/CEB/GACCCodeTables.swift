import FastReleaseCore
public import Foundation

/// The GACC numeric code tables of the CEB messages (JGS-20): country, currency and unit.
///
/// The tables are data files, `Resources/codes/{countries,currencies,units}.csv`, copied
/// unchanged from `../shared/formats/china-ceb/codes/` (see that folder's README for their
/// sources), and built into the binary (`GACCCodeTables+Embedded.swift`, written from them by
/// `scripts/embed-files.py`), so that a `fastrelease` copied anywhere has them. Lookups
/// take the three code digits and index an array, with no `String`.
public struct GACCCodeTables: Sendable {
    /// ISO 3166 alpha-2 by GACC country code (0...999); `nil` where the table has no ISO code.
    let countries: [CountryCode?]
    /// Whether a GACC country code is in the table at all.
    let knownCountries: [Bool]
    /// ISO 4217 by GACC currency code; empty where unmapped.
    let currencies: [String]
    /// UN/ECE Rec 20 unit by GACC unit code; `gacc:NNN` where the table has no UN/ECE code.
    let units: [String]

    /// The tables shipped with FastRelease, built into the binary.
    public static let shipped: GACCCodeTables = {
        do {
            return try GACCCodeTables(texts: embedded)
        } catch {
            fatalError("FastRelease's built-in GACC code tables are damaged: \(error)")
        }
    }()

    /// Reads the three tables from a folder.
    public init(directory: URL) throws {
        var texts: [String: String] = [:]
        for name in ["countries.csv", "currencies.csv", "units.csv"] {
            texts[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        try self.init(texts: texts)
    }

    /// Reads the three tables from their CSV texts, by file name.
    public init(texts: [String: String]) throws {
        func rows(_ name: String) throws -> [CSVRows.Row] {
            guard let text = texts[name] else { throw CocoaError(.fileReadNoSuchFile) }
            return Array(CSVRows.parse(text).dropFirst().filter { !$0.isBlank })
        }
        func code(_ row: CSVRows.Row) -> Int? {
            guard let text = row.fields.first?.text, text.utf8.count == 3 else { return nil }
            return Int(text)
        }
        var countries = [CountryCode?](repeating: nil, count: 1000)
        var known = [Bool](repeating: false, count: 1000)
        for row in try rows("countries.csv") {
            guard let number = code(row), row.fields.count >= 4 else { continue }
            known[number] = true
            countries[number] = CountryCode(row.fields[3].text)
        }
        var currencies = [String](repeating: "", count: 1000)
        for row in try rows("currencies.csv") {
            guard let number = code(row), row.fields.count >= 3 else { continue }
            currencies[number] = row.fields[2].text.isEmpty ? "gacc:\(row.fields[0].text)" : row.fields[2].text
        }
        var units = [String](repeating: "", count: 1000)
        for row in try rows("units.csv") {
            guard let number = code(row), row.fields.count >= 4 else { continue }
            units[number] = row.fields[3].text.isEmpty ? "gacc:\(row.fields[0].text)" : row.fields[3].text
        }
        guard known.contains(true), currencies.contains(where: { !$0.isEmpty }), units.contains(where: { !$0.isEmpty })
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.countries = countries
        knownCountries = known
        self.currencies = currencies
        self.units = units
    }

    /// A three-digit code's number, or `nil` if the text is not exactly three digits.
    static func number(_ text: UnsafeRawBufferPointer) -> Int? {
        guard text.count == 3 else { return nil }
        return XMLBytes.integer(text)
    }
}
