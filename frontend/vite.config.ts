import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The backend at `make run` listens on 8000; the dev server proxies the API to it so the
// refresh cookie stays same-origin.
const api = process.env.SHANYRAQ_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  // The EDS library's unit tests import their test-only .p12 fixtures with `?inline`.
  assetsInclude: ['**/*.p12'],
  build: {
    rolldownOptions: {
      // Two pages: the portal and the partners' GraphiQL playground (served by the backend at GET /graphql).
      input: { main: 'index.html', playground: 'playground.html' },
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler's "use no memo" directives; dropping them is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
    // Monaco (playground only) is large by nature; the portal's own chunks stay small.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/dev': { target: api },
      '/healthz': { target: api },
      // Served by the backend, not the SPA: uploads (tus), personal file and receipt links, the sandbox
      // acquirer's own card page and its webhook, the billing's CSV import.
      '/uploads': { target: api },
      '/files/': { target: api },
      '/receipts/': { target: api },
      '/pay/': { target: api },
      '/payments/': { target: api },
      '/partner/': { target: api },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
