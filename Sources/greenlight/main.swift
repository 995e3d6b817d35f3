import Foundation
import GreenlightCLI
import GreenlightCommands

// The executable: the process's arguments and streams in, its exit code out.
exit(GreenlightCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard))
