import GreenlightCore

// In triggering examples, `/*✓ … */` (Python: `#✓ …` to the end of the line) holds the
// requirement in a comment: the example triggers as written, must stop triggering when the
// comment is replaced by its text, and trigger again when the text is put in a string
// (AIRequirementSlotTests).
extension ContextInjectionRule {
    static let triggeringExamples = [
        RuleExample([
            "src/routes/answer.ts": """
                export async function answer(req: Request, userId: string) {
                  /*✓ const context = await buildPromptContext(userId); */
                  const completion = await ↓openai.chat.completions.create({
                    model: "gpt-4o",
                    messages: [{ role: "user", content: await req.text() }],
                    user: userId,
                  });
                  await logGeneration({ userId, completion });
                  return completion;
                }
                """,
        ]),
        RuleExample([
            "app/answer.py": """
                def answer(user_id: str, question: str):
                    #✓ context = get_user_context(user_id)
                    response = ↓client.chat.completions.create(
                        model="gpt-4o",
                        messages=[{"role": "user", "content": question}],
                        user=user_id,
                    )
                    log_generation(user_id, response)
                    return response
                """,
        ]),
        RuleExample([
            "internal/answer/answer.go": """
                func Answer(ctx context.Context, client *openai.Client, userID, question string) (string, error) {
                \t/*✓ prompt := BuildPromptContext(ctx, userID) */
                \tresp, err := ↓client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{User: openai.String(userID)})
                \tLogGeneration(ctx, userID, resp)
                \treturn resp.Choices[0].Message.Content, err
                }
                """,
        ]),
        RuleExample([
            "Sources/App/Answer.swift": """
                import GoogleGenerativeAI

                func answer(question: String, userID: String) async throws -> String {
                    /*✓ let context = try await loadUserContext(userID) */
                    let response = try await ↓model.generateContent(question)
                    try await logGeneration(response, userID: userID)
                    return response.text ?? ""
                }
                """,
        ]),
        // The context is built in another function: that does not count for this one.
        RuleExample([
            "src/summarize.ts": """
                import { generateText } from "ai";
                async function buildContext(userId: string) {
                  return buildPromptContext(userId);
                }

                export const summarize = async (doc: string, userId: string) => {
                  /*✓ const context = await buildContext(userId); */
                  const { text } = await ↓generateText({ model, prompt: doc, experimental_telemetry: { metadata: { userId } } });
                  return text;
                };
                """,
        ]),
    ]

    static let nonTriggeringExamples = [
        // What real code injects: a prompt built from data, a template filled in, retrieved
        // documents, the chat history, the messages the client assembled.
        RuleExample([
            "backend/agents/conflicts.py": """
                def detect(self, project, spec):
                    prompt = self.build_conflict_detection_prompt(project.specs, spec)
                    return self.client.messages.create(model=MODEL, max_tokens=800, messages=[{"role": "user", "content": prompt}])
                """,
            "backend/rag/rewrite.py": """
                async def rewrite(self, state):
                    prompt = CONDENSE_TASK_PROMPT.format(question=state["question"])
                    return await llm.ainvoke(prompt)
                """,
            "backend/rag/answer.py": """
                def answer(question):
                    docs = store.similarity_search(question, k=4)
                    return client.chat.completions.create(model=M, messages=to_messages(docs, question))
                """,
            "src/app/api/chat/custom/route.ts": """
                export async function POST(request: Request) {
                  const json = await request.json()
                  const { chatSettings, messages } = json as { chatSettings: ChatSettings; messages: any[] }
                  const response = await custom.chat.completions.create({ model: chatSettings.model, messages, stream: true })
                  return new StreamingTextResponse(OpenAIStream(response))
                }
                """,
        ]),
        // A thin client (the call is its only statement) hands its prompt on: its callers build
        // it. Code under `if __name__ == "__main__":` is a module's manual run, not the product.
        RuleExample([
            "src/llm/claude_client.py": """
                class Claude:
                    def inference(self, model_id: str, prompt: str) -> str:
                        message = self.client.messages.create(max_tokens=4096, messages=[{"role": "user", "content": prompt.strip()}], model=model_id)
                        return message.content[0].text
                """,
            "tools/custom_tool.py": """
                def run(self, args):
                    return self.call(args)

                if __name__ == "__main__":
                    client = OpenAI()
                    print(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}]))
                """,
        ]),
        // A call inside a closure is judged by the function that holds the closure.
        RuleExample([
            "src/answer.ts": """
                export async function answer(userId: string, question: string) {
                  const context = await buildPromptContext(userId);
                  return withRetry(() =>
                    openai.chat.completions.create({ model, messages: [...context, { role: "user", content: question }], user: userId }),
                  );
                }
                """,
        ]),
        RuleExample([
            "app/draft.py": """
                async def draft(user_id, topic):
                    examples = await load_few_shot_examples(user_id)
                    return await chain.ainvoke({"topic": topic, "examples": examples}, config={"metadata": {"user_id": user_id}})
                """,
        ]),
        RuleExample([
            "internal/draft.go": """
                func Draft(ctx context.Context, userID string) (*anthropic.Message, error) {
                \tprefs := GetUserPreferences(ctx, userID)
                \treturn client.Messages.New(ctx, anthropic.MessageNewParams{System: prefs.System()})
                }
                """,
        ]),
        RuleExample([
            "Sources/App/Assistant.swift": """
                final class Assistant {
                    func reply(to text: String, userID: String) async throws -> String {
                        let context = try await buildPromptContext(for: userID)
                        return try await withRetry {
                            try await model.generateContent(context + text).text ?? ""
                        }
                    }
                }
                """,
        ]),
        // A team's wrapper that injects, identifies and logs.
        RuleExample(
            ["src/chat.ts": "export const reply = async (prompt: string, userId: string) => aiClient.generateText({ prompt, userId });\n"],
            config: "ai:\n  compliant_wrappers: ['aiClient\\.generateText']"
        ),
        // Tests are exempt by default; calls in comments and strings are no calls.
        RuleExample([
            "src/answer.test.ts": "test('answers', async () => { await openai.chat.completions.create({ model }) })\n",
            "src/help.ts": """
                // openai.chat.completions.create({ model }) is called by the gateway
                export const help = "see openai.chat.completions.create(params) in the docs";
                """,
        ]),
    ]
}
