/// The reference FastRelease gives a WCO declaration it accepts, in the shape of a Movement
/// Reference Number (MRN): two digits of the year, the country code, and 14 letters and
/// digits, 18 characters in all (`26GB7Q2M0K4XJ8D1RZ`).
///
/// The gateway gets it in the acceptance notification and names it in later amendments and
/// cancellations (`Declaration/ID`). It is derived from the declarant and the LRN, so the
/// same declaration always gets the same reference.
public enum MovementReference {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// The reference for a declaration.
    ///
    /// - Parameters:
    ///   - declarant: the declarant's EORI.
    ///   - localReference: the declaration's LRN (`FunctionalReferenceID`).
    ///   - country: the responsible country (`md:ResponsibleCountryCode`), `XX` if unknown.
    ///   - year: the year of acceptance.
    public static func make(declarant: String, localReference: String, country: String, year: Int) -> String {
        let digest = SHA256.digest(Array("\(declarant)\u{1F}\(localReference)".utf8))
        var text = Array(String(format2(year % 100)).utf8)
        let countryBytes = Array(country.utf8)
        text += countryBytes.count == 2 ? countryBytes : Array("XX".utf8)
        for byte in digest.prefix(14) { text.append(alphabet[Int(byte) % alphabet.count]) }
        return String(decoding: text, as: UTF8.self)
    }

    private static func format2(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }
}
