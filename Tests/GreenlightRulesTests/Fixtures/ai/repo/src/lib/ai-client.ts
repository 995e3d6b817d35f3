import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";

export const aiClient = {
  // The one good wrapper: it injects, identifies and logs. Its own body is checked like any
  // other code, and passes.
  async generateText(options: { prompt: string; userId: string }) {
    const context = await buildPromptContext(options.userId);
    const result = await generateText({
      model: openai("gpt-4o"),
      system: context,
      prompt: options.prompt,
      providerOptions: { openai: { user: options.userId } },
    });
    await logGeneration({ userId: options.userId, promptVersion: "wrapper-v3", text: result.text });
    return result.text;
  },
};
