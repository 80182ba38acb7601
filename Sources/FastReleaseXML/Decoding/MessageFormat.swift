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
