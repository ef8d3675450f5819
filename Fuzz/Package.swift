// swift-tools-version: 6.0
import PackageDescription

// Fuzz harnesses for libFuzzer, one executable per target. Build with both flags, exactly:
//   swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
// (other spellings silently lose coverage or ASan on this toolchain); `./run` does it.
let package = Package(
    name: "vtl-fuzz",
    platforms: [.macOS(.v15)],
    // `run` points VTL_ROOT at its snapshot of the root; a plain `swift build` here uses the root itself.
    dependencies: [.package(name: "vtl", path: Context.environment["VTL_ROOT"] ?? "..")],
    targets: [
        // The invariant both template harnesses check: an error's line and column lie inside the source.
        .target(name: "FuzzSupport", dependencies: [.product(name: "VTL", package: "vtl")]),
        // A template parses or fails with a line and column inside the source.
        .executableTarget(name: "TemplateParse", dependencies: ["FuzzSupport", .product(name: "VTL", package: "vtl")]),
        // A template renders with $input and $util under tight limits: the output never exceeds the limit.
        .executableTarget(
            name: "TemplateRender",
            dependencies: ["FuzzSupport", .product(name: "VTL", package: "vtl"), .product(name: "APIGateway", package: "vtl")]),
        // JSON parse -> write -> parse gives the same value, writing is stable, and the streaming
        // transcoder declines or writes exactly what parse -> write writes.
        .executableTarget(name: "JSONRoundTrip", dependencies: [.product(name: "JSON", package: "vtl")]),
        // A JSONPath compiles or fails with a column inside it, and evaluates deterministically.
        .executableTarget(name: "JSONPathEvaluate", dependencies: [.product(name: "JSON", package: "vtl")]),
        // YAML parses or fails with a line and column inside the source.
        .executableTarget(name: "YAMLParse", dependencies: [.product(name: "YAML", package: "vtl")]),
        // An API definition loads or fails with a position inside the source.
        .executableTarget(name: "DefinitionLoad", dependencies: [.product(name: "APIGateway", package: "vtl")]),
        // A request through the whole invoke pipeline gets an HTTP status, the same result twice,
        // and a JSON report that reads back.
        .executableTarget(
            name: "InvokePipeline",
            dependencies: [.product(name: "APIGateway", package: "vtl"), .product(name: "JSON", package: "vtl")]),
    ],
    swiftLanguageModes: [.v6]
)
