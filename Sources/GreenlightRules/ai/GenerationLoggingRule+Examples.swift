import GreenlightCore

// `/*✓ … */` and Python's `#✓ …` hold the requirement in a comment: see
// ContextInjectionRule+Examples.swift.
extension GenerationLoggingRule {
    static let triggeringExamples = [
        // A transport wrapper (it hands on the messages it receives) is judged at its callers,
        // through a private helper, in another file that names its module — not at a same-named
        // method of an unrelated class.
        RuleExample([
            "app/llm/groq.py": """
                class GroqClient:
                    @retry(stop=stop_after_attempt(3))
                    def _generate(self, messages, **kwargs):
                        return self.client.chat.completions.create(model=self.model, messages=messages, **kwargs)

                    def generate_reply(self, messages):
                        return self._generate(messages)
                """,
            "app/summary.py": """
                from app.llm.groq import GroqClient

                llm = GroqClient()

                def summarize(user_id, text):
                    history = build_context(user_id) + [text]
                    out = ↓llm.generate_reply(history)
                    #✓ log_generation(user_id, out)
                    return out
                """,
            "app/chat/bot.py": "class Bot:\n    def run(self, text):\n        return self.engine.generate_reply(text)\n",
        ]),
        // A route the framework calls with the conversation is judged where it stands.
        RuleExample([
            "app/api.py": """
                @app.post("/chat")
                async def chat(user_id: str, messages: list[dict]):
                    msgs = [{"role": m["role"], "content": m["text"]} for m in messages]
                    reply = await ↓client.chat.completions.create(model=MODEL, messages=msgs, user=user_id)
                    #✓ log_generation(user_id, msgs, reply)
                    return reply
                """,
        ]),
        RuleExample([
            "src/draft.ts": """
                import { generateText } from "ai";
                export async function draft(userId: string, topic: string) {
                  const context = await buildPromptContext(userId);
                  const { text } = await ↓generateText({ model, system: context, prompt: topic, providerOptions: { openai: { user: userId } } });
                  /*✓ await logGeneration({ userId, promptVersion: "draft-v3", text }); */
                  return text;
                }
                """,
        ]),
        RuleExample([
            "app/reply.py": """
                async def reply(user_id, question):
                    context = await get_user_context(user_id)
                    answer = await ↓llm.ainvoke(context + question, config={"metadata": {"user_id": user_id}})
                    #✓ await log_generation(user_id, prompt_version="reply-v2", output=answer)
                    return answer
                """,
        ]),
        RuleExample([
            "internal/reply/reply.go": """
                import "google.golang.org/genai"

                func Reply(ctx context.Context, userID, q string) (string, error) {
                \tprompt := BuildPromptContext(ctx, userID)
                \tresp, err := ↓client.Models.GenerateContent(ctx, "gemini-2.0-flash", genai.Text(prompt+q), &genai.GenerateContentConfig{Labels: map[string]string{"user_id": userID}})
                \t/*✓ LogGeneration(ctx, userID, resp) */
                \treturn resp.Text(), err
                }
                """,
        ]),
        RuleExample([
            "Sources/App/Reply.swift": """
                func reply(to question: String, userID: String) async throws -> String {
                    let context = try await buildPromptContext(for: userID)
                    let result = try await ↓openAI.chats(query: ChatQuery(messages: context + [.user(.init(content: .string(question)))], model: .gpt4_o, user: userID))
                    /*✓ try await logGeneration(result, userID: userID) */
                    return result.choices.first?.message.content ?? ""
                }
                """,
        ]),
        RuleExample([
            "src/complete.ts": """
                export async function complete(userId: string, prompt: string) {
                  const context = await buildPromptContext(userId);
                  const res = await ↓fetch("https://api.anthropic.com/v1/messages", {
                    method: "POST",
                    body: JSON.stringify({ model, messages: [...context, { role: "user", content: prompt }], metadata: { user_id: userId } }),
                  });
                  /*✓ await db.insert(aiGenerations).values({ userId, status: res.status }); */
                  return res.json();
                }
                """,
        ]),
    ]

