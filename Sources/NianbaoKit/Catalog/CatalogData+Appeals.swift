/// Section 四 (政府信息公开行政复议、行政诉讼情况): 15 cells in printed order,
/// identical in both versions (report-format.md §4.3).
extension CatalogData {
    /// The five result columns each block repeats.
    static let resultColumns: [ColumnSpec] = [
        ColumnSpec("upheld", LabelSet("结果维持")),
        ColumnSpec("corrected", LabelSet("结果纠正")),
        ColumnSpec("other", LabelSet("其他结果")),
        ColumnSpec("pending", LabelSet("尚未审结")),
        ColumnSpec("total", LabelSet("总计")),
    ]

    /// The three blocks, left to right.
    static let appealBlocks: [RowSpec] = [
        RowSpec("review", LabelSet("行政复议")),
        RowSpec("litigation.direct", group: "行政诉讼", LabelSet("未经复议直接起诉")),
        RowSpec("litigation.after_review", group: "行政诉讼", LabelSet("复议后起诉")),
    ]
}
