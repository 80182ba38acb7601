/// One synthetic declaration, before it is written.
struct CorpusDeclaration {
    struct Buyer {
        let idNumber: String
        let name: String
        let telephone: String
        let address: String
    }

    struct Item {
        let line: Int
        let record: Int
        let sku: String
        let name: String
        let hs: String
        let model: String
        let barCode: String
        let country: String
        let quantity: Int
        let unit: String
        let legalQuantity: String
        let price: String
        let total: String
    }

    let id: String
    let guid: String
    let appTime: String
    let orderNumber: String
    let logisticsNumber: String
    let seller: CorpusPopulation.Enterprise
    let broker: CorpusPopulation.Enterprise
    let buyer: Buyer
    let bonded: Bool
    let tradeMode: String
    let licence: String
    let headCountry: String
    let freight: String
    let grossWeight: String
    let netWeight: String
    let items: [Item]
}
