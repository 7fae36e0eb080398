import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8123);
const baseURL = `http://127.0.0.1:${port}`;

// The server's VAR_DIR: a fresh one per run (a fresh database), known to the specs, which read the
// demo CA's .p12 files from its pki/ folder. Set here once, in the runner; its workers inherit it.
// With E2E_REUSE_SERVER=1, set E2E_VAR_DIR to the VAR_DIR of the server that is already running.
process.env.E2E_VAR_DIR ??= mkdtempSync(path.join(tmpdir(), 'shanyraq-e2e-'));

// Debian's Chromium: Playwright's own browser downloads are not available on these machines.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './specs',
  outputDir: './artifacts/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: 'artifacts/report.json' }],
    ['html', { outputFolder: 'artifacts/html-report', open: 'never' }],
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A fresh database with demo data for every run; it serves the built SPA (frontend/dist).
    command: 'bash ../scripts/e2e-server.sh',
    url: `${baseURL}/healthz`,
    env: { E2E_PORT: String(port), E2E_VAR_DIR: process.env.E2E_VAR_DIR },
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
