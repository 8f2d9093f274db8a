# syntax=docker/dockerfile:1
# Build stage: install everything, compile TypeScript and make the embedded database seed (npm ci runs
# the prepare script, which runs `npm run build`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
COPY bin ./bin
RUN npm ci --no-audit --no-fund

# Runtime stage: production dependencies and the compiled code only, as a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 AIGOV_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency runs code at install. The link puts `aigov` on PATH
# (`docker run … aigov migrate`).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
  && ln -s ../../bin/aigov.js node_modules/.bin/aigov
ENV PATH=/app/node_modules/.bin:$PATH
COPY --from=build /app/dist ./dist
# `npx aigov …` installs this folder into npm's cache, which runs `prepare`: this script finds dist/ and
# no compiler and keeps what was built (without it npm runs `tsc`, which is not here, and exits 127).
COPY scripts/prepare.mjs ./scripts/prepare.mjs
COPY migrations ./migrations
COPY bin ./bin
COPY manifest.yml ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# Migrations are applied by the server itself at start, before it answers /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
