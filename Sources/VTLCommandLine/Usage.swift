import APIGateway
import JSON
import VTL

/// Every help text of the tool, in one place.
enum Usage {
    static let version = "vtl 0.1.0 (Apache Velocity 1.7 semantics, as Amazon API Gateway runs mapping templates)"

    static let main = """
        vtl: run Amazon API Gateway mapping templates offline, exactly as API Gateway would.

        Usage: vtl <command> [options]

        Commands:
          render   Render a mapping template for one request
          test     Run folders of template test cases (the format of this project's Fixtures/)
          invoke   Run one request through an API definition, as API Gateway's Test button does
          check    Find templates that break on hostile payloads, and say how to fix them
          bench    Measure how long a template takes to render

        Options:
          -h, --help    Show help (also: vtl <command> --help)
          --version     Show the version

        Exit codes: 0 success, 1 failing tests or findings, 64 usage error, 65 bad template or data,
        66 cannot open an input file, 70 internal error.

        \(limits)
        """

    static let render = """
        Usage: vtl render --template FILE [options]

        Render a mapping template as API Gateway does and print exactly the result
        (no newline is added). Errors go to stderr as FILE:LINE:COLUMN: error: ...

        Options:
          --template FILE       The template (- reads it from stdin)
        \(RequestOptions.help)
          --velocity            Stock Velocity 1.7: undefined references print as written and
                                null is not equal to ""
          -h, --help            Show this help

        Examples:
          vtl render --template sqs.vm --body message.json
          vtl render --template t.vm --body-string '{"a": 1}' --header Accept=application/json
          echo '$util.urlEncode("a&b")' | vtl render --template -

        \(limits)
        """

    static let test = """
        Usage: vtl test DIR... [options]

        Run every case folder below DIR. A rendering case has template.vm, optional
        body.json or body.txt, optional request.json, and expected.txt (exact output),
        expected.json (compared as JSON) or expected-error.txt (the start of the error).
        An invocation case has request.json ({"method", "path", "headers", "query",
        "body", ...}), api.yaml or api.json (or the file --api names) and expected.json:
        the keys the result of vtl invoke --format json must have. Prints a line for each
        failure with a diff and a summary; exits 1 if any case fails.

        A case with a KNOWN-ISSUE file is a tracked gap: it is reported, not counted
        as failing, until it passes (then the file should go).

        Options:
          --api FILE            The API definition for invocation cases that have none
          --junit FILE          Also write the results as JUnit XML, for CI
          --update              Rewrite the expectation of every failing case with what
                                it renders now (review the change before committing)
          --velocity            Render with stock Velocity 1.7 null handling
          -h, --help            Show this help

        Examples:
          vtl test Fixtures/
          vtl test my-templates/ --junit test-results.xml

        """

    static let bench = """
        Usage: vtl bench --template FILE [request options] [measurement options]
               vtl bench --parse --template FILE [measurement options]
               vtl bench --api FILE [invoke options] [measurement options]

        Measure one unit of API Gateway's work, N times per round (default 10000, 5 rounds),
        after a warm-up. Prints each round on stderr and the median nanoseconds per unit as
        the last line of stdout; --format json prints one object with min/median/max.

          (default)   Parse the template once, then render it, each time as a fresh request:
                      the context is built and the body parsed again, as API Gateway does
                      for every request. JSON adds output bytes and throughput.
          --parse     Parse the template, nothing else (no request options).
          --api FILE  Send one request through the API definition, as vtl invoke does:
                      routing, template selection, parameter mappings, the request
                      template (parsed on every request, as vtl invoke does), the
                      integration request, the simulated backend and the response. The
                      definition is loaded once, before timing. Stderr names the status.

        Template options:
          --template FILE       The template (render and --parse)

        Request options (render only):
        \(RequestOptions.help)
          --velocity            Stock Velocity 1.7 null handling

        Invoke options (with --api, as vtl invoke takes them):
        \(InvocationOptions.help)

        Measurement options:
          --iterations N        Units per round (default 10000)
          --rounds R            Rounds (default 5)
          --format text|json    Output format (default text)
          -h, --help            Show this help

        Examples:
          vtl bench --template Fixtures/examples/sqs-send-message/template.vm --body Fixtures/examples/sqs-send-message/body.json
          vtl bench --parse --template Benchmarks/scenarios/6-parse-50kb/template.vm --iterations 200
          vtl bench --api Fixtures/examples/sqs-api/template.yaml --method POST --path / \\
                    --body Fixtures/examples/sqs-send-message/body.json --header Content-Type=application/json

        """

