import Testing
@testable import VTL
