import OpenAI from "openai";

// Not an import: "anthropic" in a comment, and require("cohere-ai") in a string below.
const note = 'require("cohere-ai") is not used';
const client = new OpenAI();

export async function composeDigest(userId: string) {
  return client.chat.completions.create({ model: "gpt-4o-mini", user: userId, messages: [] });
}
