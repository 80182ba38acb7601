/// Writes synthetic CEB621 and CEB603 messages with every field the official samples carry,
/// about 3-4 KB per declaration.
struct CEBCorpusWriter {
    /// One message being written.
    struct Message {
        let direction: ImportOrExport
        let guid: String
        let platform: (code: String, name: String)
        let logistics: (code: String, name: String)
        let office: (customs: String, port: String)
        let day: String  // yyyyMMdd
    }

    enum ImportOrExport { case `import`, export }

    private(set) var text = ""

    mutating func begin(_ message: Message) {
        text = ""
        text.reserveCapacity(64 << 10)
        let root = message.direction == .import ? "CEB621Message" : "CEB603Message"
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:\(root) guid=\"\(message.guid)\" version=\"1.0\"\n"
        text += "                   xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">\n"
    }

    mutating func end(_ message: Message, transmitter: (code: String, name: String)) {
        text += "\t<ceb:BaseTransfer>\n"
        field(2, "copCode", transmitter.code)
        field(2, "copName", transmitter.name)
        field(2, "dxpMode", "DXP")
        field(2, "dxpId", "DXPENT" + transmitter.code)
        field(2, "note", "")
        text += "\t</ceb:BaseTransfer>\n"
        text += message.direction == .import ? "</ceb:CEB621Message>\n" : "</ceb:CEB603Message>\n"
    }

    /// One `Inventory` block.
    mutating func inventory(_ declaration: CorpusDeclaration, in message: Message) {
        text += "\t<ceb:Inventory>\n\t\t<ceb:InventoryHead>\n"
        field(3, "guid", declaration.guid)
        field(3, "appType", "1")
        field(3, "appTime", declaration.appTime)
        field(3, "appStatus", "2")
        field(3, "orderNo", declaration.orderNumber)
        field(3, "ebpCode", message.platform.code)
        field(3, "ebpName", message.platform.name)
        field(3, "ebcCode", declaration.seller.code)
        field(3, "ebcName", declaration.seller.name)
        field(3, "logisticsNo", declaration.logisticsNumber)
        field(3, "logisticsCode", message.logistics.code)
        field(3, "logisticsName", message.logistics.name)
        field(3, "copNo", declaration.id)
        field(3, "preNo", "")
        field(3, "assureCode", declaration.seller.code)
        field(3, "emsNo", declaration.bonded ? "T2914W000" + String(declaration.seller.code.suffix(3)) : "")
        field(3, "invtNo", "")
        field(3, "ieFlag", message.direction == .import ? "I" : "E")
        field(3, "declTime", message.day)
        field(3, "customsCode", message.office.customs)
        field(3, "portCode", message.office.port)
        field(3, "ieDate", message.day)
        if message.direction == .import {
            field(3, "buyerIdType", "1")
            field(3, "buyerIdNumber", declaration.buyer.idNumber)
            field(3, "buyerName", declaration.buyer.name)
            field(3, "buyerTelephone", declaration.buyer.telephone)
            field(3, "consigneeAddress", declaration.buyer.address)
        } else {
            field(3, "statisticsFlag", "A")
            field(3, "ownerCode", declaration.seller.code)
            field(3, "ownerName", declaration.seller.name)
        }
        field(3, "agentCode", declaration.broker.code)
        field(3, "agentName", declaration.broker.name)
        if message.direction == .import {
            field(3, "areaCode", declaration.bonded ? "3302W6" + declaration.seller.code.suffix(4) : "")
            field(3, "areaName", declaration.bonded ? "宁波保税区" : "")
        }
        field(3, "tradeMode", declaration.tradeMode)
        field(3, "trafMode", declaration.bonded ? "Y" : "5")
        field(3, message.direction == .import ? "trafNo" : "trafName", declaration.bonded ? "" : "CA1042")
        field(3, "voyageNo", declaration.bonded ? "" : "20261111")
        field(3, "billNo", declaration.bonded ? "" : "999-" + declaration.logisticsNumber.suffix(8))
        field(3, "loctNo", "")
        field(3, "licenseNo", declaration.licence)
        field(3, "country", declaration.headCountry)
        if message.direction == .export { field(3, "POD", "USLAX") }
        field(3, "freight", declaration.freight)
        field(3, "insuredFee", "0")
        if message.direction == .import { field(3, "currency", "142") }
        field(3, "wrapType", "2")
        field(3, "packNo", "1")
        field(3, "grossWeight", declaration.grossWeight)
        field(3, "netWeight", declaration.netWeight)
        field(3, "note", "")
        text += "\t\t</ceb:InventoryHead>\n"
        for item in declaration.items {
            text += "\t\t<ceb:InventoryList>\n"
            field(3, "gnum", String(item.line))
            field(3, "itemRecordNo", declaration.bonded ? String(item.record) : "")
            field(3, "itemNo", item.sku)
            field(3, "itemName", item.name)
            field(3, "gcode", item.hs)
            field(3, "gname", item.name)
            field(3, "gmodel", item.model)
            field(3, "barCode", item.barCode)
            field(3, "country", item.country)
            if message.direction == .import { field(3, "tradeCountry", item.country) }
            field(3, "currency", "142")
            field(3, "qty", String(item.quantity))
            field(3, "unit", item.unit)
            field(3, "qty1", item.legalQuantity)
            field(3, "unit1", "035")
            field(3, "price", item.price)
            field(3, "totalPrice", item.total)
            field(3, "note", "")
            text += "\t\t</ceb:InventoryList>\n"
        }
        text += "\t</ceb:Inventory>\n"
    }

    private mutating func field(_ depth: Int, _ name: String, _ value: some StringProtocol) {
        for _ in 0..<depth { text += "\t" }
        text += "<ceb:"
        text += name
        text += ">"
        text += value
        text += "</ceb:"
        text += name
        text += ">\n"
    }
}
