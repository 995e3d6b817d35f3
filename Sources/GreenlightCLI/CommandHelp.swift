/// What every command's `--help` ends with: examples to copy, then the exit codes — the same
/// for every command, with what 1 means for it (nil: the command does not use it).
enum CommandHelp {
    static func epilog(_ examples: [String], failure: String?) -> String {
        var text = "EXAMPLES:\n" + examples.map { "  " + $0 + "\n" }.joined()
        text += "\nEXIT CODES:\n  0  passed\n"
        if let failure { text += "  1  \(failure)\n" }
        return text + "  2  usage or configuration error\n  3  runtime error"
    }
}
