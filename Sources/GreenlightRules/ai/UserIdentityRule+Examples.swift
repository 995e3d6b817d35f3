import GreenlightCore

// `/*✓ … */` and Python's `#✓ …` hold the requirement in a comment: see
// ContextInjectionRule+Examples.swift.
extension UserIdentityRule {
    static let triggeringExamples = [
        RuleExample([
            "src/chat.ts": """
                export async function chat(userId: string, messages: Message[]) {
                  const context = await buildPromptContext(userId);
                  const reply = await ↓openai.chat.completions.create({
                    model: "gpt-4o",
                    messages: [...context, ...messages, { role: "user", content: "go on" }],
                    /*✓ user: userId, */
                  });
                  await logGeneration(reply);
                  return reply;
                }
                """,
        ]),
        RuleExample([
            "app/summary.py": """
                def summarize(user_id, text):
                    context = get_user_context(user_id)
                    message = ↓client.messages.create(
                        model=MODEL,
                        max_tokens=1024,
                        messages=[{"role": "user", "content": context + text}],
                        #✓ metadata={"user_id": user_id},
                    )
                    log_generation(user_id, message)
                    return message
                """,
        ]),
        RuleExample([
            "internal/summary/summary.go": """
                func Summarize(ctx context.Context, client anthropic.Client, userID, text string) (*anthropic.Message, error) {
                \tprompt := BuildPromptContext(ctx, userID)
                \tmsg, err := ↓client.Messages.New(ctx, anthropic.MessageNewParams{
                \t\tMessages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(prompt + text))},
                \t\t/*✓ Metadata: anthropic.MetadataParam{UserID: anthropic.String(userID)}, */
                \t})
                \tLogGeneration(ctx, userID, msg)
                \treturn msg, err
                }
                """,
        ]),
        RuleExample([
            "Sources/App/Chat.swift": """
                func chat(_ messages: [ChatQuery.ChatCompletionMessageParam], userID: String) async throws -> ChatResult {
                    let context = try await loadUserContext(userID)
                    let result = try await ↓openAI.chats(query: ChatQuery(messages: context + messages, model: .gpt4_o /*✓ , user: userID */))
                    try await logGeneration(result, userID: userID)
                    return result
                }
                """,
        ]),
        // The identity is nearby but not in the call.
        RuleExample([
            "src/stream.ts": """
                import { streamText } from "ai";
                export const stream = async (userId: string, prompt: string) => {
                  const context = await buildPromptContext(userId);
                  console.log("streaming for", userId);
                  return ↓streamText({ model, system: context, prompt /*✓ , experimental_telemetry: { metadata: { userId } } */ });
                };
                """,
        ]),
    ]

    static let nonTriggeringExamples = [
        // A local model server: no provider to tell the user to.
        RuleExample(["app/local.py": "import ollama\n\ndef reply(question):\n    return ollama.chat(model=\"llama3.2\", messages=[{\"role\": \"user\", \"content\": question}])\n"]),
        // Code that never names a user (a single-user tool, a library): no identity to pass.
        RuleExample([
            "src/llm/groq_client.py": """
                class Groq:
                    def inference(self, model_id, prompt):
                        return self.client.chat.completions.create(model=model_id, messages=[{"role": "user", "content": prompt}])
                """,
            "src/agents/planner.py": "def plan(task):\n    return LLM().inference(MODEL, PLAN_PROMPT.format(task=task))\n",
        ]),
        // The user's own API key: the provider's account is the user's.
        RuleExample([
            "app/api/chat/openai/route.ts": """
                export async function POST(request: Request) {
                  const { messages } = await request.json()
                  const profile = await getServerProfile()
                  const openai = new OpenAI({ apiKey: profile.openai_api_key || "" })
                  const response = await openai.chat.completions.create({ model: "gpt-4o", messages, stream: true })
                  return new StreamingTextResponse(OpenAIStream(response))
                }
                """,
        ]),
        RuleExample([
            "src/chat.ts": """
                const reply = await openai.chat.completions.create({
                  model,
                  messages,
                  user: req.user.id,
                });
                """,
        ]),
        RuleExample([
            "app/chain.py": """
                answer = await chain.ainvoke(
                    {"question": question},
                    config={"metadata": {"user_id": user_id}},
                )
                response = client.models.generate_content(model=MODEL, contents=prompt, config={"labels": {"userId": uid}})
                """,
        ]),
        RuleExample([
            "internal/chat.go": """
                resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
                \tMessages: msgs,
                \tUser:     openai.String(userID),
                })
                """,
        ]),
        RuleExample([
            "Sources/App/Gemini.swift": "let response = try await model.generateContent(prompt, userID: session.userID)\n",
        ]),
        // A team's own identity key.
        RuleExample(
            ["src/tenant.ts": "const r = await openai.responses.create({ model, input, metadata: { tenantUser: ctx.principal } });\n"],
            config: "ai:\n  identity_args: ['\\btenantUser\\b']"
        ),
    ]
}
