public import FastReleaseCore
public import Foundation

/// The receipt shape a gateway understands, chosen from the messages it sent.
///
/// CEB621 import inventories are answered with a CEB622 receipt, CEB603 export inventories
/// with a CEB604 receipt, WCO declarations with DMS notifications (`md:MetaData` holding
/// `Response` elements). A body that mixes families, or holds nothing FastRelease recognises,
/// is answered in FastRelease's own receipt shape (`urn:fastrelease:receipt:1`). Each format's
/// ``MessageFormat`` names its language, beside its decoder.
///
/// ```swift
/// let xml = ReceiptLanguage(frames: frames).document(answers)
/// ```
public enum ReceiptLanguage: Sendable, Equatable {
    /// CEB622 import inventory receipts.
    case ceb622
    /// CEB604 export inventory receipts.
    case ceb604
    /// UK CDS DMS notifications.
    case dmsNotification
    /// FastRelease's own receipts.
    case fastRelease

    /// The language of a request's messages.
    public init(frames: [MessageFrame]) {
        let languages = Set(frames.map { Self.language(root: $0.rootElementName) })
        self = languages.count == 1 ? languages.first! : .fastRelease
    }

    /// The language of declarations of `format` (a decision's `format`, such as `CEB603`).
    public init(format: String) {
        self = FormatRegistry.standard.formats.first { $0.name == format }?.receipts ?? .fastRelease
    }

    private static func language(root: String?) -> ReceiptLanguage {
        FormatRegistry.standard.formats.first { $0.rootElement == root }?.receipts ?? .fastRelease
    }

    /// All answers as one XML document in this language.
    ///
    /// - Parameters:
    ///   - answers: the request's answers, in order.
    ///   - now: the receipt's issue time.
    public func document(_ answers: [Answer], now: Date = Date()) -> [UInt8] {
        switch self {
        case .ceb622: CEBReceiptWriter(export: false).document(answers, now: now)
        case .ceb604: CEBReceiptWriter(export: true).document(answers, now: now)
        case .dmsNotification: DMSNotificationWriter().document(answers, now: now)
        case .fastRelease: FastReleaseReceiptWriter().document(answers)
        }
    }
}
