/// The CEB element names the inventory decoder reads (local names, namespace
/// `http://www.chinaport.gov.cn/ceb`). Names not listed are skipped.
enum CEBElement: String, CaseIterable {
    // Structure
    case inventory = "Inventory", inventoryHead = "InventoryHead", inventoryList = "InventoryList"
    // Inventory head (CEB621 and CEB603)
    case guid, appType, appTime, orderNo, ebpCode, ebpName, ebcCode, ebcName
    case logisticsNo, logisticsCode, logisticsName, copNo, preNo, invtNo, ieFlag
    case customsCode, portCode, buyerIdNumber, buyerName, agentCode, agentName
    case tradeMode, trafMode, licenseNo, country, freight, insuredFee, currency
    case packNo, grossWeight, netWeight, ownerCode, ownerName, emsNo, statisticsFlag
    // Inventory list (goods lines)
    case gnum, gcode, gname, qty, unit, qty1, unit1, price, totalPrice, itemRecordNo

    /// Looks up a libxml2 name.
    @inline(__always)
    static func named(_ name: UnsafePointer<UInt8>) -> CEBElement? {
        table.lookup(name).map { cases[$0] }
    }

    private static let cases = allCases
    private static let table = NameTable(cases.map(\.rawValue))
}
