/// What each CEB message number is, so that a message that is not an inventory is refused
/// with a precise reason. Numbers and meanings from the GACC 2022-05 CEB specification.
enum CEBMessageKinds {
    static let namespace = "http://www.chinaport.gov.cn/ceb"

    static let names: [String: String] = [
        "CEB303": "an export order", "CEB304": "an export order receipt",
        "CEB311": "an import order", "CEB312": "an import order receipt",
        "CEB403": "an export receipt-of-payment message", "CEB404": "its receipt",
        "CEB411": "an import payment message", "CEB412": "an import payment receipt",
        "CEB505": "an export logistics waybill", "CEB506": "its receipt",
        "CEB507": "an export arrival report", "CEB508": "its receipt",
        "CEB509": "an export departure list", "CEB510": "its receipt",
        "CEB511": "an import logistics waybill", "CEB512": "an import logistics receipt",
        "CEB513": "an import logistics status message", "CEB514": "its receipt",
        "CEB604": "an export inventory receipt (customs to enterprise)",
        "CEB605": "an export inventory cancellation", "CEB606": "its receipt",
        "CEB607": "an export waybill declaration", "CEB608": "its receipt",
        "CEB622": "an import inventory receipt (customs to enterprise)",
        "CEB623": "an import inventory cancellation application", "CEB624": "its receipt",
        "CEB625": "an import refund application", "CEB626": "its receipt",
        "CEB701": "an export summary application", "CEB702": "its receipt",
        "CEB711": "an import delivery (in-area transfer) message", "CEB712": "its receipt",
    ]

    /// Why a CEB root other than an inventory is refused, or `nil` if it is not a CEB root.
    static func refusal(root: String, namespace: String?) -> String? {
        guard namespace == Self.namespace, root.hasPrefix("CEB"), root.hasSuffix("Message") else { return nil }
        let number = String(root.dropLast("Message".count))
        let kind = names[number].map { ", \($0)," } ?? ""
        return
            "\(number)\(kind) is not a declaration message; FastRelease decides CEB621 import and CEB603 export inventories"
    }
}
