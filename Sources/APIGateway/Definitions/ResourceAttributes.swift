import YAML

/// What `Ref` and `Fn::GetAtt` give for the resources API integrations point at, in the
/// shapes the AWS resource type references document (queue URLs, role ARNs with paths, ...).
extension IntrinsicResolver {
    /// `Ref` of a resource.
    func resourceReference(_ logicalId: String, at node: YAMLNode) throws(DefinitionError) -> String {
        guard let resource = context.resource(logicalId) else { throw context.error("unknown resource '\(logicalId)'", at: node) }
        let region = options.region, account = options.accountId
        switch resource.type {
        case "AWS::SQS::Queue":
            return "https://sqs.\(region).\(urlSuffix)/\(account)/\(try physicalName(resource, at: node))"
        case "AWS::SNS::Topic":
            return try resourceAttribute(logicalId, "TopicArn", at: node)
        case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine":
            return try resourceAttribute(logicalId, "Arn", at: node)
        case "AWS::ApiGateway::RestApi", "AWS::Serverless::Api", "AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi":
            return ResourceNaming.id("api:" + logicalId, length: 10)
        case "AWS::ApiGateway::Resource":
            return ResourceNaming.id("resource:" + logicalId, length: 6)
        case "AWS::ApiGateway::Deployment", "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::Authorizer":
            return ResourceNaming.id("id:" + logicalId, length: 6)
        default:
            return try physicalName(resource, at: node)
        }
    }

    /// `Fn::GetAtt` of a resource.
    func resourceAttribute(_ logicalId: String, _ attribute: String, at node: YAMLNode) throws(DefinitionError) -> String {
        guard let resource = context.resource(logicalId) else { throw context.error("unknown resource '\(logicalId)'", at: node) }
        let region = options.region, account = options.accountId
        let arnPrefix = "arn:\(partition)"
        func name() throws(DefinitionError) -> String { try physicalName(resource, at: node) }
        switch (resource.type, attribute) {
        case ("AWS::SQS::Queue", "Arn"): return "\(arnPrefix):sqs:\(region):\(account):\(try name())"
        case ("AWS::SQS::Queue", "QueueName"): return try name()
        case ("AWS::SQS::Queue", "QueueUrl"): return "https://sqs.\(region).\(urlSuffix)/\(account)/\(try name())"
        case ("AWS::IAM::Role", "Arn"):
            var path = "/"
            if let pathNode = resource.properties?["Path"], let text = try string(pathNode, "a role path") { path = text }
            return "\(arnPrefix):iam::\(account):role\(path)\(try name())"
        case ("AWS::IAM::Role", "RoleId"): return "AROA" + ResourceNaming.id("role:" + logicalId, length: 17).uppercased()
        case ("AWS::Lambda::Function", "Arn"), ("AWS::Serverless::Function", "Arn"):
            return "\(arnPrefix):lambda:\(region):\(account):function:\(try name())"
        case ("AWS::DynamoDB::Table", "Arn"), ("AWS::DynamoDB::GlobalTable", "Arn"), ("AWS::Serverless::SimpleTable", "Arn"):
            return "\(arnPrefix):dynamodb:\(region):\(account):table/\(try name())"
        case ("AWS::DynamoDB::Table", "StreamArn"), ("AWS::DynamoDB::GlobalTable", "StreamArn"):
            return "\(arnPrefix):dynamodb:\(region):\(account):table/\(try name())/stream/1970-01-01T00:00:00.000"
        case ("AWS::StepFunctions::StateMachine", "Arn"), ("AWS::Serverless::StateMachine", "Arn"):
            return "\(arnPrefix):states:\(region):\(account):stateMachine:\(try name())"
        case ("AWS::StepFunctions::StateMachine", "Name"), ("AWS::Serverless::StateMachine", "Name"): return try name()
        case ("AWS::SNS::Topic", "TopicArn"): return "\(arnPrefix):sns:\(region):\(account):\(try name())"
        case ("AWS::SNS::Topic", "TopicName"): return try name()
        case ("AWS::Events::EventBus", "Arn"): return "\(arnPrefix):events:\(region):\(account):event-bus/\(try name())"
        case ("AWS::Events::EventBus", "Name"): return try name()
        case ("AWS::Kinesis::Stream", "Arn"): return "\(arnPrefix):kinesis:\(region):\(account):stream/\(try name())"
        case ("AWS::S3::Bucket", "Arn"): return "\(arnPrefix):s3:::\(try name())"
        case ("AWS::S3::Bucket", "DomainName"): return "\(try name()).s3.\(urlSuffix)"
        case ("AWS::Logs::LogGroup", "Arn"): return "\(arnPrefix):logs:\(region):\(account):log-group:\(try name()):*"
        case ("AWS::ApiGateway::RestApi", "RootResourceId"), ("AWS::Serverless::Api", "RootResourceId"):
            return ResourceNaming.id("root:" + logicalId, length: 10)
        case ("AWS::ApiGateway::RestApi", "RestApiId"), ("AWS::Serverless::Api", "RestApiId"):
            return try resourceReference(logicalId, at: node)
        case (_, "Arn"):
            // Any other ARN keeps the usual shape, service from the type: AWS::Service::Kind.
            let parts = resource.type.split(separator: "::")
            let service = parts.count == 3 ? parts[1].lowercased() : "unknown"
            return "\(arnPrefix):\(service):\(region):\(account):\(try name())"
        default:
            throw context.error(
                "Fn::GetAtt \(logicalId).\(attribute): attribute '\(attribute)' of \(resource.type.isEmpty ? "this resource" : resource.type) "
                    + "is not modelled; pass --parameter \(logicalId).\(attribute)=VALUE to supply it", at: node)
        }
    }

    /// The resource's own name property when the template sets it, otherwise the name
    /// CloudFormation would generate.
    func physicalName(_ resource: TemplateContext.Resource, at node: YAMLNode) throws(DefinitionError) -> String {
        if let property = Self.nameProperty[resource.type], let value = resource.properties?[property] {
            if let name = try nested(at: node).string(value, "a name") { return name }
        }
        var name = ResourceNaming.generatedName(stack: options.stackName, logicalId: resource.logicalId)
        // A FIFO queue's name must end in .fifo, generated or not.
        if resource.type == "AWS::SQS::Queue", resource.properties?["FifoQueue"]?.string == "true" { name += ".fifo" }
        return name
    }

    /// The property that names a resource of each type, when the template chooses the name.
    static let nameProperty: [String: String] = [
        "AWS::SQS::Queue": "QueueName",
        "AWS::Lambda::Function": "FunctionName",
        "AWS::Serverless::Function": "FunctionName",
        "AWS::IAM::Role": "RoleName",
        "AWS::DynamoDB::Table": "TableName",
        "AWS::DynamoDB::GlobalTable": "TableName",
        "AWS::Serverless::SimpleTable": "TableName",
        "AWS::StepFunctions::StateMachine": "StateMachineName",
        "AWS::Serverless::StateMachine": "Name",
        "AWS::SNS::Topic": "TopicName",
        "AWS::Events::EventBus": "Name",
        "AWS::Kinesis::Stream": "Name",
        "AWS::S3::Bucket": "BucketName",
        "AWS::Logs::LogGroup": "LogGroupName",
        "AWS::ApiGateway::Stage": "StageName",
    ]
}
