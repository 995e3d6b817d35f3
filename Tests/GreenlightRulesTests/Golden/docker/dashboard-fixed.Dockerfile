# syntax=docker/dockerfile:1
# Dashboard image (Remix): distinct stages, pinned bases, one port, a health check, no root.
ARG NODE_VERSION=20.11

FROM node:${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM node:${NODE_VERSION}-alpine AS build
SHELL ["/bin/ash", "-o", "pipefail", "-c"]
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN <<EOF
set -eu
npx prisma generate
npm run build 2>&1 | tee build.log
EOF

FROM node:${NODE_VERSION}-alpine AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/node_modules ./node_modules
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s \
    CMD wget -qO- http://localhost:3000/api/health || exit 1
USER node
CMD ["npm", "start"]
