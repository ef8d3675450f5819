import Foundation
import VTLCommandLine

exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
