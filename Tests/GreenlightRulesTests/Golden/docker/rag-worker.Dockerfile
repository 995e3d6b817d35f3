# RAG worker: heredocs, ONBUILD, and an ARG used before it is declared.
ARG PYTHON=3.12
FROM python:${PYTHON}-slim AS base
ONBUILD RUN pip install -r requirements.txt || true
RUN <<EOF bash
set +e
apt-get update
apt-get install -y --no-install-recommends build-essential
EOF
RUN python3 <<EOF
print("ok || true stays Python")
EOF

FROM ${REGISTRY}/rag-base:1.2 AS models
COPY --from=7 /models /models

FROM base AS final
COPY --from=models /models /models
COPY --from=tokenizer /tok /tok
ENV PORT=8000
EXPOSE 8000 70000
HEALTHCHECK CMD curl -fsS http://127.0.0.1:8080/health || exit 1
USER root
ENTRYPOINT ["python", "-m", "worker"]
ENTRYPOINT ["python", "-m", "worker", "--once"]
