import Configuration
import FastReleaseCore
import FastReleaseXML
import Foundation

/// A setting that cannot be used.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the key.
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
