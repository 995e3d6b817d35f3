#!/usr/bin/env python3
"""Generate realistic Dockerfiles and GitHub Actions workflows, deterministically, with the
defects the shared rules look for mixed in at known rates: duplicate stage names, ports out of
range, repeated CMD/ENTRYPOINT, a final USER root, untagged and `latest` bases, pipes with and
without pipefail (also inside $(…) and heredocs), duplicate keys, and needs naming missing jobs.

Usage: generate-peer-corpus.py OUT_DIR [--dockerfiles N] [--workflows N] [--seed N]

Writes OUT_DIR/docker/synthetic/NNNN/Dockerfile and OUT_DIR/.github/workflows/synthetic__NNNN.yml.
Python 3 standard library only; same arguments, same bytes.
"""
import argparse
import os
import random

BASES = [("node", ["20-alpine", "20.11-bookworm-slim", "22"]), ("python", ["3.12-slim", "3.11", "3.13-alpine"]),
         ("golang", ["1.23", "1.22-alpine"]), ("debian", ["12-slim", "bookworm"]), ("ubuntu", ["24.04", "22.04"]),
         ("ghcr.io/acme/base", ["1.4.2"]), ("nginx", ["1.27-alpine"])]
PIPES = ["curl -fsSL https://example.com/install.sh | sh",
         "wget -qO- https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg",
         "VERSION=\"$(curl -s https://api.example.com/latest | jq -r .tag)\" && echo \"$VERSION\" > /version",
         "find /app -name '*.pyc' | xargs rm -f"]
PLAIN = ["apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*",
         "npm ci --omit=dev", "pip install --no-cache-dir -r requirements.txt", "go build -o /out/app ./cmd/app",
         "addgroup -S app && adduser -S app -G app"]


def base(rng, allow_bad=True):
    name, tags = rng.choice(BASES)
    roll = rng.random()
    if allow_bad and roll < 0.08:
        return name
    if allow_bad and roll < 0.15:
        return f"{name}:latest"
    return f"{name}:{rng.choice(tags)}"


def dockerfile(rng):
    lines = []
    if rng.random() < 0.3:
        lines.append("# syntax=docker/dockerfile:1")
    if rng.random() < 0.3:
        lines += ["ARG BASE_TAG=3.20", "FROM alpine:${BASE_TAG} AS tools", "RUN apk add --no-cache git"]
    stages = rng.randint(1, 3)
    names = [rng.choice(["deps", "build", "builder", "compile"]) + str(i) for i in range(stages - 1)]
    if stages > 2 and rng.random() < 0.25:
        names[-1] = names[0].upper() if rng.random() < 0.5 else names[0]
    for index, name in enumerate(names):
        lines.append(f"FROM {base(rng)} AS {name}")
        lines.append("WORKDIR /src")
        if rng.random() < 0.3:
            lines.append('SHELL ["/bin/bash", "-o", "pipefail", "-c"]')
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.35:
                lines.append("RUN " + rng.choice(PIPES))
            elif rng.random() < 0.2:
                lines += ["RUN <<EOF", "set -e", rng.choice(PLAIN), rng.choice(PIPES) if rng.random() < 0.5 else "true", "EOF"]
            else:
                command = rng.choice(PLAIN)
                lines.append("RUN " + command.replace(" && ", " \\\n    && "))
        if rng.random() < 0.2:
            lines.append('CMD ["make", "test"]')
    final = base(rng)
    lines.append(f"FROM {final}")
    if names:
        lines.append(f"COPY --from={names[-1]} /src /app")
    port = rng.choice([3000, 8000, 8080, 80])
    if rng.random() < 0.06:
        port = rng.choice([70000, 65536, 99999])
    lines.append(f"EXPOSE {port}")
    if rng.random() < 0.5:
        lines.append(f"HEALTHCHECK CMD curl -fsS http://localhost:{port}/health || exit 1")
    user = rng.random()
    if user < 0.4:
        lines.append("USER 10001")
    elif user < 0.55:
        lines += ["USER app", "RUN mkdir -p /data", "USER root"]
    lines.append('CMD ["node", "server.js"]')
    if rng.random() < 0.1:
        lines.append('CMD ["node", "worker.js"]')
    if rng.random() < 0.1:
        lines += ['ENTRYPOINT ["tini", "--"]', 'ENTRYPOINT ["/entrypoint.sh"]']
    return "\n".join(lines) + "\n"


def workflow(rng, number):
    jobs = ["lint", "test", "build", "deploy"][: rng.randint(2, 4)]
    out = [f"name: ci-{number}", "on:", "  push:", "    branches: [main]", "  pull_request:", "jobs:"]
    for index, job in enumerate(jobs):
        out.append(f"  {job}:")
        if index > 0:
            need = jobs[index - 1] if rng.random() > 0.08 else "tests"
            out.append(f"    needs: {need}")
        out.append("    runs-on: ubuntu-latest")
        out.append("    env:")
        out.append("      NODE_ENV: test")
        if rng.random() < 0.05:
            out.append("      NODE_ENV: ci")
        out += ["    steps:", "      - uses: actions/checkout@v4", f"      - run: npm run {job}"]
    if rng.random() < 0.06:
        out += ["  test:", "    runs-on: ubuntu-latest", "    steps:", "      - run: npm run test:e2e"]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--dockerfiles", type=int, default=600)
    parser.add_argument("--workflows", type=int, default=400)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for number in range(args.dockerfiles):
        path = os.path.join(args.out, "docker", "synthetic", f"{number:04d}", "Dockerfile")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dockerfile(rng))
    folder = os.path.join(args.out, ".github", "workflows")
    os.makedirs(folder, exist_ok=True)
    for number in range(args.workflows):
        with open(os.path.join(folder, f"synthetic__{number:04d}.yml"), "w", encoding="utf-8") as handle:
            handle.write(workflow(rng, number))


if __name__ == "__main__":
    main()
