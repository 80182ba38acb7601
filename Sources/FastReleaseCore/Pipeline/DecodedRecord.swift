/// What a decoder makes of a message: declarations, and error records for what it could not read.
public enum DecodedRecord: Sendable {
    /// A declaration, with the microseconds spent decoding it.
    case declaration(Declaration, decodeMicroseconds: Double)
    /// A declaration or message that could not be read.
    case error(DeclarationError)
}
