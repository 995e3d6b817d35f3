import GreenlightCore

/// The JUnit and coverage files the config names, read from the work tree once per run.
final class EvidenceArtifacts {
    /// Test and coverage reports are read up to this size.
    static let sizeLimit = 64 << 20

    struct JUnitFile {
        let path: String
        let report: JUnitReport
    }

    struct CoverageFile {
        let path: String
        let requirement: EvidenceSettings.Coverage
        let report: CoverageReport
    }

    struct Problem {
        let path: String
        let line: Int
        let message: String
    }

    private(set) var junit: [JUnitFile] = []
    private(set) var coverage: [CoverageFile] = []
    private(set) var problems: [Problem] = []

    static func of(_ context: RuleContext) throws -> EvidenceArtifacts {
        try context.shared(SharedKey<EvidenceArtifacts>("evidence.artifacts")) { try EvidenceArtifacts(context: context) }
    }

    private init(context: RuleContext) throws {
        let settings = context.section(EvidenceSettings.self)
        guard !settings.junit.isEmpty || !settings.coverage.isEmpty else { return }
        guard let workTree = context.snapshot.workTree else {
            problems.append(Problem(path: Config.defaultFileName, line: 0,
                                    message: "test and coverage evidence is read from the work tree, and this repository has none"))
            return
        }
        for glob in settings.junit {
            let paths = try workTree.files(matching: glob)
            if paths.isEmpty {
                problems.append(Problem(path: glob.pattern, line: 0, message: "no JUnit file matches '\(glob.pattern)' in the work tree"))
            }
            for path in paths {
                guard let bytes = try read(path, workTree) else { continue }
                switch JUnitReport.parse(bytes) {
                case .success(let report): junit.append(JUnitFile(path: path, report: report))
                case .failure(let problem): problems.append(Problem(path: path, line: 0, message: "JUnit file \(problem.message)"))
                }
            }
        }
        for requirement in settings.coverage {
            let paths = try workTree.files(matching: requirement.file)
            if paths.isEmpty {
                problems.append(Problem(path: requirement.file.pattern, line: 0,
                                        message: "no coverage file matches '\(requirement.file.pattern)' in the work tree"))
            }
            for path in paths {
                guard let bytes = try read(path, workTree) else { continue }
                switch requirement.format {
                case .lcov:
                    let report = CoverageReport.lcov(SourceText(path: path, bytes: bytes))
                    if let line = report.firstBadLine {
                        problems.append(Problem(path: path, line: line,
                                                message: "lcov file has \(report.badLines) unreadable line(s), first here; they were skipped"))
                    }
                    coverage.append(CoverageFile(path: path, requirement: requirement, report: report))
                case .cobertura:
                    switch CoverageReport.cobertura(bytes) {
                    case .success(let report): coverage.append(CoverageFile(path: path, requirement: requirement, report: report))
                    case .failure(let problem): problems.append(Problem(path: path, line: 0, message: "Cobertura file \(problem.message)"))
                    }
                }
            }
        }
    }

    private func read(_ path: String, _ workTree: WorkTreeReading) throws -> [UInt8]? {
        do {
            return try workTree.read(path, limit: Self.sizeLimit)
        } catch let error as ToolError {
            problems.append(Problem(path: path, line: 0, message: error.message))
            return nil
        }
    }
}
