import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs `task` while holding a named lock shared by every worker of this run (a file created
 * exclusively in the run's folder). For a demo account two specs use: one counts its
 * notifications, the other signs in with it, and they must not interleave.
 */
export async function withExclusive<T>(name: string, task: () => Promise<T>, waitMs = 90_000): Promise<T> {
  const file = path.join(process.env.E2E_VAR_DIR ?? tmpdir(), `e2e-lock-${name}`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await (await open(file, 'wx')).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`The lock ${name} was held for more than ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await task();
  } finally {
    await rm(file, { force: true });
  }
}
