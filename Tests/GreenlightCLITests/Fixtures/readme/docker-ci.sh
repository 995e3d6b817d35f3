# The Dockerfile and workflow example: a workflow with a repeated job and a masked step, and a
# dashboard image that no workflow builds, with a few classic mistakes.
source "$(dirname "$0")/lib.sh"
write .github/workflows/ci.yml <<'YAML'
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: npm ci
      - name: Generate Prisma client
        run: npx prisma generate
        continue-on-error: true
      - run: npm test
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: npm run lint
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm run e2e
YAML
write dashboard/Dockerfile <<'DOCKER'
# syntax=docker/dockerfile:1
FROM node:20-alpine AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci

FROM Node:20-alpine AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build || :

FROM node:20-alpine AS deps
WORKDIR /app
ENV PORT=8080
COPY --from=build /app/dist ./dist
EXPOSE 3000
CMD ["node", "dist/server.js"]
DOCKER
commit "Dashboard" 2026-11-20T08:00:00Z
