/// The service's OpenAPI 3.1 document, `docs/openapi.yaml`, answered at `GET /openapi.yaml`.
///
/// It is built into the binary (`OpenAPIDocument+Embedded.swift`, written by
/// `scripts/embed-files.py`), so that an installed `fastrelease` serves it from anywhere.
///
/// ```swift
/// let document: String = OpenAPIDocument.text
/// ```
public enum OpenAPIDocument {
    /// The document's YAML text.
    public static var text: String { yaml + "\n" }
}
