// Generated from Data/bureau-aliases.csv by BureauBundledDataTests; do not edit.
// After changing Data/bureau-aliases.csv, run:
//   NIANBAO_REGENERATE=1 swift test --filter BureauBundledData

/// The text of Data/bureau-aliases.csv, compiled into the library so an installed
/// binary has the bundled aliases without the source tree.
enum BundledAliases {
    static let csv = #"""
alias,canonical,valid_from,valid_to
沐阳县人民政府,沭阳县人民政府,,
沭阳县发改局,沭阳县发展和改革局,,
上海市科委,上海市科学技术委员会,,
山亭区应急局,山亭区应急管理局,,
枣庄市山亭区应急管理局,山亭区应急管理局,,
山亭区安全生产监督管理局,山亭区应急管理局,,2018
金华市市场监管局,金华市市场监督管理局,,
金华市市场监管局(知识产权局),金华市市场监督管理局,,

"""#
}
