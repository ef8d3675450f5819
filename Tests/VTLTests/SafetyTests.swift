import Testing
import VTL

/// A template reaches nothing but the values it is given: no files, environment, network,
/// classes or reflection, whatever Velocity tricks it tries (each gives null, rendered as nothing).
@Suite("Sandbox")
struct SafetyTests {
    private func render(_ source: String, _ variables: [String: Value] = ["s": "text", "l": .list([1]), "m": ["k": 1]]) throws -> String {
        try Template(source: source).render(Context(variables))
    }

    @Test(arguments: [
        "$s.class", "$s.getClass()", "$s.class.forName('java.lang.Runtime')", "$s.getClass().forName('java.lang.System')",
        "$s.class.getName()", "$l.class", "$m.class", "$m.getClass()", "${s.class}", "$s.class.classLoader",
        "$s.getClass().getClassLoader()", "$s.class.forName('java.lang.Runtime').getRuntime().exec('id')",
        "$s.getClass().getMethods()", "$s.class.getDeclaredFields()", "$s.hashCode().class", "$l.get(0).class",
    ])
    func noIntrospection(expression: String) throws {
        #expect(try render("[\(expression)]") == "[]")
    }

    @Test(arguments: [
        "$system", "$System", "$runtime", "$env", "$ENV", "$request", "$response", "$session", "$application",
        "$velocityContext", "$context", "$class", "$file", "$math",
    ])
    func noAmbientObjects(reference: String) throws {
        #expect(try render("[\(reference)]") == "[]")
    }

    @Test(arguments: ["#include('/etc/passwd')", "#parse('/etc/passwd')", "#include('file:///etc/hostname')", "#parse('http://127.0.0.1/')"])
    func noFiles(directive: String) {
        #expect(throws: VTLError.self) { try render(directive) }
    }

    @Test(arguments: [
        "$s.getBytes()", "$s.getClass().getResource('/')", "$s.toCharArray()", "$s.intern()", "$s.wait()", "$s.notify()",
        "$l.iterator()", "$l.getClass().newInstance()",
    ])
    func noObjectInternals(expression: String) throws {
        #expect(try render("[\(expression)]") == "[]")
    }

    @Test func evaluateSeesOnlyTheSameVariables() throws {
        #expect(try render(#"#evaluate('$s.class.forName("java.lang.Runtime")')[$s]"#) == "[text]")
    }
}
