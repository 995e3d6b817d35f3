package ai

import "context"
import "github.com/google/generative-ai-go/genai"

// Complete is compliant: context, identity and logging.
func Complete(ctx context.Context, userID, prompt string) (string, error) {
	system := BuildPromptContext(ctx, userID)
	resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{openai.SystemMessage(system), openai.UserMessage(prompt)},
		User:     openai.String(userID),
	})
	if err != nil {
		return "", err
	}
	LogGeneration(ctx, userID, "complete-v1", resp)
	return resp.Choices[0].Message.Content, nil
}

// Classify is compliant only in a comment.
func Classify(ctx context.Context, text string) (*genai.GenerateContentResponse, error) {
	// prompt := BuildPromptContext(ctx, userID)
	return model.GenerateContent(ctx, genai.Text(text))
}

// Rewrite is compliant through the declared wrapper.
func Rewrite(ctx context.Context, userID, text string) (*anthropic.Message, error) {
	return WithGenerationLog(ctx, userID, func() (*anthropic.Message, error) {
		return client.Messages.New(ctx, anthropic.MessageNewParams{Model: anthropic.ModelClaudeSonnet4_0})
	})
}
