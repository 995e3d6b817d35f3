import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic();

// Non-compliant: identity only.
export async function summarize(userId: string, text: string) {
  const message = await anthropic.messages.create({
    model: "claude-sonnet-4-20250514",
    max_tokens: 512,
    messages: [{ role: "user", content: text }],
    metadata: { user_id: userId },
  });
  return message;
}
