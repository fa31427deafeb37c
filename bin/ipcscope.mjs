#!/usr/bin/env node
// The `ipcscope` command. In a checkout it runs the TypeScript sources (through tsx, a dev
// dependency); an installed package has no sources and runs the built JavaScript in dist-node/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);

try {
  if (existsSync(source)) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const entry = existsSync(source) ? source : new URL('../dist-node/cli.js', import.meta.url);
  /** @type {{ main: (argv: string[]) => Promise<number> | number }} */
  const cli = await import(entry.href);
  process.exit(await cli.main(process.argv.slice(2)));
} catch (error) {
  console.error(error);
  process.exit(1);
}
