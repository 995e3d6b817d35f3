# The LLM call-site example: a route that calls the Vercel AI SDK with the request's text and
# nothing else — no user context, no identity, no logging.
source "$(dirname "$0")/lib.sh"
write src/routes/draft.ts <<'TS'
import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";

export async function draft(req: Request) {
  const { topic, userId } = await req.json();
  const prompt = `Write a short draft about ${topic}.`;
  const result = await generateText({ model: openai("gpt-4o-mini"), prompt });
  return Response.json({ text: result.text, userId });
}
TS
commit "Draft route" 2026-11-20T08:00:00Z
