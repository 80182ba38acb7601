/// A small CEB621 message with the given inventory blocks.
public func cebMessage(
    _ inventories: String, root: String = "CEB621Message", namespace: String = "http://www.chinaport.gov.cn/ceb",
    prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
) -> String {
    """
    \(prolog)<ceb:\(root) guid="MSG-GUID" version="1.0" xmlns:ceb="\(namespace)">
    \(inventories)
    </ceb:\(root)>

    """
}

/// One small inventory block with a copNo, an order and a waybill named after it, and one goods line.
public func inventory(
    _ copNo: String, hs: String = "8541401000", country: String = "116", extraHead: String = "", qty: String = "2"
) -> String {
    """
      <ceb:Inventory>
        <ceb:InventoryHead>
          <ceb:copNo>\(copNo)</ceb:copNo>
          <ceb:appTime>20261115103000</ceb:appTime>
          <ceb:orderNo>ORDER-\(copNo)</ceb:orderNo>
          <ceb:ebcCode>1101110325</ceb:ebcCode>
          <ceb:logisticsNo>WAYBILL-\(copNo)</ceb:logisticsNo>
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
