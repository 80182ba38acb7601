/// The files a profile is read from, in memory: the texts of a ``ProfileBundle``, named in
/// messages as `prefix` + their path in the bundle (`Profiles/default/rules/alerts.yaml` for a
/// folder, `rules/alerts.yaml` for an upload).
struct ProfileFiles {
    let bundle: ProfileBundle
    let prefix: String

    /// The name messages give a file.
    func displayPath(_ relative: String) -> String { prefix + Self.normalized(relative) }

    /// A file's text by its path relative to the profile (`./` and `a/../` allowed).
    func text(_ relative: String) -> String? {
        bundle.files[Self.normalized(relative)]
    }

    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
