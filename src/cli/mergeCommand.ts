// `ipcscope merge a.jsonl b.jsonl ...`: the shards of one sweep (`sweep --shard i/n`) joined
// into the table, CSV or JSON the unsharded sweep prints, with the same stderr and exit code.
import { parseArgs, type FlagSpec } from './args';
import { EXIT_FAILED, EXIT_OK, UsageError } from './errors';
import type { CliIo } from './io';
import { mergeShards, readShardFile } from './shardMerge';
import { printRows, rowErrorLines } from './sweepCommand';
import { MERGE_USAGE } from './usage';

const SPEC: FlagSpec = { help: 'boolean', csv: 'value', json: 'boolean' };

export function mergeCommand(argv: readonly string[], io: CliIo): number {
  const a = parseArgs(argv, SPEC);
  if (a.bools.has('help')) {
    io.out(MERGE_USAGE);
    return EXIT_OK;
  }
  if (a.positionals.length === 0) throw new UsageError('missing the shard files (FILE.jsonl ...)');
  const rows = mergeShards(a.positionals.map((f) => readShardFile(f, io.cwd)));
  const errors = rows.map(rowErrorLines).join('');
  if (errors !== '') io.err(errors);
  printRows(rows, { csv: a.values.get('csv') ?? null, json: a.bools.has('json') }, io);
  return errors === '' ? EXIT_OK : EXIT_FAILED;
}
