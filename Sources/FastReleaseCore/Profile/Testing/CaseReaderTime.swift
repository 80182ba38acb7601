internal import Yams

/// Reads times in cases and sketches.
struct CaseReaderTime {
    let file: YAMLFile

    func time(_ node: Node, _ what: OperatorText) -> CivilTime? {
        guard let text = file.string(node, what) else { return nil }
        guard let time = CivilTime(iso: text) ?? CivilTime(compact: text) else {
            file.error(
                node, en: "\(what.english) `\(text)` is not a time; write 2026-11-15T10:30:00",
                zh: "\(what.zh) `\(text)` 不是时间；请写成 2026-11-15T10:30:00")
            return nil
        }
        return time
    }
}
