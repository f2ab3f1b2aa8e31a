import Foundation

/// Renders rows as aligned columns for a terminal, counting East Asian wide
/// characters as two cells so Chinese labels line up.
enum TextTable {
    static func render(columns: [ResultColumn], rows: [[String?]]) -> String {
        let cells = [columns.map(\.name)] + rows.map { $0.map { ($0 ?? "").replacingOccurrences(of: "\n", with: " ") } }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in cells { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                let isLast = i == widths.count - 1
                line += columns[i].isNumeric && r > 0 ? pad + cell : cell + (isLast ? "" : pad)
                if !isLast { line += "  " }
            }
            out += line.trailingSpacesRemoved + "\n"
        }
        return out
    }

    /// Terminal columns a string takes: 2 for wide and full-width characters.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            case 0x0300...0x036F, 0x200B...0x200F: width
            default: width + 1
            }
        }
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
