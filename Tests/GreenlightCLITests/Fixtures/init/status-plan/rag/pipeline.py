from langchain.chains import RetrievalQA
import os


def answer(question: str) -> str:
    return RetrievalQA.from_chain_type(llm=None).run(question)
