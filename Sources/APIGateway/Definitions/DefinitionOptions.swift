/// The values a deployment would supply and an offline load has to assume: template
/// parameters and the pseudo parameters `AWS::Region`, `AWS::AccountId`, `AWS::StackName`.
public struct DefinitionOptions: Sendable {
    /// Template parameter values, overriding each parameter's `Default`. A key of the form
    /// `Resource.Attribute` also overrides that `Fn::GetAtt`, and an export name overrides
    /// that `Fn::ImportValue`, for values no offline reading can know.
    public var parameters: [String: String] = [:]
    /// `AWS::Region`.
    public var region = "us-east-1"
    /// `AWS::AccountId`.
    public var accountId = "123456789012"
    /// `AWS::StackName`, also the prefix of generated resource names.
    public var stackName = "vtl-stack"

    /// Creates options; the defaults are the example account and region of the AWS documentation.
    public init(
        parameters: [String: String] = [:], region: String = "us-east-1",
        accountId: String = "123456789012", stackName: String = "vtl-stack"
    ) {
        self.parameters = parameters
        self.region = region
        self.accountId = accountId
        self.stackName = stackName
    }
}
