import FastReleaseCore

/// The message formats FastRelease reads, recognised by root element and namespace.
///
/// To add a format: write a ``FormatDecoder`` and its receipt writer beside it, add a
/// ``MessageFormat`` for each root element it reads to ``FormatRegistry/standard``, and its family's refusal to `refusals`, so that
/// senders of a root of the family that is not a declaration get a precise reason.
struct MessageFormat: Sendable {
    /// The format's name in decisions, such as `CEB621`.
    let name: String
    /// The root element's local name.
    let rootElement: String
    /// The root element's namespace.
    let namespace: String
    /// Import or export, when the root decides it.
    let direction: Direction
    /// The receipts a sender of this root is answered with.
    let receipts: ReceiptLanguage
    /// Makes a decoder (one per worker).
    let makeDecoder: @Sendable () -> any FormatDecoder
}

/// What to do with a message, judged from its root element.
enum RootVerdict {
    /// Decode it with this format.
    case decode(MessageFormat)
    /// Refuse it, with a reason.
    case refuse(DeclarationError.Code, String)
}

struct FormatRegistry: Sendable {
    let formats: [MessageFormat]
    /// For each family, why one of its roots that is not a declaration is refused (`nil` when the
    /// root is not of the family).
    let refusals: [@Sendable (_ root: String, _ namespace: String?) -> String?]

    /// The formats of this release.
    static let standard = FormatRegistry(
        formats: CEBInventoryDecoder.formats + WCODeclarationDecoder.formats,
        refusals: [CEBInventoryDecoder.refusal, WCODeclarationDecoder.refusal])

    /// Judges a root element.
    func verdict(root: String, namespace: String?) -> RootVerdict {
        if let format = formats.first(where: { $0.rootElement == root && $0.namespace == namespace }) {
            return .decode(format)
        }
        if let reason = refusals.lazy.compactMap({ $0(root, namespace) }).first {
            return .refuse(.notADeclaration, reason)
        }
        if let format = formats.first(where: { $0.rootElement == root }) {
            let found = namespace.map { "namespace \($0)" } ?? "no namespace"
            return .refuse(
                .unknownMessage,
                "\(root) must be in namespace \(format.namespace), found \(found); fix the xmlns declaration")
        }
        let known = formats.map { "\($0.rootElement) (\($0.namespace))" }.joined(separator: ", ")
        let found = namespace.map { " in namespace \($0)" } ?? ""
        return .refuse(
            .unknownMessage,
            "root element \(root)\(found) is not a declaration message FastRelease reads; send one of: \(known)")
    }
}
