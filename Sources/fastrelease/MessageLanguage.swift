import FastReleaseCore
import Foundation

/// The language of operators' messages on the command line (profile errors and warnings):
/// the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), as for other Unix tools, so that
/// `LANG=zh_CN.UTF-8` gives them in Chinese.
enum MessageLanguage {
    /// The language the environment asks for.
    static var current: OperatorLanguage { OperatorLanguage(environment: ProcessInfo.processInfo.environment) }
}
