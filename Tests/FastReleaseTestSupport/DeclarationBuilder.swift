public import FastReleaseCore

/// Makes declarations for tests with sensible defaults.
public enum DeclarationBuilder {
    /// An import declaration from seller `E2`, declarant `D1`, one item of HS `8541401000`
    /// from Japan, declared on 2026-11-15; change it with `configure`.
    public static func make(
        id: String = "DECL-1", direction: Direction = .import, _ configure: (inout Declaration) -> Void = { _ in }
    ) -> Declaration {
        var declaration = Declaration(
            format: "TEST", direction: direction, position: SourcePosition(source: "test", line: 1, column: 1))
        declaration.id = id
        declaration.messageID = "MSG-1"
        declaration.procedure = "9610"
        declaration.declaredAt = CivilTime(year: 2026, month: 11, day: 15, hour: 10)
        declaration.currency = "CNY"
        declaration.totalValue = 100
        declaration.parties[.seller] = Party(code: "E2", name: "Class two")
        declaration.parties[.declarant] = Party(code: "D1", name: "Declarant")
        var item = DeclarationItem(line: 1)
        item.hs = HSCode("8541401000")
        item.description = "LED lamp"
        item.quantity = 10
        item.unitPrice = 10
        item.value = 100
        item.currency = "CNY"
        item.originCountry = CountryCode("JP")
        declaration.items = [item]
        configure(&declaration)
        return declaration
    }

    /// A goods line with the given HS code.
    public static func item(
        line: Int, hs: String, description: String = "goods", quantity: Double = 1, origin: String? = "JP"
    ) -> DeclarationItem {
        var item = DeclarationItem(line: line)
        item.hs = HSCode(hs)
        item.description = description
        item.quantity = quantity
        item.unitPrice = 1
        item.value = quantity
        item.currency = "CNY"
        item.originCountry = origin.flatMap { CountryCode($0) }
        return item
    }
}