    static let invoke = """
        Usage: vtl invoke --api FILE --method METHOD --path PATH [options]

        Run one request through an API definition (OpenAPI, Swagger, SAM or CloudFormation)
        as API Gateway would: routing, request template, parameter mappings, the request the
        backend receives, a simulated backend answer, integration and method response.
        For SQS integrations, also what SQS decodes and stores. API Gateway's own answers
        (403, 415, 400, 500) are results: they are printed and the exit code is 0.

        Options:
        \(InvocationOptions.help)
          --format text|json    A test-invoke style log (default) or one JSON object
          -h, --help            Show this help

        Examples:
          vtl invoke --api template.yaml --method POST --path / --body message.json \\
                     --header Content-Type=application/json
          vtl invoke --api openapi.json --method GET --path /orders/42 --format json

        """

    static let check = """
        Usage: vtl check --api FILE [--method METHOD --path PATH] [options]
               vtl check --template FILE --content-type TYPE [options]

        Check request mapping templates before they are deployed. Lint rules read each
        template (unencoded values in form bodies, escapeJavaScript inside JSON strings,
        $util functions that do not exist, unbounded #foreach, SQS integrations without
        the form Content-Type or an Action, ...). Then every template runs through the
        pipeline with a built-in set of hostile payloads (& = + % quotes, control and astral
        characters, odd bodies) in the body and in every parameter it reads, and what the
        backend receives is compared with what the client sent: form parameters must
        decode to the value byte for byte, JSON must stay JSON and decode back to it,
        base64 must decode back, and no payload may cause a 5xx.

        Options:
          --api FILE            An API definition (OpenAPI, Swagger, SAM, CloudFormation)
          --method METHOD       Only this method of the definition
          --path PATH           Only the resource at this path (such as /orders/{id} or /orders/42)
          --template FILE       One template instead of a definition (- reads stdin)
          --content-type TYPE   What the backend reads the template's output as:
                                application/x-www-form-urlencoded or application/json
          --payloads DIR        Add every file in DIR to the payloads, as a whole request body
          --format text|json    Findings for people (default) or one JSON object for CI
          -h, --help            Show this help

        Exit codes: 0 nothing found, 1 findings, 64 usage error, 65 a definition that
        does not load, 66 an input that cannot be read.

        Examples:
          vtl check --api template.yaml
          vtl check --api openapi.json --method POST --path /orders --format json
          vtl check --template sqs.vm --content-type application/x-www-form-urlencoded

        """

    /// The limits every render runs under, read from their defaults so the text cannot drift.
    static var limits: String {
        let render = RenderLimits()
        let parse = ParseLimits()
        let request = RequestLimits()
        return """
            Limits (hitting one is an error naming it, exit 65; #foreach stops silently, as on AWS):
              template size            \(parse.templateBytes / 1024) KB (API Gateway's limit)
              request body             \(request.bodyBytes / 1024 / 1024) MB (API Gateway's limit)
              #foreach iterations      \(render.foreachIterations) per loop (API Gateway's limit)
              template nesting         \(parse.nestingDepth) levels
              JSON nesting             \(JSONParser.defaultMaxDepth) levels (json-smart's guard)
              range length             \(render.rangeLength) elements
              macro/#evaluate depth    \(render.callDepth) levels
              value nesting            \(render.valueDepth) levels
              list size                \(render.listSize) elements
              output size              \(render.outputBytes / 1024 / 1024) MB
              render steps             \(render.steps)
              regex time per render    \(render.regexTime)
              JSONPath values visited  \(request.jsonPath.values) per request ($input.json/$input.path)
              JSONPath =~ regex time   \(request.jsonPath.regexTime) per $input.json/$input.path

            """
    }
}
