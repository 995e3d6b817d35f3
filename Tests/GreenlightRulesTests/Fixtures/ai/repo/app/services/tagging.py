from app.ai import chain, client, with_generation_log

MODEL = "claude-sonnet-4-20250514"


def tag(user_id, text):
    # Compliant only in comments and strings.
    # context = get_user_context(user_id)
    response = client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": text}],
        # metadata={"user_id": user_id},
    )
    """log_generation(user_id, response)"""
    return response


def tag_logged(user_id, text):
    # Compliant through the declared wrapper.
    return with_generation_log(user_id, lambda: chain.invoke({"text": text}))


class Tagger:
    def __init__(self, llm):
        self.llm = llm

    async def suggest(self, user_id, text):
        # Non-compliant: a string key that is no identity, nothing logged.
        prefs = await load_preferences(user_id)
        return await self.llm.ainvoke(prefs + text, config={"tags": ["suggest"]})
