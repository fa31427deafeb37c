import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Two real processes, to prove bin/ipcscope.mjs starts the command line and passes exit codes.
function ipcscope(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/ipcscope.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/ipcscope.mjs', () => {
  it('runs a scenario and prints the JSON summary (exit 0)', () => {
    const r = ipcscope('run', 'src/scenarios/echo.ts', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stopReason: 'idle', ipc: { messages: 6 } });
  });

  it('exits 2 on a usage error', () => {
    const r = ipcscope('run', 'src/scenarios/echo.ts', '--cores', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("option '--cores' needs a whole number");
  });
});
