#!/usr/bin/env node
import { register } from 'tsx/esm/api';

register();

try {
  const entry = new URL('../src/cli/main.ts', import.meta.url);
  /** @type {{ main: (argv: string[]) => Promise<number> | number }} */
  const cli = await import(entry.href);
  process.exit(await cli.main(process.argv.slice(2)));
} catch (error) {
  console.error(error);
  process.exit(1);
}
