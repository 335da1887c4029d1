# CompBot's production image. Build: docker build -t compbot .
# Run (HTTP mode, the Slack variables taken from your shell, the guides from the host):
#   docker run --rm -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET -p 3000:3000 -v "$PWD/guides:/guides:ro" compbot
# `npm run verify:release` replays these steps outside Docker (clean copy, npm ci, build, prune, start).

# --- build: every dependency, compile src/ to dist/, then drop the dev dependencies (tsx, typescript, …) ---
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build.mjs ./scripts/
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- run: the compiled app and its production dependencies, as the non-root node user ---
FROM node:20-slim
# tini is PID 1: it forwards SIGTERM/SIGINT to CompBot (which then finishes the requests in flight and exits
# 0 within 5 s) and reaps zombies. Node as PID 1 would ignore a SIGTERM it has no handler for yet.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    GUIDES_DIR=/guides \
    COMPBOT_CACHE_DIR=/home/node/.compbot-cache
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# OAuth mode reads the bot scopes from the manifest at start (one list of scopes in the project).
COPY manifest.yml ./
# The guides come from a volume (or a bind mount) at GUIDES_DIR; they are watched and reloaded while running.
VOLUME ["/guides"]
USER node
EXPOSE 3000
# No curl in the slim image: node itself asks /healthz (HTTP mode, and the health server in Socket Mode).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then((r)=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# The node flags of `npm run start:dist` (a young generation of 4 MB semi-spaces: see README, Memory; regular
# expressions compiled at their first match: see README, Performance).
CMD ["node", "--max-semi-space-size=4", "--initial-old-space-size=128", "--no-regexp-tier-up", "dist/main.js"]
