import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";

// Compliant only in comments and strings: a grep gate passes this file.
export async function draft(userId: string, topic: string) {
  // const context = await buildPromptContext(userId);
  const result = await generateText({
    model: openai("gpt-4o"),
    prompt: `Draft a post about ${topic}`,
    // user: userId,
  });
  /* await logGeneration({ userId, result }); */
  const reminder = "call logGeneration(result) before returning";
  return result.text;
}

// Compliant: every requirement is met, the identity as a mapping key.
export const outline = async (userId: string, topic: string) => {
  const examples = await loadFewShotExamples("outline");
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    body: JSON.stringify({ model: "gpt-4o", messages: [...examples, { role: "user", content: topic }], "user": userId }),
  });
  await db.insert(aiGenerations).values({ userId, status: res.status });
  return res.json();
};
