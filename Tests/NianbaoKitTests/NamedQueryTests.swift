import Foundation
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// Named queries: the header format, its errors, the library listing, and
/// every shipped query of Queries/ run on the fixture database with its whole
/// output compared.
@Suite struct NamedQueryTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Queries")

    // MARK: - The header

    @Test func parsesTitleDescriptionAndParameters() throws {
        let text = """
            -- title: Penalties by year
            -- description: 行政处罚 decisions summed over
            --   description: the bodies' own reports, per year.
            -- param: from (default 1900): first year
            -- param: to (default 2100): last year, inclusive: really
            -- param: bureau: a bureau name (no default)
            --param:limit (default 10):how many
            -- a comment that is no header line
            SELECT :from, :to, :bureau, :limit
            """
        let query = try NamedQuery(name: "penalties", text: text, source: "penalties.sql")
        #expect(query.name == "penalties")
        #expect(query.title == "Penalties by year")
        #expect(query.description == "行政处罚 decisions summed over the bodies' own reports, per year.")
        #expect(query.parameters == [
            NamedQuery.Parameter(name: "from", defaultValue: "1900", description: "first year", kind: .integer),
            NamedQuery.Parameter(name: "to", defaultValue: "2100", description: "last year, inclusive: really", kind: .integer),
            NamedQuery.Parameter(name: "bureau", defaultValue: nil, description: "a bureau name (no default)", kind: .text),
            NamedQuery.Parameter(name: "limit", defaultValue: "10", description: "how many", kind: .integer),
        ])
        #expect(query.sql == text)
    }

    /// `-p from abc` once matched nothing and said nothing: a whole-number
    /// parameter (declared, or with a whole-number default) refuses text.
    @Test func parametersAreCheckedAgainstTheirKind() throws {
        let text = """
            -- title: T
            -- param: from (default 1900): first year
            -- param: year integer: report year
            -- param: code text (default 007): a code that keeps its zeros
            SELECT :from, :year, :code
            """
        let query = try NamedQuery(name: "t", text: text, source: "t.sql")
        #expect(query.parameters.map(\.kind) == [.integer, .integer, .text])
        #expect(try query.arguments(["year": "2023"]) == ["from": "1900", "year": "2023", "code": "007"])
        #expect(throws: NamedQueryError(source: "t", line: 0, reason: "parameter from takes a whole number (first year), not “abc”")) {
            try query.arguments(["from": "abc", "year": "2023"])
        }
        #expect(throws: NamedQueryError.self) { try query.arguments(["year": "二〇二三"]) }
        #expect(try query.arguments(["year": "2023", "code": "abc"])["code"] == "abc")
    }

    @Test func aQueryWithoutParametersOrDescription() throws {
        let query = try NamedQuery(name: "x", text: "-- title: Only a title\nSELECT 1;\n", source: "x.sql")
        #expect(query.title == "Only a title")
        #expect(query.description == "")
        #expect(query.parameters.isEmpty)
        #expect(try query.arguments([:]) == [:])
    }

    @Test func aFileWithoutATitleIsAnErrorNamingFileAndLine() {
        do {
            _ = try NamedQuery(name: "untitled", text: "-- description: no title here\nSELECT 1;\n", source: "Queries/untitled.sql")
            Issue.record("a query without a title must be refused")
        } catch {
            #expect(error == NamedQueryError(source: "Queries/untitled.sql", line: 1, reason: "no `-- title:` line"))
            #expect(error.description == "Queries/untitled.sql line 1: no `-- title:` line")
        }
    }

    @Test func aBadParamLineIsAnErrorOnItsLine() {
        let text = "-- title: T\n-- description: D\n\n-- param: from 1900\nSELECT :from\n"
        do {
            _ = try NamedQuery(name: "bad", text: text, source: "bad.sql")
            Issue.record("a param line without a colon must be refused")
        } catch {
            #expect(error.source == "bad.sql")
            #expect(error.line == 4)
            #expect(error.description == "bad.sql line 4: a param line reads `-- param: name (default value): description`")
        }
    }

    @Test func argumentsFillDefaultsAndRefuseUnknownOrMissingParameters() throws {
        let query = try NamedQuery(
            name: "q", text: "-- title: Q\n-- param: from (default 1900): first\n-- param: bureau: whose\nSELECT :from, :bureau\n",
            source: "q.sql")
        #expect(try query.arguments(["bureau": "甲局"]) == ["from": "1900", "bureau": "甲局"])
        #expect(try query.arguments(["bureau": "甲局", "from": "2020"]) == ["from": "2020", "bureau": "甲局"])
        do {
            _ = try query.arguments(["from": "2020"])
            Issue.record("a parameter without default and value must fail")
        } catch {
            #expect(error == NamedQueryError(source: "q", line: 0, reason: "parameter bureau has no value; pass -p bureau VALUE"))
            #expect(error.description == "q: parameter bureau has no value; pass -p bureau VALUE")
        }
        do {
            _ = try query.arguments(["bureau": "甲局", "year": "2020"])
            Issue.record("an unknown parameter must fail")
        } catch {
            #expect(error.description == "q: no parameter year; this query takes from, bureau")
        }
    }

    @Test func aLibraryWithABadFileNamesTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        try "-- title: Good\nSELECT 1;\n".write(to: directory.appendingPathComponent("a_good.sql"), atomically: true, encoding: .utf8)
        try "SELECT 2;\n".write(to: directory.appendingPathComponent("b_bad.sql"), atomically: true, encoding: .utf8)
        try "not a query".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try QueryLibrary(directory: directory)
            Issue.record("a library with an untitled query must fail")
        } catch {
            #expect(error.source.hasSuffix("/b_bad.sql"))
            #expect(error.line == 1)
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("b_bad.sql"))
        let library = try QueryLibrary(directory: directory)
        #expect(library.queries.map(\.name) == ["a_good"])
        #expect(library.query("a_good")?.title == "Good")
        #expect(library.query("notes") == nil)
    }

    // MARK: - The shipped library

    @Test func listingOfTheShippedQueries() throws {
        let library = try QueryLibrary(directory: Self.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".sql") }
            .map { String($0.dropLast(4)) }.sorted()
        #expect(library.queries.map(\.name) == files)
        #expect(CSV.text(library.listing) == CSV.crlf("""
            name,title,parameters,description
            appeals_by_year,Appeals by year,from=1900 to=2100,"Administrative reconsiderations (行政复议) and lawsuits (行政诉讼, both branches) about disclosure, and how many corrected the body, summed over own-scope reports per year."
            applications_by_year,Applications by year,from=1900 to=2100,"Disclosure applications received, carried over, handled and carried forward (总计 column), summed over own-scope reports per year."
            carry_over_mismatches,Carry-over mismatches across years,,S1: applications carried over into a year (上年结转) should equal those carried forward (结转下年度) in the same bureau's report of the year before; lists every pair that differs.
            correction_rates,Correction rates by year,from=1900 to=2100,"How often reconsiderations and lawsuits corrected the body: 结果纠正 against decided cases (维持 + 纠正 + 其他; 尚未审结 excluded), in percent, own-scope reports per year (NULL when nothing was decided)."
            coverage,Coverage,,"Which bureau-years are present, present with identity errors (flagged), or missing, for every bureau over the years from its first to its last report."
            disclosure_rate_by_bureau,Disclosure rate by bureau,from=1900 to=2100,"Per bureau and year, applications granted in full or in part (予以公开 + 部分公开) against applications handled (（七）总计), and the rate in percent (NULL when nothing was handled)."
            findings_summary,Findings summary,,"How many findings of each rule and severity the database holds, in how many reports."
            identical_tables,Identical tables in consecutive years,,"Copy-paste suspicion: a bureau whose sections 三 and 四 hold exactly the same numbers in two consecutive years, not all zero."
            normative_stock_flow,Normative-document stock and flow,,"S2 (V2021): 行政规范性文件 in force this year should be about those in force last year plus issued minus repealed this year; lists the bureau-years where it does not hold (amendments and re-codification break it, so this is a warning, not an error)."
            penalties_by_year,Penalties by year,from=1900 to=2100,"行政处罚 decisions (proactive.penalty.decisions) summed over the bodies' own reports, per year; aggregate reports are left out so no decision is counted twice."
            top_bureaus_by_applications,Top bureaus by applications,year=0 limit=10,The bureaus that received the most disclosure applications (requests.new.total) in a year; year 0 means the latest year in the database.

            """))
        #expect(QueryLibrary.defaultDirectory() != nil)
    }

    /// Every shipped query on the fixture (TrendFixture's table), with its
    /// default parameters: the whole CSV, worked out from the fixture's cells.
    static let expected: [String: String] = [
        "appeals_by_year": """
            year,reviews,reviews_corrected,lawsuits,lawsuits_corrected,reports
            2018,1,0,0,0,1
            2019,2,1,2,1,1
            2020,0,0,1,0,1
            2021,4,1,1,0,2
            2022,1,0,3,2,2
            2023,1,0,1,0,1

            """,
        "applications_by_year": """
            year,received,carried_in,handled,carried_out,reports
            2018,4,0,4,0,1
            2019,10,0,9,1,1
            2020,8,1,7,2,1
            2021,32,2,31,3,2
            2022,24,4,25,3,2
            2023,9,1,9,1,1

            """,
        "carry_over_mismatches": """
            bureau,previous_year,year,carried_forward_previous,carried_in,difference
            沭阳县发展和改革局,2021,2022,2,3,1

            """,
        "correction_rates": """
            year,review_corrected,review_decided,review_correction_rate,litigation_corrected,litigation_decided,litigation_correction_rate
            2018,0,1,0.0,0,0,
            2019,1,2,50.0,1,1,100.0
            2020,0,0,,0,1,0.0
            2021,1,4,25.0,0,1,0.0
            2022,0,0,,2,3,66.67
            2023,0,0,,0,1,0.0

            """,
        "coverage": """
            bureau,year,status,template,errors,warnings
            山亭区应急管理局,2018,present,V2019,0,0
            山亭区应急管理局,2019,present,V2019,0,0
            山亭区应急管理局,2020,present,V2019,0,0
            山亭区应急管理局,2021,present,V2021,0,0
            山亭区应急管理局,2022,present,V2021,0,0
            山亭区应急管理局,2023,present,V2021,0,1
            沭阳县人民政府,2022,present,V2021,0,0
            沭阳县发展和改革局,2021,present,V2021,0,0
            沭阳县发展和改革局,2022,present,V2021,0,2

            """,
        "disclosure_rate_by_bureau": """
            bureau,year,granted,handled,disclosure_rate
            山亭区应急管理局,2018,3,4,75.0
            山亭区应急管理局,2019,7,9,77.78
            山亭区应急管理局,2020,3,7,42.86
            山亭区应急管理局,2021,10,13,76.92
            山亭区应急管理局,2022,6,9,66.67
            山亭区应急管理局,2023,6,9,66.67
            沭阳县人民政府,2022,50,50,100.0
            沭阳县发展和改革局,2021,14,18,77.78
            沭阳县发展和改革局,2022,8,16,50.0

            """,
        "findings_summary": """
            severity,rule,findings,reports
            warning,S1,1,1
            warning,S2,1,1
            warning,identical_tables,1,1

            """,
        // 190 cells: 25 section-三 rows × 7 columns + 15 section-四 cells; the
        // 2022 tables hold 29 in 自然人 and 29 in 总计 (三) and 4 (四).
        "identical_tables": """
            bureau,previous_year,year,cells,total_of_cells
            山亭区应急管理局,2022,2023,190,62

            """,
        "normative_stock_flow": """
            bureau,year,in_force_previous,issued,repealed,in_force,difference
            沭阳县发展和改革局,2022,10,2,1,12,1

            """,
        "penalties_by_year": """
            year,penalties,reports_with_value,reports
            2018,5,1,1
            2019,12,1,1
            2020,0,1,1
            2021,22,2,2
            2022,29,2,2
            2023,18,1,1

            """,
        "top_bureaus_by_applications": """
            bureau,year,applications
            山亭区应急管理局,2023,9

            """,
    ]

    @Test func everyShippedQueryHasAnExpectedOutput() throws {
        let library = try QueryLibrary(directory: Self.folder)
        #expect(Set(library.queries.map(\.name)) == Set(Self.expected.keys))
    }

    @Test(arguments: NamedQueryTests.expected.keys.sorted())
    func shippedQueryOnTheFixture(_ name: String) throws {
        let library = try QueryLibrary(directory: Self.folder)
        let query = try #require(library.query(name), "Queries/\(name).sql")
        let db = try TrendDatabase.standard()
        let output = try db.csv(query.sql, try query.arguments([:]))
        #expect(output == CSV.crlf(try #require(Self.expected[name])))
    }

    @Test func shippedQueriesWithParameters() throws {
        let library = try QueryLibrary(directory: Self.folder)
        let db = try TrendDatabase.standard()
        func run(_ name: String, _ given: [String: String]) throws -> String {
            let query = try #require(library.query(name))
            return try db.csv(query.sql, try query.arguments(given))
        }
        #expect(try run("penalties_by_year", ["from": "2020"]) == CSV.crlf("""
            year,penalties,reports_with_value,reports
            2020,0,1,1
            2021,22,2,2
            2022,29,2,2
            2023,18,1,1

            """))
        #expect(try run("penalties_by_year", ["from": "2019", "to": "2020"]) == "year,penalties,reports_with_value,reports\r\n2019,12,1,1\r\n2020,0,1,1\r\n")
        #expect(try run("applications_by_year", ["from": "2030"]) == "year,received,carried_in,handled,carried_out,reports\r\n")
        // The consolidated report is a bureau too: it tops 2022.
        #expect(try run("top_bureaus_by_applications", ["year": "2022", "limit": "2"]) == CSV.crlf("""
            bureau,year,applications
            沭阳县人民政府,2022,50
            沭阳县发展和改革局,2022,15

            """))
        #expect(try run("top_bureaus_by_applications", ["year": "2021"]) == CSV.crlf("""
            bureau,year,applications
            沭阳县发展和改革局,2021,20
            山亭区应急管理局,2021,12

            """))
        #expect(try run("disclosure_rate_by_bureau", ["from": "2023", "to": "2023"]) == "bureau,year,granted,handled,disclosure_rate\r\n山亭区应急管理局,2023,6,9,66.67\r\n")
        #expect(try run("correction_rates", ["from": "2022", "to": "2022"]) == CSV.crlf("""
            year,review_corrected,review_decided,review_correction_rate,litigation_corrected,litigation_decided,litigation_correction_rate
            2022,0,0,,2,3,66.67

            """))
    }

    /// The SQL queries and the trend computation agree on what they share.
    @Test func queriesAgreeWithTrends() throws {
        let library = try QueryLibrary(directory: Self.folder)
        let db = try TrendDatabase.standard()
        let penalties = try db.store.readOnlyQuery(try #require(library.query("penalties_by_year")).sql, parameters: ["from": "1900", "to": "2100"])
        let trend = try db.trend(["penalties"])
        #expect(penalties.rows.map { [$0[0], $0[1]] } == trend.map { [String($0.year), $0.value?.description] })
        let applications = try db.store.readOnlyQuery(try #require(library.query("applications_by_year")).sql, parameters: ["from": "1900", "to": "2100"])
        let handled = try db.trend(["applications", "carried_in", "handled", "carried_out"])
        for row in applications.rows {
            let year = Int(row[0]!)!
            #expect(row[1] == handled.values("全部", "applications")[year])
            #expect(row[2] == handled.values("全部", "carried_in")[year])
            #expect(row[3] == handled.values("全部", "handled")[year])
            #expect(row[4] == handled.values("全部", "carried_out")[year])
        }
    }
}
