import Foundation
import VTLCommandLine

exit(VTLCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
