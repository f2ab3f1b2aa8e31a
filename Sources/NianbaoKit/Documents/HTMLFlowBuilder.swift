/// Turns the events of a page (element starts and ends, text) into the
/// document model as they come: inline text into paragraphs, data tables into
/// grids, layout tables (tables holding tables) as flow so nothing inside them
/// is lost. Scripts and styles are ignored; `<br>` and block elements break
/// paragraphs; the `<title>` and `<meta>` properties are kept.
///
/// A table is kept as events until it ends, because only then is it known
/// whether it holds another table; a layout table's events are then replayed
/// through the flow rules (its inner tables kept again in turn).
struct HTMLFlowBuilder {
    /// What the elements open around the current event do with their content.
    private enum Mode {
        /// Text joins the current paragraph.
        case flow
        /// Like flow, and the paragraph ends at both ends of the element.
        case block
        /// Nothing inside is read.
        case skip
        /// Only the `title` and `meta` children are read.
        case head
        /// The text inside is a `title` (read on one line).
        case title
        /// Inside a `title`: its text, `<br>` as a space.
        case titleText
        /// A block inside a `title`: a space after it.
        case titleBlock
    }

    private var modes: [Mode] = []
    /// The events of the table being kept, from its start; empty when none is.
    private var kept: [HTMLEvent] = []
    /// Open elements inside the kept table (0: the table itself has ended or none is kept).
    private var keptDepth = 0
    /// Whether the kept table holds another table.
    private var keptHoldsTable = false
    /// Text bytes that events point into.
    private(set) var text: [UInt8] = []
    /// Attributes of the `meta` elements inside kept tables, by event.
    private var metas: [HTMLMeta] = []

    private var line: [UInt8] = []
    private var titleText: [UInt8] = []
    private var blocks: [Block] = []
    private var tableCount = 0
    private var paragraphCount = 0
    private var title: String?
    private var properties: [String: String] = [:]
    private var budget = CellBudget()

    /// Whether the cell budget ran out: nothing after that point is read.
    var isExhausted: Bool { budget.isExhausted }

    /// The root element's start: its content is flow.
    mutating func startRoot() { modes.append(.flow) }

    /// An element starts; `meta` carries the attributes of a `meta`, `spans`
    /// the row and column spans of a `td` / `th`.
    mutating func start(_ tag: HTMLTag, meta: HTMLMeta? = nil, spans: (Int, Int) = (1, 1)) {
        var event = HTMLEvent(kind: .start, tag: tag, lower: Int32(spans.0), upper: Int32(spans.1))
        if let meta, keptDepth > 0 {
            event.lower = Int32(metas.count)
            metas.append(meta)
        }
        handle(event, meta: meta)
    }

    mutating func end(_ tag: HTMLTag) { handle(HTMLEvent(kind: .end, tag: tag), meta: nil) }

