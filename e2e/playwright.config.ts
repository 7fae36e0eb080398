import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** Binds the port (0: any free one) as the server would, and gives it back; null when it is taken. */
function bindable(port: number): number | null {
  const probe = `const s = require('node:net').createServer();
    s.once('error', () => process.exit(1));
    s.listen(${port}, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;
  try {
    return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

// The server's port, chosen once, in the runner (its workers inherit the environment). A fixed
// port that something else holds would make Playwright test that server, or fail obscurely: take a
// free one unless E2E_PORT is given, and refuse a given one that is taken.
if (process.env.E2E_PORT_CHOSEN !== '1') {
  const reuse = process.env.E2E_REUSE_SERVER === '1';
  if (!process.env.E2E_PORT) {
    if (reuse) throw new Error('E2E_REUSE_SERVER=1 needs E2E_PORT: the port of the server that is already running');
    process.env.E2E_PORT = String(bindable(0));
  } else if (!reuse && bindable(Number(process.env.E2E_PORT)) === null) {
    throw new Error(`E2E_PORT=${process.env.E2E_PORT} is taken by another process: stop it, choose another E2E_PORT, or leave E2E_PORT unset to use a free port`);
  }
  process.env.E2E_PORT_CHOSEN = '1';
}
const port = Number(process.env.E2E_PORT);
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
    env: {
      E2E_PORT: String(port),
      E2E_VAR_DIR: process.env.E2E_VAR_DIR,
      // The housing queue decides at once only inside provider hours: its clock starts on a Tuesday at
      // 10:00 Almaty whenever the run happens, and the scheduler looks for due jobs every 2 seconds.
      SHANYRAQ_CLOCK_START: process.env.SHANYRAQ_CLOCK_START ?? '2026-12-08T10:00:00+05:00',
      SCHEDULER_INTERVAL_SECONDS: process.env.SCHEDULER_INTERVAL_SECONDS ?? '2',
    },
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
