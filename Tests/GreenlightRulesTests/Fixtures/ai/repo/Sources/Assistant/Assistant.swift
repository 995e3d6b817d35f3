import OpenAI
import GoogleGenerativeAI

final class Assistant {
    let openAI: OpenAI
    let model: GenerativeModel

    init(openAI: OpenAI, model: GenerativeModel) {
        self.openAI = openAI
        self.model = model
    }

    /// Compliant: context, identity and logging.
    func reply(to text: String, userID: String) async throws -> String {
        let context = try await buildPromptContext(for: userID)
        let result = try await openAI.chats(query: ChatQuery(messages: context + [.user(.init(content: .string(text)))], model: .gpt4_o, user: userID))
        try await logGeneration(result, userID: userID)
        return result.choices.first?.message.content ?? ""
    }

    /// Compliant only in comments and strings.
    func suggest(_ text: String) async throws -> String {
        // let context = try await buildPromptContext(for: userID)
        let response = try await model.generateContent("Suggest a title for user: \(text)") // logGeneration(response)
        return response.text ?? ""
    }

    /// Compliant through the declared wrapper.
    func summarize(_ text: String, userID: String) async throws -> String {
        try await withGenerationLog(userID: userID) {
            try await model.generateContent(text).text ?? ""
        }
    }
}
