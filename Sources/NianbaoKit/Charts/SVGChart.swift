import Foundation

/// Chart panels as one SVG document: small multiples stacked, each with its
/// title and unit, round ticks, a legend, lines broken where a year has no
/// value, flagged points ringed in red and points that leave reports out
/// ringed in dashed orange. Every point carries its group,
/// year and exact value as data attributes, so tests (and scripts) read the
/// numbers back; every text is escaped.
public enum SVGChart {
    static let width = 800.0
    static let panelHeight = 320.0
    static let plot = (left: 70.0, right: 560.0, top: 48.0, bottom: 270.0)
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    ]
    static let font = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"

    public static func render(_ panels: [ChartPanel], language: String = "zh") -> String {
        let height = max(1, Double(panels.count)) * panelHeight
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="\(font)" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        if panels.isEmpty {
            svg += "<text x=\"20\" y=\"40\">\(language == "en" ? "No data" : "没有数据")</text>\n"
        }
        // One colour per group across every panel, in the order groups first appear.
        var colors: [String: String] = [:]
        for series in panels.flatMap(\.series) where colors[series.name] == nil {
            colors[series.name] = palette[colors.count % palette.count]
        }
        for (index, panel) in panels.enumerated() {
            svg += self.panel(panel, top: Double(index) * panelHeight, colors: colors, language: language)
        }
        return svg + "</svg>\n"
    }

    private static func panel(_ panel: ChartPanel, top: Double, colors: [String: String], language: String) -> String {
        let values = panel.series.flatMap(\.points).compactMap { $0.value?.doubleValue }
        let ticks = Self.ticks(low: min(0, values.min() ?? 0), high: max(values.max() ?? 1, 0))
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let years = Array(panel.years)
        let x = { (year: Int) -> Double in
            years.count < 2 ? (plot.left + plot.right) / 2
                : plot.left + (plot.right - plot.left) * Double(year - panel.years.lowerBound) / Double(years.count - 1)
        }
        let y = { (value: Double) -> Double in
            top + plot.bottom - (plot.bottom - plot.top) * (high == low ? 0 : (value - low) / (high - low))
        }
        let unit = panel.unit == "%" ? "%" : panel.unit
        var out = "<g class=\"panel\" data-measure=\"\(XMLText.escape(panel.measure))\">\n"
        out += "<text x=\"\(plot.left)\" y=\"\(fmt(top + 26))\" font-size=\"16\" font-weight=\"bold\">"
            + "\(XMLText.escape(panel.title))（\(XMLText.escape(unit))）</text>\n"
        // Axes and round ticks.
        for tick in ticks {
            let ty = y(tick)
            out += "<line x1=\"\(plot.left)\" y1=\"\(fmt(ty))\" x2=\"\(plot.right)\" y2=\"\(fmt(ty))\" stroke=\"#e0e0e0\"/>"
            out += "<text x=\"\(fmt(plot.left - 6))\" y=\"\(fmt(ty + 4))\" text-anchor=\"end\" fill=\"#444\">"
                + "\(label(tick, step: ticks.count > 1 ? ticks[1] - ticks[0] : 1))\(panel.unit == "%" ? "%" : "")</text>\n"
        }
        let every = max(1, Int((Double(years.count) / 12).rounded(.up)))
        for (index, year) in years.enumerated() where index % every == 0 {
            out += "<text x=\"\(fmt(x(year)))\" y=\"\(fmt(top + plot.bottom + 18))\" text-anchor=\"middle\" fill=\"#444\">\(year)</text>\n"
        }
        out += "<line x1=\"\(plot.left)\" y1=\"\(fmt(top + plot.bottom))\" x2=\"\(plot.right)\" y2=\"\(fmt(top + plot.bottom))\" stroke=\"#888\"/>\n"
        // Lines, broken at years without a value; then the points.
        for series in panel.series {
            let color = colors[series.name] ?? palette[0]
            var run: [String] = []
            func flush() {
                if run.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>\n" }
                run = []
            }
            for point in series.points {
                guard let value = point.value?.doubleValue else { flush(); continue }
                run.append("\(fmt(x(point.year))),\(fmt(y(value)))")
            }
            flush()
            for point in series.points {
                guard let value = point.value else { continue }
                let cx = fmt(x(point.year)), cy = fmt(y(value.doubleValue))
                let shown = "\(value)\(panel.unit == "%" ? "%" : " " + panel.unit)"
                out += "<circle class=\"point\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\" fill=\"\(color)\" data-group=\"\(XMLText.escape(series.name))\" "
                    + "data-year=\"\(point.year)\" data-value=\"\(value)\" data-flagged=\"\(point.flagged)\" data-left-out=\"\(point.leftOut)\">"
                    + "<title>\(XMLText.escape(series.name)) \(point.year): \(XMLText.escape(shown))</title></circle>\n"
                if point.leftOut > 0 {
                    out += ring("left-out", cx, cy, radius: 6, stroke: "#e08a00", dashed: true, note: language == "en"
                        ? "\(point.leftOut) report(s) of this year give no value (missing, ambiguous, invalid or blank cells) and are not in it"
                        : "本年另有 \(point.leftOut) 份报告的数据项缺失、存疑、无效或空白，未计入")
                }
                if point.flagged > 0 {
                    out += ring("flag", cx, cy, radius: 7, stroke: "#d00000", dashed: false, note: language == "en"
                        ? "\(point.flagged) report(s) with cells in a violated identity" : "\(point.flagged) 份报告的数据项勾稽不符")
                }
            }
        }
        // Legend.
        for (index, series) in panel.series.enumerated() {
            let ly = top + plot.top + Double(index) * 18
            guard ly < top + plot.bottom else { break }
            out += "<rect x=\"575\" y=\"\(fmt(ly - 9))\" width=\"14\" height=\"4\" fill=\"\(colors[series.name] ?? palette[0])\"/>"
            out += "<text x=\"595\" y=\"\(fmt(ly - 3))\">\(XMLText.escape(truncated(series.name)))</text>\n"
        }
        return out + "</g>\n"
    }

    /// A ring around a point, with the reason as its tooltip.
    private static func ring(_ kind: String, _ cx: String, _ cy: String, radius: Int, stroke: String, dashed: Bool, note: String) -> String {
        "<circle class=\"\(kind)\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(radius)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.5\""
            + (dashed ? " stroke-dasharray=\"2 2\"" : "") + "><title>\(XMLText.escape(note))</title></circle>\n"
    }

    /// Round ticks covering `low`…`high`: steps of 1, 2 or 5 × 10ⁿ, about five of them.
    static func ticks(low: Double, high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low, low + 1] }
        let raw = span / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let start = floor(low / step) * step
        // Up to the first tick at or above the highest value, so every point is inside the axis.
        var ticks = [start]
        while let last = ticks.last, last < high - step * 1e-9, ticks.count < 20 { ticks.append(start + Double(ticks.count) * step) }
        return ticks
    }

    private static func label(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : Int(ceil(-log10(step)))
        return String(format: "%.\(decimals)f", value)
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func truncated(_ name: String) -> String { name.count > 14 ? String(name.prefix(13)) + "…" : name }
}
