/// Makes the synthetic declarations of a corpus.
struct DeclarationFactory {
    let population: CorpusPopulation
    let day: String
    private var serial = 0

    init(population: CorpusPopulation, day: String) {
        self.population = population
        self.day = day
    }

    mutating func guid(_ random: inout CorpusRandom) -> String {
        let hex = String(random.next(), radix: 16, uppercase: true) + String(random.next(), radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 32 - hex.count)) + hex
        let characters = Array(padded.prefix(32))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    mutating func declaration(
        _ direction: CEBCorpusWriter.ImportOrExport, dayFraction: Double, _ random: inout CorpusRandom
    ) -> CorpusDeclaration {
        serial += 1
        let number = CorpusPopulation.digits(serial, 9)
        let seconds = min(86_399, Int(dayFraction * 86_400) + random.int(0...59))
        let time =
            day + CorpusPopulation.digits(seconds / 3600, 2) + CorpusPopulation.digits(seconds / 60 % 60, 2)
            + CorpusPopulation.digits(seconds % 60, 2)
        let bonded = direction == .import && random.chance(0.55)
        let itemCount = Self.itemCount(&random)
        let destination = random.pick(CorpusCatalog.destinations)
        let origin = random.pick(CorpusCatalog.origins)
        var items: [CorpusDeclaration.Item] = []
        var grams = 0
        var value = 0
        for line in 1...itemCount {
            let goods = random.pick(direction == .import ? CorpusCatalog.importGoods : CorpusCatalog.exportGoods)
            let quantity = random.chance(0.8) ? 1 : random.int(2...6)
            let price = random.int(goods.price)
            var total = price * quantity
            if random.chance(0.003) { total = price }  // a line whose total does not add up
            grams += goods.grams * quantity
            value += total
            let country =
                direction == .import ? (random.chance(0.2) ? random.pick(CorpusCatalog.origins) : origin) : destination
            items.append(
                CorpusDeclaration.Item(
                    line: line, record: random.int(1...9999),
                    sku: "SKU" + goods.hs.suffix(6) + "-" + String(random.int(100...999)),
                    name: goods.name, hs: goods.hs, model: "规格\(random.int(1...40))号 \(goods.grams)g",
                    barCode: "69" + CorpusPopulation.digits(random.int(0...99_999_999), 8) + "000",
                    country: random.chance(0.0005) ? "001" : country,
                    quantity: quantity, unit: goods.unit, legalQuantity: Self.kilograms(goods.grams * quantity),
                    price: String(price), total: String(total)))
        }
        let surname = CorpusCatalog.surnames[random.int(0...(CorpusCatalog.surnames.count - 1))]
        let given = CorpusCatalog.givenNames[random.int(0...(CorpusCatalog.givenNames.count - 1))]
        let buyer = CorpusDeclaration.Buyer(
            idNumber: "3302" + CorpusPopulation.digits(random.int(0...99_999_999), 8)
                + CorpusPopulation.digits(random.int(0...999_999), 6),
            name: "\(surname)\(given)", telephone: "13" + CorpusPopulation.digits(random.int(0...999_999_999), 9),
            address: CorpusCatalog.cities[random.int(0...(CorpusCatalog.cities.count - 1))]
                + "幸福路\(random.int(1...999))号\(random.int(1...30))幢")
        let needsLicence = items.contains { ["8516", "8509", "8543", "9503"].contains(String($0.hs.prefix(4))) }
        return CorpusDeclaration(
            id: "CB\(day)\(number)", guid: guid(&random), appTime: time, orderNumber: "ORD\(day)\(number)",
            logisticsNumber: "LN\(day)\(number)", seller: population.seller(&random),
            broker: population.broker(&random),
            buyer: buyer, bonded: bonded,
            tradeMode: direction == .import ? (bonded ? "1210" : "9610") : (random.chance(0.8) ? "9610" : "9710"),
            licence: needsLicence && random.chance(0.7) ? "CCC\(day)\(number)" : "",
            headCountry: direction == .import ? (bonded ? "142" : origin) : destination,
            freight: String(random.int(0...60)), grossWeight: Self.kilograms(grams + 300),
            netWeight: Self.kilograms(grams),
            items: items)
    }

    /// 1-20 goods lines, mostly few.
    static func itemCount(_ random: inout CorpusRandom) -> Int {
        let draw = random.unit()
        switch draw {
        case ..<0.45: return 1
        case ..<0.65: return 2
        case ..<0.77: return 3
        case ..<0.84: return 4
        case ..<0.89: return 5
        case ..<0.97: return random.int(6...10)
        default: return random.int(11...20)
        }
    }

    static func kilograms(_ grams: Int) -> String {
        "\(grams / 1000).\(CorpusPopulation.digits(grams % 1000, 3))"
    }
}
