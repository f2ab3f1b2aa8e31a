import Foundation

/// A `.sql` file of `Queries/`: one statement with a header comment giving
/// its title, description and `:named` parameters.
///
///     -- title: Penalties by year
///     -- description: 行政处罚 decisions of own-scope reports, per year.
///     -- param: from (default 1900): first year
///     SELECT … WHERE year >= :from
///
/// A parameter is a whole number when it says so (`-- param: year integer
/// (default 0): …`) or when its default is one; a value that is not
/// (`-p from abc`) is refused instead of silently matching nothing.
public struct NamedQuery: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case integer, text
        }

        public let name: String
        public let defaultValue: String?
        public let description: String
        public let kind: Kind
    }

    /// The file name without `.sql`.
    public let name: String
    public let title: String
    public let description: String
    public let parameters: [Parameter]
    public let sql: String

    /// Parses a query file; `source` names it in errors.
    public init(name: String, text: String, source: String) throws(NamedQueryError) {
        var title: String?
        var description = ""
        var parameters: [Parameter] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") else { continue }
            let comment = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if comment.hasPrefix("title:") {
                title = comment.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if comment.hasPrefix("description:") {
                description += (description.isEmpty ? "" : " ") + comment.dropFirst(12).trimmingCharacters(in: .whitespaces)
            } else if comment.hasPrefix("param:") {
                let body = comment.dropFirst(6).trimmingCharacters(in: .whitespaces)
                guard let colon = body.firstIndex(of: ":") else {
                    throw NamedQueryError(source: source, line: number + 1, reason: "a param line reads `-- param: name (default value): description`")
                }
                var head = body[..<colon].trimmingCharacters(in: .whitespaces)
                var defaultValue: String?
                if let open = head.range(of: "(default "), head.hasSuffix(")") {
                    defaultValue = String(head[open.upperBound...].dropLast())
                    head = head[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
                }
                var kind: Parameter.Kind = defaultValue.flatMap { Int($0) } != nil ? .integer : .text
                let words = head.split(separator: " ")
                if words.count == 2, let declared = Parameter.Kind(rawValue: String(words[1])) {
                    kind = declared
                    head = String(words[0])
                }
                guard !head.isEmpty, !head.contains(" ") else {
                    throw NamedQueryError(source: source, line: number + 1, reason: "a param line reads `-- param: name [integer|text] (default value): description`")
                }
                parameters.append(Parameter(
                    name: head, defaultValue: defaultValue,
                    description: body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces), kind: kind))
            }
        }
        guard let title else { throw NamedQueryError(source: source, line: 1, reason: "no `-- title:` line") }
        self.name = name
        self.title = title
        self.description = description
        self.parameters = parameters
        self.sql = text
    }

    /// Parameter values: given ones, then defaults; an unknown or missing one is an error.
    public func arguments(_ given: [String: String]) throws(NamedQueryError) -> [String: String] {
        for key in given.keys where !parameters.contains(where: { $0.name == key }) {
            throw NamedQueryError(
                source: name, line: 0,
                reason: "no parameter \(key); this query takes \(parameters.map(\.name).joined(separator: ", "))")
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            guard let value = given[parameter.name] ?? parameter.defaultValue else {
                throw NamedQueryError(source: name, line: 0, reason: "parameter \(parameter.name) has no value; pass -p \(parameter.name) VALUE")
            }
            if parameter.kind == .integer && Int(value.trimmingCharacters(in: .whitespaces)) == nil {
                throw NamedQueryError(
                    source: name, line: 0, reason: "parameter \(parameter.name) takes a whole number (\(parameter.description)), not “\(value)”")
            }
            values[parameter.name] = value
        }
        return values
    }
}
