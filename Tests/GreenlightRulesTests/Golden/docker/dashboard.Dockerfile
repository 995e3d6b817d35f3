# Dashboard image (Remix) — the version that failed the readiness review.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci || true

FROM Node:${NODE_VERSION}-alpine AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx prisma generate || :
RUN npm run build 2>&1 | tee build.log

FROM node:latest AS deps
RUN apk add --no-cache curl

FROM node
WORKDIR /app
ENV NODE_ENV=production PORT=8080
COPY --from=build /app/build ./build
COPY --from=prune /app/node_modules ./node_modules
EXPOSE 3000
CMD ["npm", "run", "migrate"]
CMD ["npm", "start"]
