/**
 * The web app's build: React + TypeScript into dist/web, served by the API at / (apps/api/web-app.ts).
 * `npm run web:dev` runs Vite's dev server with /api, /docs, /health and /admin/queues proxied to
 * the API (VITRACK_API, default http://127.0.0.1:3000).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.VITRACK_API ?? 'http://127.0.0.1:3000';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: process.env.VITRACK_WEB_OUT ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline <script> or data: URIs in the output: the page runs under a strict same-origin CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/docs', '/health', '/metrics', '/admin/queues'].map((p) => [p, { target: api, changeOrigin: false }])),
  },
});