    /// Text inside the current element (UTF-8).
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if keptDepth == 0 {
            // Not kept: used at once, never pointed at.
            Self.append(bytes, in: modes.last, line: &line, title: &titleText)
            return
        }
        let lower = Int32(text.count)
        text += bytes
        handle(HTMLEvent(kind: .text, tag: .other, lower: lower, upper: Int32(text.count)), meta: nil)
    }

    private mutating func handle(_ event: HTMLEvent, meta: HTMLMeta?) {
        guard !budget.isExhausted else { return }
        if keptDepth > 0 {
            keep(event)
            return
        }
        switch event.kind {
        case .text:
            // A replayed run of text, appended from the buffer it points into.
            Self.append(text[Int(event.lower)..<Int(event.upper)], in: modes.last, line: &line, title: &titleText)
        case .start:
            startElement(event, meta: meta ?? (event.tag == .meta ? metas[Int(event.lower)] : nil))
        case .end:
            endElement()
        }
    }

    /// Text goes to the paragraph or the title the innermost element reads into, or nowhere.
    private static func append(_ bytes: some Collection<UInt8>, in mode: Mode?, line: inout [UInt8], title: inout [UInt8]) {
        switch mode {
        case .flow, .block: line += bytes
        case .title, .titleText, .titleBlock: title += bytes
        case .skip, .head, nil: break
        }
    }

    private mutating func startElement(_ event: HTMLEvent, meta: HTMLMeta?) {
        let tag = event.tag
        switch modes.last ?? .skip {
        case .skip:
            modes.append(.skip)
        case .head:
            switch tag {
            case .title: startTitle()
            case .meta:
                read(meta)
                modes.append(.skip)
            default: modes.append(.skip)
            }
        case .title, .titleText, .titleBlock:
            if tag.isIgnored {
                modes.append(.skip)
            } else if tag == .br {
                titleText.append(0x20)
                modes.append(.skip)
            } else {
                modes.append(tag.isBlock ? .titleBlock : .titleText)
            }
        case .flow, .block:
            switch tag {
            case .head: modes.append(.head)
            case .title: startTitle()
            case .meta:
                read(meta)
                modes.append(.skip)
            case _ where tag.isIgnored: modes.append(.skip)
            case .br:
                flush()
                modes.append(.skip)
            case .table:
                kept = [event]
                keptDepth = 1
                keptHoldsTable = false
            case _ where tag.isBlock:
                flush()
                modes.append(.block)
            default:
                modes.append(.flow)
            }
        }
    }

    private mutating func startTitle() {
        titleText.removeAll(keepingCapacity: true)
        modes.append(.title)
    }

    private mutating func endElement() {
        guard let mode = modes.popLast() else { return }
        switch mode {
        case .block:
            endBlock()
        case .title:
            if title == nil { title = titleText.withUnsafeBufferPointer(HTMLText.collapse(bytes:)) }
        case .titleBlock:
            titleText.append(0x20)
        case .flow, .skip, .head, .titleText:
            break
        }
    }

    /// The end of a block: an `<p>&nbsp;</p>` (an intentionally blank cell of
    /// a table flattened into paragraphs) is an empty paragraph; the line ends.
    private mutating func endBlock() {
        if line.contains(0xC2) {
            let text = String(decoding: line, as: UTF8.self)
            if text.includes("\u{00A0}") && text.allSatisfy(\.isWhitespace) {
                paragraphCount += 1
                blocks.append(.paragraph(Paragraph(text: "", line: paragraphCount)))
                line.removeAll(keepingCapacity: true)
            }
        }
        flush()
    }

    /// Keeps an event of the table being kept; at the table's end, reads it.
    private mutating func keep(_ event: HTMLEvent) {
        kept.append(event)
        switch event.kind {
        case .start:
            if event.tag == .table { keptHoldsTable = true }
            keptDepth += 1
        case .end:
            keptDepth -= 1
            if keptDepth == 0 { readKeptTable() }
        case .text:
            break
        }
    }

    private mutating func readKeptTable() {
        let events = kept
        kept = []
        if !keptHoldsTable {
            flush()
            tableCount += 1
            let table = HTMLTableBuilder(events: events[...], text: text).table(number: tableCount, budget: &budget)
            blocks.append(.table(table))
            return
        }
        // Page layout: a block whose content is read as flow, tables inside kept again.
        flush()
        modes.append(.block)
        for event in events.dropFirst() where !budget.isExhausted {
            handle(event, meta: nil)
        }
    }

    private mutating func read(_ meta: HTMLMeta?) {
        if let (name, content) = meta?.entry { properties[name] = content }
    }

    /// Ends the current paragraph.
    private mutating func flush() {
        guard !line.isEmpty else { return }
        let text = line.withUnsafeBufferPointer(HTMLText.collapse(bytes:))
        line.removeAll(keepingCapacity: true)
        guard !text.isEmpty else { return }
        paragraphCount += 1
        blocks.append(.paragraph(Paragraph(text: text, line: paragraphCount)))
    }

    /// Ends the document (the reader has ended every element, a page cut short included).
    mutating func finish() -> Document {
        flush()
        var document = Document(blocks: blocks, title: title.map(HTMLText.collapse), properties: properties)
        if budget.isExhausted { document.unreadRest = CellBudget.reason }
        return document
    }
}
