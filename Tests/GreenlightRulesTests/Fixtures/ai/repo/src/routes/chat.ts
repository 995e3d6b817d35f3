import type { CoreMessage } from "ai";
import { aiClient } from "../lib/ai-client";

// Compliant through the declared wrapper: without ai.compliant_wrappers this call would be
// reported (it is named like the SDK's generateText).
export async function chat(req: Request, userId: string) {
  const { prompt } = await req.json();
  return aiClient.generateText({ prompt, userId });
}
