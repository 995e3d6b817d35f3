import { draft } from "./draft";

test("drafts", async () => {
  await openai.chat.completions.create({ model: "gpt-4o", messages: [] });
});
