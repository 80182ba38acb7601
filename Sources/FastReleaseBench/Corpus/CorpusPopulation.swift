/// The enterprises of a corpus, spread over credit classes like Jiangsu's 2010 register
/// (702 class-1, 5,236 class-2, 4,635 class-3 enterprises; DOMAIN.md), with a few on the red
/// and black lists and in a demonstration zone, and the customs brokers that declare for them.
struct CorpusPopulation {
    struct Enterprise {
        let code: String
        let name: String
        let creditClass: Int
        let list: String
        let zone: String
    }

    /// How many enterprises of each standing, and what share of the declarations they make.
    static let standings: [(key: String, count: Int, volume: Double)] = [
        ("red", 60, 8), ("1", 702, 30), ("2", 5236, 40), ("3", 4635, 18), ("4", 400, 3.5), ("black", 40, 0.5),
    ]

    private(set) var enterprises: [Enterprise] = []
    private(set) var brokers: [Enterprise] = []
    private var byStanding: [String: Range<Int>] = [:]
    private let volume: WeightedTable<String>

    init(random: inout CorpusRandom) {
        var serial = 0
        for standing in Self.standings {
            let start = enterprises.count
            for _ in 0..<standing.count {
                serial += 1
                let creditClass = standing.key == "red" ? 1 : standing.key == "black" ? 4 : Int(standing.key)!
                let inZone = creditClass == 1 && random.chance(0.1)
                enterprises.append(
                    Enterprise(
                        code: "3302" + Self.digits(serial, 6), name: "跨境电商企业\(serial)号有限公司", creditClass: creditClass,
                        list: standing.key == "red" || standing.key == "black" ? standing.key : "",
                        zone: inZone ? "慈溪质量安全示范区" : ""))
            }
            byStanding[standing.key] = start..<enterprises.count
        }
        for number in 1...200 {
            brokers.append(
                Enterprise(
                    code: "3302" + Self.digits(900_000 + number, 6), name: "报关代理\(number)号有限公司",
                    creditClass: number % 10 == 0 ? 1 : 2,
                    list: "", zone: ""))
        }
        volume = WeightedTable(Self.standings.map { ($0.key, $0.volume) })
    }

    /// A seller, chosen by the share of declarations each standing makes.
    func seller(_ random: inout CorpusRandom) -> Enterprise {
        let range = byStanding[random.pick(volume)]!
        return enterprises[random.int(range.lowerBound...(range.upperBound - 1))]
    }

    /// A customs broker.
    func broker(_ random: inout CorpusRandom) -> Enterprise {
        brokers[random.int(0...(brokers.count - 1))]
    }

    /// The register, as the profile's `enterprises.csv`.
    var registerCSV: String {
        var text = "code,name,class,list,zone\n"
        for enterprise in enterprises + brokers {
            text +=
                "\(enterprise.code),\(enterprise.name),\(enterprise.creditClass),\(enterprise.list),\(enterprise.zone)\n"
        }
        return text
    }

    static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
