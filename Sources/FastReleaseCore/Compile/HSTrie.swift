/// A decimal trie over HS code digits: each node lists the rules anchored on that prefix.
///
/// Looking up a 10-digit code visits at most 10 nodes, whatever the number of rules.
struct HSTrie: Sendable {
    /// `children[node * 10 + digit]` is the child node, or 0 for none (node 0 is the root).
    private var children: [Int32] = [Int32](repeating: 0, count: 10)
    /// Rules anchored at each node.
    private var rules: [[Int32]] = [[]]

    var isEmpty: Bool { rules.count == 1 && rules[0].isEmpty }

    mutating func insert(_ prefix: HSCode, rule: Int32) {
        var node = 0
        for position in 0..<prefix.length {
            let slot = node * 10 + prefix.digit(at: position)
            if children[slot] == 0 {
                children[slot] = Int32(rules.count)
                rules.append([])
                children += [Int32](repeating: 0, count: 10)
            }
            node = Int(children[slot])
        }
        if rules[node].last != rule { rules[node].append(rule) }
    }

    /// Calls `visit` with every rule anchored on a prefix of `code`.
    @inline(__always)
    func forEachRule(matching code: HSCode, _ visit: (Int32) -> Void) {
        var node = 0
        var divisor = HSCode.powerOfTen(code.length - 1)
        for _ in 0..<code.length {
            let digit = Int(code.value / divisor % 10)
            let child = children[node * 10 + digit]
            if child == 0 { return }
            node = Int(child)
            for rule in rules[node] { visit(rule) }
            divisor /= 10
        }
    }
}
