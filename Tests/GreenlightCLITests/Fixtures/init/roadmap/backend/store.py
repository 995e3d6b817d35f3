import google.generativeai as genai


def add_item(item):
    return genai.embed_content(model="embedding-001", content=item)
