/// CEB603 exports of fur coats to Russia by `1105910165` that cite a raw-material lot as
/// account book `book`, item record 17 (lot `book/17`), declared on 2026-11-15.
public enum FurExportFixture {
    /// A message holding `inventories`, with message guid `guid` (a CEB change's revision).
    public static func message(_ inventories: [String], guid: String = "FUR-MSG") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ceb:CEB603Message guid="\(guid)" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
        \(inventories.joined(separator: "\n"))
        </ceb:CEB603Message>

        """
    }

    /// One inventory (`appType` 1 new, 2 amendment, 3 cancellation) of `coats` fox fur coats by
    /// `maker`, citing lot `book/17` (none when `book` is empty).
    public static func inventory(
        _ copNo: String, book: String, coats: Int, appType: Int = 1, maker: String = "1105910165",
        itemRecord: String = "17"
    ) -> String {
        let lot = book.isEmpty ? "" : "<ceb:emsNo>\(book)</ceb:emsNo>"
        let record = book.isEmpty ? "" : "<ceb:itemRecordNo>\(itemRecord)</ceb:itemRecordNo>"
        return """
              <ceb:Inventory>
                <ceb:InventoryHead>
                  <ceb:guid>\(copNo)-GUID</ceb:guid>
                  <ceb:appType>\(appType)</ceb:appType>
                  <ceb:appTime>20261115103000</ceb:appTime>
                  <ceb:copNo>\(copNo)</ceb:copNo>
                  <ceb:ieFlag>E</ceb:ieFlag>
                  <ceb:agentCode>1105910159</ceb:agentCode>
                  <ceb:ebcCode>\(maker)</ceb:ebcCode>
                  <ceb:ownerCode>\(maker)</ceb:ownerCode>
                  \(lot)
                  <ceb:tradeMode>9610</ceb:tradeMode>
                  <ceb:country>344</ceb:country>
                </ceb:InventoryHead>
                <ceb:InventoryList>
                  <ceb:gnum>1</ceb:gnum>
                  \(record)
                  <ceb:gcode>4303101000</ceb:gcode>
                  <ceb:gname>fox fur coat</ceb:gname>
                  <ceb:country>344</ceb:country>
                  <ceb:currency>142</ceb:currency>
                  <ceb:qty>\(coats)</ceb:qty>
                  <ceb:unit>007</ceb:unit>
                  <ceb:qty1>\(coats)</ceb:qty1>
                  <ceb:unit1>007</ceb:unit1>
                  <ceb:price>9000</ceb:price>
                  <ceb:totalPrice>\(coats * 9000)</ceb:totalPrice>
                </ceb:InventoryList>
              </ceb:Inventory>
            """
    }

    /// `lots.csv` rows for lot `book/17`: tanned fox hides from the suspended tannery, with
    /// `conforming` hides (2.5 make a coat), and `lot-tests.csv` rows that pass both tests.
    public static func lotFiles(book: String, conforming: Int) -> (lots: String, tests: String) {
        (
            "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\n"
                + "\(book)/17,1105910165,tanned fox hides,4302191000,TAN-0002,\(conforming),H87,\(conforming),2027-03-31\n",
            "lot,test,passed,tested_at\n\(book)/17,free-formaldehyde,pass,2026-10-12T09:00:00\n"
                + "\(book)/17,azo-dyes,pass,2026-10-12T09:00:00\n"
        )
    }
}
