import anthropic

client = anthropic.Anthropic()


def plan(task: str) -> str:
    return client.messages.create(model="claude-sonnet", max_tokens=512, messages=[{"role": "user", "content": task}])
