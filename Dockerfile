# syntax=docker/dockerfile:1
# kmsbench's reference KMS server as a container: a drop-in for local KMS emulators in tests.
#
#   docker build -t kmsbench .
#   docker run --rm -p 4599:4599 kmsbench                      # data in the /data volume
#   docker run --rm -p 4599:4599 -e KMSBENCH_EPHEMERAL=1 kmsbench
#   docker run --rm -p 4599:4599 -v "$PWD/seed.yaml:/init/seed.yaml:ro" kmsbench
#
# Every `kmsbench serve` option is an environment variable (KMSBENCH_PORT, KMSBENCH_AUTH, ...;
# `docker run --rm kmsbench --help`), and local-kms's PORT, KMS_ACCOUNT_ID, KMS_REGION,
# KMS_SEED_PATH and KMS_DATA_PATH are read too.

# ---- build: compile TypeScript, install production dependencies only ----
FROM node:20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 installs a prebuilt binary; the compilers are here for platforms without one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY bin ./bin
COPY common ./common
COPY reference-impl ./reference-impl
COPY harness ./harness
COPY reports ./reports
COPY scripts ./scripts
COPY suites ./suites
COPY spec ./spec
# tsc, then the serve bundle (scripts/bundle-server.ts: faster start-up).
RUN npm run build \
 && npm prune --omit=dev --omit=optional

# ---- runtime: Node 20 slim, non-root, data in a volume, seed from /init ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    KMSBENCH_HOST=0.0.0.0 \
    KMSBENCH_PORT=4599 \
    KMSBENCH_DATA_DIR=/data \
    KMS_SEED_PATH=/init/seed.yaml
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist ./dist
COPY --from=build /src/suites ./suites
RUN mkdir -p /data /init && chown node:node /data /init
USER node
# Keys, master key and audit log. With KMSBENCH_EPHEMERAL=1 a fresh directory inside it, deleted at exit.
VOLUME ["/data"]
EXPOSE 4599
# 200 once the store is open.
HEALTHCHECK --interval=5s --timeout=2s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KMSBENCH_PORT || 4599) + '/_kmsbench/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/kmsbench.js", "serve"]
