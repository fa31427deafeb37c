// A buffered, synchronous file writer. The simulation runs in one synchronous loop, so an async
// stream could not drain until the run ended and would hold every event in memory; writing 1 MB
// chunks with writeSync keeps memory flat however long the run.
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScenarioFailure } from './errors';

const CHUNK = 1 << 20;

export class FileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(
    readonly path: string,
    cwd: string,
  ) {
    try {
      this.fd = openSync(resolve(cwd, path), 'w');
    } catch (e) {
      throw new ScenarioFailure(
        `${path}: cannot write (${(e as { code?: string }).code ?? String(e)})`,
      );
    }
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
