import Testing
@testable import NianbaoKit

/// Exact base-10 numbers: 万元 amounts must travel without float rounding.
@Suite struct ExactDecimalTests {
    private func d(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExactDecimal {
        try #require(ExactDecimal(text), "ExactDecimal(\"\(text)\") is nil", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("0", "0"), ("7", "7"), ("007", "7"), ("26.55", "26.55"), ("0.50", "0.5"), ("1.000", "1"),
        ("-3", "-3"), ("+4", "4"), ("-0", "0"), ("-0.0", "0"), ("00.5", "0.5"), ("0.05", "0.05"),
        ("190.457379", "190.457379"), ("160.5964", "160.5964"), ("1347", "1347"), ("100", "100"),
    ])
    func canonicalDescription(_ input: String, _ expected: String) throws {
        #expect(try d(input).description == expected)
    }

    @Test func partsAreNormalised() throws {
        let half = try d("0.50")
        #expect(half.digits == "5")
        #expect(half.scale == 1)
        #expect(!half.isNegative)
        let seven = try d("007")
        #expect(seven.digits == "7")
        #expect(seven.scale == 0)
        let zero = try d("-0")
        #expect(zero.digits == "0")
        #expect(!zero.isNegative)
        #expect(try d("-2.5").isNegative)
    }

    @Test func equalValuesAreEqualWhateverTheSpelling() throws {
        #expect(try d("0.5") == d("0.50"))
        #expect(try d("7") == d("007"))
        #expect(try d("0") == d("-0"))
        #expect(try d("+4") == ExactDecimal(4))
        #expect(try d("-7") == ExactDecimal(-7))
        #expect(try d("1.0") == ExactDecimal(1))
        #expect(try d("1.5") != d("15"))
    }

    @Test func integerInitialiser() {
        #expect(ExactDecimal(0).description == "0")
        #expect(ExactDecimal(42).description == "42")
        #expect(ExactDecimal(-7).description == "-7")
        #expect(ExactDecimal(-7).isNegative)
    }

    @Test(arguments: [
        ("251000", 4, "25.1"), ("5", 4, "0.0005"), ("160.5964", 0, "160.5964"), ("10000", 4, "1"),
        ("1", 1, "0.1"), ("123456", 4, "12.3456"), ("0", 4, "0"), ("-20000", 4, "-2"), ("26.55", 2, "0.2655"),
    ])
    func shiftedDividesByPowersOfTen(_ input: String, _ places: Int, _ expected: String) throws {
        #expect(try d(input).shifted(by: places).description == expected)
    }

    @Test func shiftedIsExactNotFloatingPoint() throws {
        // 0.1 + 0.2 style rounding must not appear: 3 元 → 0.0003 万元 exactly.
        let shifted = try d("3").shifted(by: 4)
        #expect(shifted.description == "0.0003")
        #expect(shifted.scale == 4)
        #expect(try shifted == d("0.0003"))
    }

    @Test func integerValue() throws {
        #expect(try d("42").integerValue == 42)
        #expect(try d("-2").integerValue == -2)
        #expect(try d("+4").integerValue == 4)
        #expect(try d("0").integerValue == 0)
        #expect(try d("2.0").integerValue == 2)
        #expect(try d("2.5").integerValue == nil)
        #expect(try d("0.0005").integerValue == nil)
        // Too large for 64 bits.
        #expect(try d("99999999999999999999999").integerValue == nil)
    }

    @Test func comparison() throws {
        #expect(try d("1.5") < d("2"))
        #expect(try !(d("2") < d("1.5")))
        #expect(try d("9.99") < d("10"))
        #expect(try d("-2") < d("1"))
        #expect(try d("-3") < d("-2"))
        #expect(try d("-3") < d("-2.5"))
        #expect(try !(d("-2.5") < d("-3")))
        #expect(try d("0.05") < d("0.5"))
        #expect(try d("25.1") > d("25.09"))
        #expect(try !(d("0.5") < d("0.50")))
        #expect(try !(d("0") < d("-0")))
        #expect(try d("0") > d("-1"))
        #expect(try [d("10"), d("-1"), d("2.5"), d("0")].sorted().map(\.description) == ["-1", "0", "2.5", "10"])
    }

    @Test(arguments: [
        "1.", ".5", "1e5", "", "+", "-", "1,000", "1.2.3", " 1", "1 ", "abc", "1O", "--1", "+-1", "１２", "0x10", "½",
    ])
    func rejectsNonPlainDecimal(_ input: String) {
        #expect(ExactDecimal(input) == nil, "ExactDecimal(\"\(input)\") should be nil")
    }

    @Test func doubleValueIsTheNearestDouble() throws {
        #expect(try d("25.1").doubleValue == 25.1)
        #expect(try d("-3").doubleValue == -3)
    }
}
