/// The enterprises the authority knows, with their credit standing.
///
/// Kept as a data file beside the profile (`enterprises.csv`), one row per enterprise:
///
/// ```csv
/// code,name,class,list,zone
/// 3301960001,Ningbo Bonded Trading,1,red,Cixi demonstration zone
/// ```
public struct EnterpriseRegister: Sendable, Hashable {
    /// One registered enterprise.
    public struct Enterprise: Sendable, Hashable {
        /// The enterprise code as declarations carry it.
        public var code: String
        /// The enterprise's name.
        public var name: String
        /// Credit class 1 (most trusted) to 4 (strict supervision).
        public var creditClass: Int
        /// Red or black list, if listed.
        public var list: EnterpriseList?
        /// Demonstration zone, or empty.
        public var zone: String

        /// Creates an entry.
        public init(code: String, name: String, creditClass: Int, list: EnterpriseList? = nil, zone: String = "") {
            self.code = code
            self.name = name
            self.creditClass = creditClass
            self.list = list
            self.zone = zone
        }
    }

    /// Entries by code.
    public private(set) var enterprises: [String: Enterprise]

    /// Creates a register.
    public init(_ enterprises: [Enterprise] = []) {
        self.enterprises = Dictionary(enterprises.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry for a code.
    public subscript(code: String) -> Enterprise? { enterprises[code] }

    /// How many enterprises are registered.
    public var count: Int { enterprises.count }
}
