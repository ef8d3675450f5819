// Expected values: the CloudFormation "Intrinsic function reference" and "Pseudo
// parameters reference" pages, and each resource type's "Return values" section.
import APIGateway
import Testing

/// Loads a one-method template whose integration `uri` is `value`, and returns the resolved uri.
private func resolvedURI(_ value: String, extra: String = "", options: DefinitionOptions = DefinitionOptions()) throws -> String? {
    let text = """
        Parameters:
          Name: {Type: String, Default: orders}
          Empty: {Type: String}
          Words: {Type: CommaDelimitedList, Default: "x,y,z"}
        Conditions:
          Yes: !Equals [a, a]
          No: !Not [!Condition Yes]
        Mappings:
          Env: {dev: {Host: dev.example.com}}
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              DefinitionBody:
                openapi: 3.0.1
                paths:
                  /:
                    get:
                      x-amazon-apigateway-integration:
                        type: http
                        uri: \(value)
        \(extra)
        """
    return try loadDefinition(text, options: options).methods.first?.integration?.uri
}

@Suite("Intrinsic functions")
struct IntrinsicFunctionTests {
    @Test("ref-parameters-and-pseudo-parameters")
    func refs() throws {
        #expect(try resolvedURI("!Ref Name") == "orders")
        #expect(try resolvedURI("{Ref: Name}", options: DefinitionOptions(parameters: ["Name": "given"])) == "given")
        #expect(try resolvedURI("!Sub '${AWS::Partition} ${AWS::URLSuffix} ${AWS::StackName} ${AWS::Region} ${AWS::AccountId}'")
            == "aws amazonaws.com vtl-stack us-east-1 123456789012")
        #expect(try resolvedURI("!Sub '${AWS::Partition}'", options: DefinitionOptions(region: "cn-north-1")) == "aws-cn")
    }

    @Test("sub-forms")
    func sub() throws {
        #expect(try resolvedURI("!Sub ['https://${Host}/${Name}', {Host: example.com}]") == "https://example.com/orders")
        #expect(try resolvedURI("{'Fn::Sub': 'a${!Literal}b'}") == "a${Literal}b")
        #expect(try resolvedURI("!Sub '${Queue.Arn}|${Queue}|${Queue.QueueName}|${Queue.QueueUrl}'",
                                extra: "  Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: q1}}")
            == "arn:aws:sqs:us-east-1:123456789012:q1|https://sqs.us-east-1.amazonaws.com/123456789012/q1|q1|https://sqs.us-east-1.amazonaws.com/123456789012/q1")
    }

    @Test("join-select-split-findinmap-base64-getazs-importvalue")
    func listFunctions() throws {
        #expect(try resolvedURI("!Join ['-', [a, !Ref Name, !Select [1, !Ref Words]]]") == "a-orders-y")
        #expect(try resolvedURI("!Select [0, !Split ['.', 'one.two']]") == "one")
        #expect(try resolvedURI("!FindInMap [Env, dev, Host]") == "dev.example.com")
        #expect(try resolvedURI("!Base64 'hi'") == "aGk=")
        #expect(try resolvedURI("!Select [2, !GetAZs '']") == "us-east-1c")
        #expect(try resolvedURI("!ImportValue shared-url") == "imported:shared-url")
        #expect(try resolvedURI("!ImportValue shared-url", options: DefinitionOptions(parameters: ["shared-url": "https://x"])) == "https://x")
    }

    @Test("if-conditions-and-novalue")
    func conditions() throws {
        #expect(try resolvedURI("!If [Yes, yes, no]") == "yes")
        #expect(try resolvedURI("!If [No, yes, no]") == "no")
        #expect(try resolvedURI("{'Fn::If': [No, yes, {Ref: 'AWS::NoValue'}]}") == nil)
    }

    @Test("getatt-of-common-resources")
    func attributes() throws {
        let resources = """
              Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: worker}}
              Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: things}}
              Machine: {Type: AWS::StepFunctions::StateMachine, Properties: {StateMachineName: flow}}
              Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: news}}
              Bus: {Type: AWS::Events::EventBus, Properties: {Name: bus}}
              Stream: {Type: AWS::Kinesis::Stream, Properties: {Name: river}}
              Role: {Type: AWS::IAM::Role, Properties: {RoleName: runner}}
            """
        #expect(try resolvedURI("!GetAtt Fn.Arn", extra: resources) == "arn:aws:lambda:us-east-1:123456789012:function:worker")
        #expect(try resolvedURI("!Ref Fn", extra: resources) == "worker")
        #expect(try resolvedURI("!GetAtt [Table, Arn]", extra: resources) == "arn:aws:dynamodb:us-east-1:123456789012:table/things")
        #expect(try resolvedURI("!GetAtt Machine.Arn", extra: resources) == "arn:aws:states:us-east-1:123456789012:stateMachine:flow")
        #expect(try resolvedURI("!GetAtt Machine.Name", extra: resources) == "flow")
        #expect(try resolvedURI("!Ref Topic", extra: resources) == "arn:aws:sns:us-east-1:123456789012:news")
        #expect(try resolvedURI("!GetAtt Bus.Arn", extra: resources) == "arn:aws:events:us-east-1:123456789012:event-bus/bus")
        #expect(try resolvedURI("!GetAtt Stream.Arn", extra: resources) == "arn:aws:kinesis:us-east-1:123456789012:stream/river")
        #expect(try resolvedURI("!GetAtt Role.Arn", extra: resources) == "arn:aws:iam::123456789012:role/runner")
        // Unnamed resources get a generated name that is the same on every load.
        let generated = try resolvedURI("!Ref Queue", extra: "  Queue: {Type: AWS::SQS::Queue}")
        #expect(generated == (try resolvedURI("!Ref Queue", extra: "  Queue: {Type: AWS::SQS::Queue}")))
        #expect(generated?.hasPrefix("https://sqs.us-east-1.amazonaws.com/123456789012/vtl-stack-Queue-") == true)
    }
}
