import JSON

/// What SQS makes of the request API Gateway sends it: which protocol, the `SendMessage`
/// parameters as SQS decodes them, the message it stores and its MD5, and SQS's answer.
public struct SQSMessageReport: Sendable, Equatable {
    /// How the integration request speaks to SQS, told apart by the `X-Amz-Target` header.
    public enum WireProtocol: String, Sendable, Equatable {
        /// Form-encoded `Action=SendMessage&...` (the seed's and the AWS knowledge-center way).
        case query
        /// `X-Amz-Target: AmazonSQS.SendMessage` with a JSON body (recorded on AWS, LS-sqs).
        case json
    }

    /// Which of SQS's two protocols the request used.
    public var wireProtocol: WireProtocol
    /// `SendMessage`, another action, or nil when the request names none.
    public var action: String?
    /// The queue the message goes to, from the endpoint path or `QueueUrl`.
    public var queueURL: String?
    /// Every parameter SQS reads, in order, with a note where SQS does not simply use it.
    public var parameters: [SQSFormParameter] { parameterSource.parameters }
    /// What the parameters are read from; decoded only when `parameters` is read.
    var parameterSource: SQSParameterSource
    /// The message SQS stores (`Body` when received), nil when it refuses the request.
    public var messageBody: String?
    /// `MD5OfMessageBody`: MD5 of the stored message's UTF-8 bytes, lower-case hex.
    public var md5OfMessageBody: String?
    /// Whether the stored message is byte for byte the client's request body.
    public var matchesRequestBody: Bool
    /// The error SQS answers with, when it refuses (`MissingParameter`, `InvalidMessageContents`).
    public var errorCode: String?
}

/// Where a report's parameters come from, kept as text: decoding every piece of a body that
/// was never URL-encoded cost a third of a whole invocation, and most callers never look.
enum SQSParameterSource: Sendable, Equatable {
    /// The query protocol: the URL's query, then the form body SQS reads, or the body it does
    /// not read for want of the form `Content-Type` (as it was).
    case query(urlQuery: String?, formBody: String?, unreadBody: String?, contentType: String)
    /// The JSON protocol's members, read already.
    case json([SQSFormParameter])

    var parameters: [SQSFormParameter] {
        switch self {
        case .json(let parameters):
            return parameters
        case .query(let urlQuery, let formBody, let unreadBody, let contentType):
            var parameters: [SQSFormParameter] = []
            if let urlQuery { SQSFormBody.read(urlQuery, into: &parameters) }
            if let formBody { SQSFormBody.read(formBody, into: &parameters) }
            if let unreadBody {
                parameters.append(SQSFormParameter(
                    name: "", value: "", raw: unreadBody,
                    note: "body not read: Content-Type is '\(contentType)', not application/x-www-form-urlencoded"))
            }
            SQSParameterNotes.annotate(&parameters)
            return parameters
        }
    }
}

/// The simulated SQS endpoint.
enum SQSSendMessage {
    static func receive(_ request: IntegrationRequest, originalBody: String) -> (SQSMessageReport, BackendResponse) {
        let target = request.header("X-Amz-Target")
        let queueFromPath = queueURL(from: request.url)
        if let target, target.hasPrefix("AmazonSQS.") {
            return json(request, action: String(target.dropFirst("AmazonSQS.".count)), queueFromPath: queueFromPath, originalBody: originalBody)
        }
        // Query parameters in the URL count as much as those in the body (AWS query APIs accept either).
        let url = request.url[...]
        let urlQuery = url.firstIndex(ofASCII: "?").map { String(url[url.utf8.index(after: $0)...]) }
        let contentType = request.header("Content-Type") ?? ""
        // Without the form Content-Type SQS does not read the body (our choice; the
        // knowledge-center article lists the missing header as a cause of failures).
        let readsBody = TemplateSelection.mediaType(contentType) == "application/x-www-form-urlencoded"
        let source = SQSParameterSource.query(
            urlQuery: urlQuery, formBody: readsBody ? request.body : nil,
            unreadBody: !readsBody && !request.body.isEmpty ? request.body : nil, contentType: contentType)
        let found = SQSFormBody.firstValues(
            of: ["Action", "QueueUrl", "MessageBody"], in: (urlQuery.map { [$0] } ?? []) + (readsBody ? [request.body] : []))
        return finish(
            .query, action: found[0], queue: found[1] ?? queueFromPath, source: source, messageBody: found[2],
            accept: request.header("Accept"), originalBody: originalBody)
    }

