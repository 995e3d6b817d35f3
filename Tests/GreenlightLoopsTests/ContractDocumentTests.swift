import Foundation
import GreenlightLoops
import Testing
import Yams

/// `docs/loops-api.yaml` and the code agree: the paths and methods the loops call, which token
/// each takes, and every default field name.
@Suite("The OpenAPI document matches the loops' defaults")
struct ContractDocumentTests {
    static var document: Node? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let text = try? String(contentsOf: root.appendingPathComponent("docs/loops-api.yaml"), encoding: .utf8) else { return nil }
        return try? Yams.compose(yaml: text)
    }

    func operation(_ endpoint: Endpoint) throws -> Node {
        let document = try #require(Self.document, "docs/loops-api.yaml is missing or not YAML")
        let template = endpoint.template(in: LoopsAPISettings.Paths())
        let item = try #require(document["paths"]?[template], "\(template) is not in the document")
        return try #require(item[endpoint.method.lowercased()], "\(endpoint.method) \(template) is not in the document")
    }

    @Test func everyCallIsDocumentedAndNothingElse() throws {
        let document = try #require(Self.document)
        var documented: Set<String> = []
        for (path, item) in document["paths"]?.mapping ?? [:] {
            for (method, _) in item.mapping ?? [:] { documented.insert("\(method.string!.uppercased()) \(path.string!)") }
        }
        let called = Set(Endpoint.allCases.map { "\($0.method) \($0.template(in: LoopsAPISettings.Paths()))" })
        #expect(documented == called)
        #expect(document["openapi"]?.string?.hasPrefix("3.") == true)
    }

    @Test(arguments: Endpoint.allCases)
    func tokensAreAsDocumented(endpoint: Endpoint) throws {
        let security = try operation(endpoint)["security"]?.sequence.map { Array($0).compactMap { $0.mapping?.keys.first?.string } }
        switch endpoint.credential {
        case .none: #expect(security == [], "health takes no token")
        case .key: #expect(security == nil, "inherits the document's apiKey")
        case .adminKey: #expect(security == ["adminKey"])
        }
    }

    /// The names of an operation's schema properties, `$ref`s followed.
    func properties(_ node: Node?, _ document: Node) -> Set<String> {
        guard let node else { return [] }
        if let reference = node["$ref"]?.string {
            let name = reference.components(separatedBy: "/").last ?? ""
            return properties(document["components"]?["schemas"]?[name], document)
        }
        var names = Set((node["properties"]?.mapping ?? [:]).keys.compactMap(\.string))
        names.formUnion(properties(node["items"], document))
        for (_, value) in node["properties"]?.mapping ?? [:] { names.formUnion(properties(value, document)) }
        return names
    }

    @Test func defaultFieldNamesAreTheDocumentsOwn() throws {
        let document = try #require(Self.document)
        let fields = LoopsAPISettings.Fields()
        func response(_ endpoint: Endpoint) throws -> Set<String> {
            let answer = try operation(endpoint)["responses"]?.mapping?.first { $0.key.string == "200" }?.value
            return properties(answer?["content"]?["application/json"]?["schema"], document)
        }
        func request(_ endpoint: Endpoint) throws -> Set<String> {
            properties(try operation(endpoint)["requestBody"]?["content"]?["application/json"]?["schema"], document)
        }
        #expect(try response(.fewShotBuild).contains(fields.fewShotExamples))
        #expect(try request(.inferAll) == [fields.usersLimit])
        #expect(try response(.inferAll).contains(fields.usersProcessed))
        #expect(try response(.users).isSuperset(of: [fields.userIDs]))
        #expect(try request(.rollout) == [fields.rolloutVersion, fields.rolloutPercentBody])
        let prompt = try response(.prompt)
        for name in [fields.candidate, fields.versions, fields.version, fields.rolloutPercent, fields.score, fields.samples,
                     fields.errorRate, fields.baselineScore, fields.secondsAtStep, fields.stepStartedAt] {
            #expect(prompt.contains(name), "\(name) is not a property of the prompt schema")
        }
    }
}
