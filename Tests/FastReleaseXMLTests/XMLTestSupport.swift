import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation

/// Decodes bytes as one input stream, the way `fastrelease score` does, with a small read
/// buffer so that messages cross chunk boundaries.
func decodeStream(_ bytes: [UInt8], limits: XMLLimits = XMLLimits(), chunkSize: Int = 4096) throws -> [DecodedRecord] {
    let folder = try TemporaryDirectory()
    let file = try folder.write("stream.xml", Data(bytes))
    var source = InputFrameSource(paths: [file.path], limits: limits, chunkSize: chunkSize)
    return decodeAll(&source, limits: limits)
}

/// Decodes every message of a source, framing problems included, in order.
func decodeAll(_ source: inout InputFrameSource, limits: XMLLimits = XMLLimits()) -> [DecodedRecord] {
    let decoder = XMLMessageDecoder(limits: limits)
    var records: [DecodedRecord] = []
    while let frame = source.next() {
        if let problem = frame.problem {
            records.append(.error(problem))
        } else {
            decoder.decode(frame, into: &records)
        }
    }
    return records
}

func decodeStream(_ text: String, limits: XMLLimits = XMLLimits()) throws -> [DecodedRecord] {
    try decodeStream(Array(text.utf8), limits: limits)
}

extension [DecodedRecord] {
    var declarations: [Declaration] {
        compactMap { if case .declaration(let declaration, _) = $0 { declaration } else { nil } }
    }

    var errors: [DeclarationError] {
        compactMap { if case .error(let error) = $0 { error } else { nil } }
    }
}

/// Paths of this target's own fixtures.
enum XMLFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

/// A small CEB621 message with the given inventory blocks.
func cebMessage(
    _ inventories: String, root: String = "CEB621Message", namespace: String = "http://www.chinaport.gov.cn/ceb",
    prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
) -> String {
    """
    \(prolog)<ceb:\(root) guid="MSG-GUID" version="1.0" xmlns:ceb="\(namespace)">
    \(inventories)
    </ceb:\(root)>

    """
}

/// One small inventory block with a copNo and one goods line.
func inventory(
    _ copNo: String, hs: String = "8541401000", country: String = "116", extraHead: String = "", qty: String = "2"
) -> String {
    """
      <ceb:Inventory>
        <ceb:InventoryHead>
          <ceb:copNo>\(copNo)</ceb:copNo>
          <ceb:appTime>20261115103000</ceb:appTime>
          <ceb:ebcCode>1101110325</ceb:ebcCode>
          <ceb:agentCode>1105910159</ceb:agentCode>
          <ceb:ieFlag>I</ceb:ieFlag>
          <ceb:tradeMode>9610</ceb:tradeMode>
          <ceb:country>\(country)</ceb:country>
          <ceb:currency>142</ceb:currency>\(extraHead)
        </ceb:InventoryHead>
        <ceb:InventoryList>
          <ceb:gnum>1</ceb:gnum>
          <ceb:gcode>\(hs)</ceb:gcode>
          <ceb:gname>LED lamp</ceb:gname>
          <ceb:country>116</ceb:country>
          <ceb:qty>\(qty)</ceb:qty>
          <ceb:unit>007</ceb:unit>
          <ceb:price>10</ceb:price>
          <ceb:totalPrice>20</ceb:totalPrice>
        </ceb:InventoryList>
      </ceb:Inventory>
    """
}
