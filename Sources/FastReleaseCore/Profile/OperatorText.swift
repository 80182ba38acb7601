/// A message for operators in the languages FastRelease speaks to them in: English and Chinese.
///
/// Every message of the profile loader is written in both, at the place that reports it, so
/// that `profile check --language zh` and a `PUT /v1/profile` sent with `Accept-Language: zh`
/// explain a mistake in Chinese. Messages of other files (reference state, seeds) are still
/// English only, and are shown in English in either language.
///
/// ```swift
/// let text = OperatorText(en: "rule R1 has no `when`", zh: "规则 R1 没有 `when`")
/// print(text.inLanguage(.chinese))  // 规则 R1 没有 `when`
/// ```
public struct OperatorText: Sendable, Hashable, CustomStringConvertible {
    /// The English text.
    public let english: String
    /// The Chinese text; nil for a message not yet translated.
    public let chinese: String?

    /// The Chinese text, or the English one when there is none (for composing messages).
    var zh: String { chinese ?? english }

    /// A message given in both languages.
    public init(en english: String, zh chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    /// A message written in English only.
    public init(english: String) {
        self.english = english
        self.chinese = nil
    }

    /// A name the same in every language: a YAML key, a file name, a code.
    /// (The Chinese ends in a space, as Latin words stand apart from the Chinese that follows.)
    static func name(_ text: String) -> OperatorText { OperatorText(en: text, zh: text + " ") }

    /// The text in `language` (`zh` for Chinese, anything else for English); English when the
    /// message has no Chinese.
    public func inLanguage(_ language: OperatorLanguage) -> String {
        language == .chinese ? chinese ?? english : english
    }

    /// The English text.
    public var description: String { english }
}

/// The language operators read messages in.
public enum OperatorLanguage: String, Sendable, Hashable, CaseIterable {
    /// English, the default.
    case english = "en"
    /// Simplified Chinese.
    case chinese = "zh"

    /// The language a language code names (`zh`, `zh-CN`, `zh_CN.UTF-8`, `en-GB`), or nil.
    public init?(code: String) {
        let primary = code.lowercased().prefix { $0.isLetter }
        switch primary {
        case "zh": self = .chinese
        case "en": self = .english
        default: return nil
        }
    }

    /// The first language of an HTTP `Accept-Language` value that FastRelease speaks, taking
    /// the weights (`q=`) into account; English when none is.
    public init(acceptLanguage: String?) {
        let ranges = (acceptLanguage ?? "").split(separator: ",").enumerated().compactMap {
            index, part -> (language: OperatorLanguage, weight: Double, index: Int)? in
            let fields = part.split(separator: ";").map { $0.trimmingWhitespace }
            guard let tag = fields.first, let language = OperatorLanguage(code: tag) else { return nil }
            let weight = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0 ? (language, weight, index) : nil
        }
        let best = ranges.min { ($0.weight, -$0.index) > ($1.weight, -$1.index) }
        self = best?.language ?? .english
    }

    /// The language of the environment's locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`),
    /// English when it names neither.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = locale.flatMap { OperatorLanguage(code: $0) } ?? .english
    }
}
