// The command line's two kinds of failure and their exit codes (DESIGN.md "The command line"):
// 2 for a usage error (bad flag or value), 1 for a scenario that cannot load or throws.

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A bad command line: one line naming the flag, then a hint to --help. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A scenario that cannot be read, loaded or set up; the message is ready to print. Exit 1. */
export { ScenarioFailure } from '../lib/errors';

export function usageMessage(e: { message: string }, command: string | null): string {
  const help = command === null ? 'ipcscope --help' : `ipcscope ${command} --help`;
  return `ipcscope: ${e.message}\nTry '${help}' for usage.\n`;
}
