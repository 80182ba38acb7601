import FastReleaseCore

/// The message formats FastRelease reads, recognised by root element and namespace.
///
/// To add a format: write a ``FormatDecoder``, add a ``MessageFormat`` for each root element
/// it reads to ``FormatRegistry/standard``, and list any roots of the same family that are
/// not declarations in ``refusals`` so that senders get a precise reason.
struct MessageFormat: Sendable {
    /// The format's name in decisions, such as `CEB621`.
    let name: String
    /// The root element's local name.
    let rootElement: String
    /// The root element's namespace.
    let namespace: String
    /// Import or export, when the root decides it.
    let direction: Direction
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

    /// The formats of this release.
    static let standard = FormatRegistry(formats: CEBInventoryDecoder.formats + WCODeclarationDecoder.formats)

    /// Judges a root element.
    func verdict(root: String, namespace: String?) -> RootVerdict {
        if let format = formats.first(where: { $0.rootElement == root && $0.namespace == namespace }) {
            return .decode(format)
        }
        if let reason = WCODeclarationDecoder.refusal(root: root, namespace: namespace) {
            return .refuse(.notADeclaration, reason)
        }
        if let format = formats.first(where: { $0.rootElement == root }) {
            let found = namespace.map { "namespace \($0)" } ?? "no namespace"
            return .refuse(
                .unknownMessage,
                "\(root) must be in namespace \(format.namespace), found \(found); fix the xmlns declaration")
        }
        if let reason = CEBInventoryDecoder.refusal(root: root, namespace: namespace) {
            return .refuse(.notADeclaration, reason)
        }
        let known = formats.map { "\($0.rootElement) (\($0.namespace))" }.joined(separator: ", ")
        let found = namespace.map { " in namespace \($0)" } ?? ""
        return .refuse(
            .unknownMessage,
            "root element \(root)\(found) is not a declaration message FastRelease reads; send one of: \(known)")
    }
}
