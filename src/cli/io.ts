// Where the command line writes: injectable so tests can call main() in-process and read both
// streams. The default writes to the real stdout and stderr.

export interface CliIo {
  /** Write text to standard output (the caller adds newlines). */
  out(text: string): void;
  /** Write text to standard error. */
  err(text: string): void;
  /** Directory relative file arguments are resolved against. */
  cwd: string;
  /** Standard error is a terminal (progress lines are shown only then). */
  errIsTTY?: boolean;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  errIsTTY: process.stderr.isTTY === true,
};

/** Collects both streams in memory (tests). */
export function createMemoryIo(cwd = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
