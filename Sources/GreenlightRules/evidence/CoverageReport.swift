import Foundation
import GreenlightCore

/// Line coverage per source file, from an lcov tracefile or a Cobertura XML report.
struct CoverageReport {
    /// Per file: lines measured and lines hit.
    var files: [String: (lines: Int, hit: Int)] = [:]
    /// The first line lcov could not read, and how many such lines there were.
    var firstBadLine: Int?
    var badLines = 0

    /// Percentage of measured lines hit, over files selected by `paths` (all when empty), and
    /// the number of lines measured.
    func lineCoverage(paths: [Glob]) -> (percent: Double, lines: Int) {
        var lines = 0
        var hit = 0
        for (file, counts) in files where paths.isEmpty || paths.contains(where: { $0.matches(file) }) {
            lines += counts.lines
            hit += counts.hit
        }
        return (lines == 0 ? 0 : Double(hit) * 100 / Double(lines), lines)
    }

    /// `SF:`, `DA:line,hits`, `end_of_record`; other known keys are skipped, anything else counted
    /// as a bad line.
    static func lcov(_ text: SourceText) -> CoverageReport {
        var report = CoverageReport()
        var file: String?
        var lines: [Int: Int] = [:]
        let known = ["TN:", "FN:", "FNDA:", "FNF:", "FNH:", "BRDA:", "BRF:", "BRH:", "LF:", "LH:", "VER:", "FNL:", "FNA:"]
        func flush() {
            guard let name = file else { return }
            let previous = report.files[name] ?? (0, 0)
            report.files[name] = (previous.lines + lines.count, previous.hit + lines.values.filter { $0 > 0 }.count)
            file = nil
            lines = [:]
        }
        for (offset, raw) in text.lines.enumerated() {
            let line = raw.trimmingWhitespace
            if line.isEmpty { continue }
            if line.hasPrefix("SF:") {
                flush()
                file = String(line.dropFirst(3))
            } else if line.hasPrefix("DA:") {
                let fields = line.dropFirst(3).split(separator: ",")
                if fields.count >= 2, let number = Int(fields[0]), let hits = Int(fields[1]), file != nil {
                    lines[number] = max(lines[number] ?? 0, hits)
                } else {
                    report.noteBad(offset + 1)
                }
            } else if line == "end_of_record" {
                flush()
            } else if !known.contains(where: { line.hasPrefix($0) }) {
                report.noteBad(offset + 1)
            }
        }
        flush()
        return report
    }

    private mutating func noteBad(_ line: Int) {
        badLines += 1
        if firstBadLine == nil { firstBadLine = line }
    }

    /// `<class filename="…">` with `<line number="…" hits="…"/>` children.
    static func cobertura(_ raw: [UInt8]) -> Result<CoverageReport, EvidenceRecord.RecordProblem> {
        var sawCoverage = false
        var file: String?
        var lines: [String: [Int: Int]] = [:]
        let read = XMLReader.read(raw) { event in
            switch event {
            case .start(let element, let attributes, _):
                switch element {
                case "coverage": sawCoverage = true
                case "class": file = attributes["filename"]
                case "line":
                    guard let file, let number = attributes["number"].flatMap(Int.init),
                          let hits = attributes["hits"].flatMap(Int.init) else { return }
                    lines[file, default: [:]][number] = max(lines[file]?[number] ?? 0, hits)
                default: break
                }
            case .end(let element):
                if element == "class" { file = nil }
            }
        }
        if case .failure(let failure) = read { return .failure(XMLReader.problem(failure)) }
        guard sawCoverage else {
            return .failure(.init(message: "is XML but not a Cobertura report (no <coverage>)"))
        }
        var report = CoverageReport()
        for (file, lines) in lines {
            report.files[file] = (lines.count, lines.values.filter { $0 > 0 }.count)
        }
        return .success(report)
    }
}
