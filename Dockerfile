# One image, two commands (api, worker). Prisma needs no native engine (see README), so the
# image builds offline from the npm registry alone. Benchmarks are not part of it: they build
# separately (tsconfig.bench.json, `npm run bench:build`).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
RUN npm ci
COPY apps ./apps
COPY src ./src
COPY libs ./libs
COPY scripts ./scripts
# Builds the API, the worker and the web app (dist/web, served by the API at /).
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
