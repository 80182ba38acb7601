internal import Yams

/// Reads times in cases and sketches.
struct CaseReaderTime {
    let file: YAMLFile

    func time(_ node: Node, _ what: String) -> CivilTime? {
        guard let text = file.string(node, what) else { return nil }
        guard let time = CivilTime(iso: text) ?? CivilTime(compact: text) else {
            file.error(node, "\(what) `\(text)` is not a time; write 2026-11-15T10:30:00")
            return nil
        }
        return time
    }
}
