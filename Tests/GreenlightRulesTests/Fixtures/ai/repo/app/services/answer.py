from app.ai import client, get_user_context, log_generation


def answer(user_id: str, question: str) -> str:
    """Compliant: context, identity and logging."""
    context = get_user_context(user_id)
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[*context, {"role": "user", "content": question}],
        user=user_id,
    )
    log_generation(user_id, prompt_version="answer-v2", response=response)
    return response.choices[0].message.content
