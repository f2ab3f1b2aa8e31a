/// A ``ResultTable`` as an HTML table, every value escaped; numbers right-aligned.
enum HTMLTable {
    static func render(_ table: ResultTable, language: String, caption: String? = nil) -> String {
        var html = "<table>\n"
        if let caption { html += "<caption>\(XMLText.escape(caption))</caption>\n" }
        html += "<thead><tr>"
        for column in table.columns {
            let name = language == "zh" ? column.chinese ?? column.name : column.name
            html += "<th>\(XMLText.escape(name))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, value) in row.enumerated() {
                let numeric = table.columns.indices.contains(index) && table.columns[index].isNumeric
                html += numeric ? "<td class=\"n\">" : "<td>"
                html += XMLText.escape(value ?? "") + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A table as CSV text (UTF-8, CRLF, quoted as RFC 4180), for the files beside the page.
    static func csv(_ table: ResultTable) -> String {
        let sink = OutputSink()
        let writer = RowWriter(format: .csv, sink: sink)
        writer.begin(table.columns)
        table.rows.forEach(writer.write)
        writer.end()
        return String(decoding: sink.collected, as: UTF8.self)
    }
}