    static let nonTriggeringExamples = [
        // Langfuse instruments the client for the whole file.
        RuleExample([
            "src/answer.ts": """
                const openai = observeOpenAI(new OpenAI());
                export async function answer(userId: string, q: string) {
                  const context = await buildPromptContext(userId);
                  return openai.chat.completions.create({ model, messages: [...context, { role: "user", content: q }], user: userId });
                }
                """,
        ]),
        RuleExample([
            "app/answer.py": """
                @observe(as_type="generation")
                def answer(user_id, question):
                    context = get_user_context(user_id)
                    return client.chat.completions.create(model=MODEL, messages=context + [question], user=user_id)
                """,
        ]),
        RuleExample([
            "src/generate.ts": """
                export async function generate(userId: string, prompt: string) {
                  const res = await anthropic.messages.create({ model, max_tokens: 512, messages: [{ role: "user", content: prompt }], metadata: { user_id: userId } });
                  await prisma.aiGeneration.create({ data: { userId, output: res.content } });
                  return res;
                }
                """,
        ]),
        RuleExample([
            "internal/gen.go": """
                func Generate(ctx context.Context, userID, prompt string) (*genai.GenerateContentResponse, error) {
                \tresp, err := model.GenerateContent(ctx, genai.Text(prompt))
                \tLogGeneration(ctx, userID, resp)
                \treturn resp, err
                }
                """,
        ]),
        // A wrapper with a trailing closure; defining a function named like the SDK is no call.
        RuleExample(
            [
                "Sources/App/Answer.swift": """
                    func answer(_ q: String) async throws -> String {
                        try await withGenerationLog(userID: session.userID) {
                            try await model.generateContent(q).text ?? ""
                        }
                    }
                    """,
                "src/ai.ts": "export async function generateText(options: Options) {\n  return aiClient.run(options);\n}\n",
            ],
            config: "ai:\n  compliant_wrappers: [withGenerationLog]"
        ),
        // A tracing span or a usage record around the call records the generation.
        RuleExample([
            "app/filters.py": """
                def choose_sources(user_id, query):
                    history = build_context(user_id)
                    with llm_generation_span(name="source-filter") as span:
                        answer = llm.invoke(history + query)
                        record_llm_response(span, answer)
                    return answer
                """,
            "lib/lm.ts": """
                export async function ask(question: string) {
                  const out = await client.chat.completions.create({ model, messages: [{ role: "user", content: question }] });
                  this.history.push({ question, out, usage: out.usage });
                  return out;
                }
                """,
        ]),
        // A library's adapter hands on what it is given and nothing in the repository calls
        // it: its callers are the library's users. A declared compliant wrapper's own body. A
        // project's own helpers named like the SDK's functions, in files that do not import it.
        RuleExample(
            [
                "pkg/models/openai.py": "class OpenAIModel:\n    async def request(self, messages, settings):\n        return await self.client.chat.completions.create(model=self.name, messages=messages)\n\n    def generate_response(self, messages, tools=None):\n        params = {\n            \"model\": self.name,\n            \"messages\": messages,\n        }\n        return self.client.chat.completions.create(**params)\n",
                "src/providers/openai.ts": "export class Provider {\n  async send(messages: Message[]) {\n    return this.client.chat.completions.create({ model: this.model, messages });\n  }\n  private async *streamWithSDK(messages: Message[]): AsyncGenerator<Chunk> {\n    yield* await this.client.chat.completions.create({ model: this.model, messages, stream: true });\n  }\n}\n",
                "src/khoj/utils.py": "def send_message_to_model(query, model):\n    return client.chat.completions.create(model=model, messages=[{'role': 'user', 'content': query}])\n",
                "src/agent/summarize.ts": "import { streamText } from \"../stream-utils\";\nexport async function summarize(goal: string) {\n  return streamText(\"/api/agent/summarize\", { goal });\n}\n",
                "server/providers/openai.js": "import OpenAI from \"openai\";\nexport class Provider {\n  prompt(text) {\n    return this.#generateContent({ userPrompt: text });\n  }\n}\n",
            ],
            config: "ai:\n  compliant_wrappers: [send_message_to_model]"
        ),
        // Traced where the call stands: the AI SDK's telemetry option, a tracing decorator, a
        // tracing callback handed to the chain run in the file. A probe that only checks the
        // model answers, and listing the models, generate nothing.
        RuleExample([
            "src/llm/classify.ts": """
                import { generateObject } from "ai";
                export async function classify(userId: string, text: string) {
                  const context = await buildPromptContext(userId);
                  return generateObject({ model, schema, prompt: context + text, telemetry: { isEnabled: true, tracer } });
                }
                """,
            "app/answer.py": """
                @traceable(name="answer")
                def answer(user_id, question):
                    context = build_context(user_id)
                    return llm.invoke(context + question)
                """,
            "app/rag.py": """
                def rewrite(state):
                    return model.ainvoke(state["question"])

                async def run(graph_input):
                    return await graph.ainvoke(graph_input, config={"callbacks": [langfuse_handler]})
                """,
            "app/telemetry.py": "from openinference.instrumentation.anthropic import AnthropicInstrumentor\n\nAnthropicInstrumentor().instrument(tracer_provider=provider)\n",
            "app/agents/tagger.py": """
                def tag(user_id, text):
                    context = build_context(user_id)
                    return client.messages.create(model=MODEL, max_tokens=256, messages=[{"role": "user", "content": context + text}])
                """,
            "app/health.py": """
                def test_connection(self):
                    return self.complete("What is the capital of France?")
                """,
            "app/llms/bedrock.py": """
                def validate_model_access(self):
                    self.client.converse(modelId=self.model, messages=[{"role": "user", "content": [{"text": "test"}]}])
                """,
            "app/api/title/route.ts": """
                import { generateText } from "ai";
                export async function POST(req: Request) {
                  const { messages } = await req.json();
                  return logger.traced(async (span) => {
                    const { text } = await generateText({ model, system: TITLE_PROMPT, messages });
                    span.log({ input: messages, output: text });
                    return Response.json({ title: text });
                  });
                }
                """,
            "src/models.ts": """
                export async function listModels(apiKey: string) {
                  return fetch("https://api.anthropic.com/v1/models?limit=100", { headers: { "x-api-key": apiKey } });
                }
                """,
        ]),
        // LangSmith traces every LangChain run where the deployment switches tracing on.
        RuleExample([
            ".env.example": "LANGSMITH_API_KEY=\nLANGSMITH_TRACING=true\n",
            "src/agent/reflect.ts": """
                export async function reflect(state: State, userId: string) {
                  const context = await buildPromptContext(userId);
                  return model.invoke([...context, ...state.messages]);
                }
                """,
        ]),
        // An adapter that reshapes the conversation it receives (a loop over `messages`) hands
        // on its caller's request all the same; a compiled LangGraph graph's `ainvoke` runs a
        // workflow, not a chat model.
        RuleExample([
            "core/llm_client/groq_client.py": """
                class GroqClient(LLMClient):
                    async def _generate_response(self, messages: list[Message], max_tokens: int = 1024):
                        msgs: list[dict] = []
                        for m in messages:
                            msgs.append({"role": m.role, "content": m.content})
                        return await self.client.chat.completions.create(model=self.model, messages=msgs)
                """,
            "agents/orchestrator.py": """
                async def run_research_task(self, task):
                    chain = self.research_team.compile()
                    return await chain.ainvoke({"task": task})
                """,
        ]),
    ]
}
