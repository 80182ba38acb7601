import FastReleaseCore

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
