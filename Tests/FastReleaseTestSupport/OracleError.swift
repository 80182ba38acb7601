internal import CLibXML2
import Foundation

/// A failure of the test oracle itself.
public struct OracleError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