    private static func json(
        _ request: IntegrationRequest, action: String, queueFromPath: String?, originalBody: String
    ) -> (SQSMessageReport, BackendResponse) {
        var parameters: [SQSFormParameter] = []
        var messageBody: String?
        var queue = queueFromPath
        if case .object(let object)? = try? JSONParser().parse(request.body) {
            for (key, value) in object {
                let text: String
                if case .string(let string) = value { text = string } else { text = value.jsonText }
                parameters.append(SQSFormParameter(name: key, value: text, raw: value.jsonText))
                if key == "MessageBody", case .string(let string) = value { messageBody = string }
                if key == "QueueUrl" { queue = text }
            }
        } else {
            let report = SQSMessageReport(
                wireProtocol: .json, action: action, queueURL: queue, parameterSource: .json([]), messageBody: nil,
                md5OfMessageBody: nil, matchesRequestBody: false, errorCode: "SerializationException")
            return (report, BackendResponse(
                status: 400, headers: [Parameter("Content-Type", "application/x-amz-json-1.0")],
                body: #"{"__type":"com.amazon.coral.service#SerializationException"}"#))
        }
        return finish(.json, action: action, queue: queue, source: .json(parameters), messageBody: messageBody, accept: nil, originalBody: originalBody)
    }

    private static func finish(
        _ wire: SQSMessageReport.WireProtocol, action: String?, queue: String?, source: SQSParameterSource,
        messageBody: String?, accept: String?, originalBody: String
    ) -> (SQSMessageReport, BackendResponse) {
        var report = SQSMessageReport(
            wireProtocol: wire, action: action, queueURL: queue, parameterSource: source, messageBody: nil,
            md5OfMessageBody: nil, matchesRequestBody: false, errorCode: nil)
        let requestId = uuid("request:", messageBody ?? "")
        guard action == "SendMessage" else {
            report.errorCode = action == nil ? "MissingAction" : "UnsimulatedAction"
            if action == nil {
                return (report, error(wire, status: 400, code: "MissingAction", message: "The request must contain the parameter Action.", requestId: requestId))
            }
            // Only SendMessage is simulated; other actions get an empty success.
            return (report, BackendResponse(status: 200, headers: [Parameter("Content-Type", "application/json")], body: "{}"))
        }
        guard let messageBody, !messageBody.isEmpty else {
            report.errorCode = "MissingParameter"
            return (report, error(wire, status: 400, code: "MissingParameter", message: "The request must contain the parameter MessageBody.", requestId: requestId))
        }
        if containsDisallowedCharacter(messageBody) {
            report.errorCode = "InvalidMessageContents"
            return (report, error(wire, status: 400, code: "InvalidMessageContents", message: "Invalid characters found.", requestId: requestId))
        }
        let md5 = MD5.hex(messageBody)
        report.messageBody = messageBody
        report.md5OfMessageBody = md5
        report.matchesRequestBody = messageBody == originalBody
        let messageId = uuid("message:", messageBody)
        switch wire {
        case .json:
            var object = JSONObject()
            object["MD5OfMessageBody"] = .string(md5)
            object["MessageId"] = .string(messageId)
            return (report, BackendResponse(
                status: 200, headers: [Parameter("x-amzn-RequestId", requestId), Parameter("Content-Type", "application/x-amz-json-1.0")],
                body: JSONValue.object(object).jsonText))
        case .query where accept.map(TemplateSelection.mediaType) == "application/json":
            // API Gateway asks AWS services for JSON; SQS's query API then answers the XML
            // document's JSON form (the shape community posts of API Gateway + SQS show).
            let body = String.concatenating([
                #"{"SendMessageResponse":{"ResponseMetadata":{"RequestId":""#, requestId,
                #""},"SendMessageResult":{"MD5OfMessageAttributes":null,"MD5OfMessageBody":""#, md5,
                #"","MD5OfMessageSystemAttributes":null,"MessageId":""#, messageId, #"","SequenceNumber":null}}}"#,
            ])
            return (report, BackendResponse(
                status: 200, headers: [Parameter("x-amzn-RequestId", requestId), Parameter("Content-Type", "application/json")], body: body))
        case .query:
            let body = #"<?xml version="1.0"?><SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><SendMessageResult><MessageId>\#(messageId)</MessageId><MD5OfMessageBody>\#(md5)</MD5OfMessageBody></SendMessageResult><ResponseMetadata><RequestId>\#(requestId)</RequestId></ResponseMetadata></SendMessageResponse>"#
            return (report, BackendResponse(
                status: 200, headers: [Parameter("x-amzn-RequestId", requestId), Parameter("Content-Type", "text/xml")], body: body))
        }
    }

    /// Whether the text has a character SendMessage refuses. Allowed: #x9 #xA #xD #x20-#xD7FF
    /// #xE000-#xFFFD #x10000-#x10FFFF (SendMessage API reference); a Swift string holds no surrogates, so the refused ones
    /// are the C0 controls other than tab, LF and CR (one byte each in UTF-8) and U+FFFE and
    /// U+FFFF (EF BF BE, EF BF BF), found in the bytes without decoding scalars.
    private static func containsDisallowedCharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                // Most bytes are neither a control nor the EF that starts U+FFFE and U+FFFF.
                if byte >= 0x20 && byte != 0xEF { continue }
                if byte < 0x20 {
                    if byte != 0x9 && byte != 0xA && byte != 0xD { return true }
                } else if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    return true
                }
            }
            return false
        }
    }

    /// SQS's error document for each protocol (shapes inferred from SQS's API reference).
    private static func error(_ wire: SQSMessageReport.WireProtocol, status: Int, code: String, message: String, requestId: String) -> BackendResponse {
        switch wire {
        case .json:
            return BackendResponse(
                status: status, headers: [Parameter("x-amzn-RequestId", requestId), Parameter("Content-Type", "application/x-amz-json-1.0")],
                body: #"{"__type":"com.amazonaws.sqs#\#(code)","message":"\#(message)"}"#)
        case .query:
            return BackendResponse(
                status: status, headers: [Parameter("x-amzn-RequestId", requestId), Parameter("Content-Type", "application/json")],
                body: #"{"Error":{"Code":"\#(code)","Message":"\#(message)","Type":"Sender"},"RequestId":"\#(requestId)"}"#)
        }
    }

    /// `https://sqs.us-east-1.amazonaws.com/123456789012/queue` from a path-form endpoint.
    private static func queueURL(from url: String) -> String? {
        let text = url[...]
        let withoutQuery = text[..<(text.firstIndex(ofASCII: "?") ?? text.endIndex)]
        // https:, host, account, queue: the non-empty pieces between `/` Characters, counted in the bytes.
        let pieces = withoutQuery.withUTF8Bytes { bytes in
            var count = 0
            var pieceStart = 0
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "/") && withoutQuery.isWholeCharacter(atOffset: offset, in: bytes) {
                if offset > pieceStart { count += 1 }
                pieceStart = offset + 1
            }
            return pieceStart < bytes.count ? count + 1 : count
        }
        return pieces == 4 ? String(withoutQuery) : nil
    }

    /// The MD5 of `prefix` and `text` joined, as a UUID (8-4-4-4-12 hex digits), so ids are stable for the same message.
    private static func uuid(_ prefix: String, _ text: String) -> String {
        let digest = MD5.digest(utf8Of: [prefix, text])
        return String(unsafeUninitializedCapacity: 36) { output in
            var offset = 0
            for (index, byte) in digest.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    output[offset] = UInt8(ascii: "-")
                    offset += 1
                }
                MD5.writeHex(byte, to: output, at: offset)
                offset += 2
            }
            return offset
        }
    }
}
