// swift-tools-version: 6.0
import PackageDescription

// No package dependencies: the toolchain's Foundation, XCTest and Swift Testing only.
let package = Package(
    name: "vtl",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VTL", targets: ["VTL"]),
        .library(name: "APIGateway", targets: ["APIGateway"]),
        // For the fuzzing harnesses in Fuzz/, which test these modules directly.
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "YAML", targets: ["YAML"]),
        .executable(name: "vtl", targets: ["vtl"]),
    ],
    targets: [
        // What Java's standard library does that a template can observe: number printing, BigInteger.
        .target(name: "JavaLang"),
        // The Velocity Template Language; knows nothing of API Gateway (JSON only to print json-smart arrays).
        .target(name: "VTL", dependencies: ["JavaLang", "JSON"]),
        // Ordered JSON as json-smart reads and writes it, and Jayway-style JSONPath.
        .target(name: "JSON", dependencies: ["JavaLang"]),
        // The subset of YAML that API definitions use, with locations and local tags.
        .target(name: "YAML"),
        // $input, $util, $context, $stageVariables and the request -> integration -> response pipeline.
        .target(name: "APIGateway", dependencies: ["JavaLang", "VTL", "JSON", "YAML"]),
        // The command line as a library, so tests run it in-process.
        .target(name: "VTLCommandLine", dependencies: ["VTL", "JSON", "APIGateway"]),
        .executableTarget(name: "vtl", dependencies: ["VTLCommandLine"]),

        .testTarget(name: "JavaLangTests", dependencies: ["JavaLang"]),
        .testTarget(name: "VTLTests", dependencies: ["VTL", "JSON"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "APIGatewayTests", dependencies: ["APIGateway"]),
        .testTarget(name: "VTLCommandLineTests", dependencies: ["VTLCommandLine"]),
        .testTarget(name: "FixtureTests", dependencies: ["VTLCommandLine"]),
    ],
    swiftLanguageModes: [.v6]
)
