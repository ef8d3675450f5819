// Expected values: Velocity 1.7 oracle (java.util.Base64 basic encoder/decoder, UTF-8 text),
// shared/oracle/render --aws, templates `$util.base64Encode($input.body)` / `$util.base64Decode($input.body)`.
import Testing

@Suite("$util.base64Encode and base64Decode as java.util.Base64")
struct Base64Tests {
    @Test("encode", arguments: [
        ("a", "YQ=="), ("ab", "YWI="), ("abc", "YWJj"), ("é", "w6k="), ("😀", "8J+YgA=="),
        (#"{"foo": "bar1"}"#, "eyJmb28iOiAiYmFyMSJ9"), ("\u{00}\u{FF}", "AMO/"),
    ])
    func encode(input: String, expected: String) throws {
        #expect(try render("$util.base64Encode($input.body)", body: input) == expected)
    }

    @Test("decode", arguments: [
        ("YQ==", "a"), ("YQ", "a"), ("YWI=", "ab"), ("YWJj", "abc"), ("w6k=", "é"), ("8J+YgA==", "😀"),
        ("/w==", "\u{FFFD}"), ("+/+/", "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ])
    func decode(input: String, expected: String) throws {
        #expect(try render("$util.base64Decode($input.body)", body: input) == expected)
    }

    @Test("bad input fails with the decoder's message", arguments: [
        ("a", "Input byte[] should at least have 2 bytes for base64 bytes"),
        ("YQ=", "Input byte array has wrong 4-byte ending unit"),
        ("YWJj=", "Input byte array has wrong 4-byte ending unit"),
        ("YW*j", "Illegal base64 character 2a"),
        ("YQ==YQ==", "Input byte array has incorrect ending byte at 4"),
        ("YéQ=", "Illegal base64 character -17"),
        ("Y中Q=", "Illegal base64 character 3f"),
    ])
    func invalid(input: String, message: String) throws {
        let error = try #require(renderError("$util.base64Decode($input.body)", body: input))
        #expect(error.message.hasSuffix(message))
    }

    @Test("empty text encodes and decodes to empty")
    func empty() throws {
        #expect(try render("[$util.base64Encode('')][$util.base64Decode('')]") == "[][]")
    }

    @Test("encode: every remainder length, and multi-byte text longer than a small string", arguments: [
        ("abcd", "YWJjZA=="), ("abcde", "YWJjZGU="), ("abcdef", "YWJjZGVm"),
        ("中文😀 and some more text after it", "5Lit5paH8J+YgCBhbmQgc29tZSBtb3JlIHRleHQgYWZ0ZXIgaXQ="),
    ])
    func encodeLengths(input: String, expected: String) throws {
        #expect(try render("$util.base64Encode($input.body)", body: input) == expected)
    }

    @Test("decode: multi-byte text longer than a small string, and no padding", arguments: [
        ("5Lit5paH8J+YgCBhbmQgc29tZSBtb3JlIHRleHQgYWZ0ZXIgaXQ=", "中文😀 and some more text after it"),
        ("YWJjZGU", "abcde"),
    ])
    func decodeMore(input: String, expected: String) throws {
        #expect(try render("$util.base64Decode($input.body)", body: input) == expected)
    }

    @Test("decode: a non-ASCII character after the padding is an ending byte, counted in UTF-16", arguments: [
        ("YQ==é", "Input byte array has incorrect ending byte at 4"),
        ("😀YQ==", "Illegal base64 character 3f"),
        ("YQ\u{FF}", "Illegal base64 character -1"),
    ])
    func decodeNonASCII(input: String, message: String) throws {
        let error = try #require(renderError("$util.base64Decode($input.body)", body: input))
        #expect(error.message.hasSuffix(message))
    }
}
