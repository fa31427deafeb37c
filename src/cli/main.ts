// The ipcscope command line (DESIGN.md "The command line"): dispatches to run, sweep,
// merge and platforms and turns their failures into exit codes. bin/ipcscope.mjs calls main().
import { ConfigOverrideError } from '../lib/errors';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  ScenarioFailure,
  UsageError,
  usageMessage,
} from './errors';
import { diffCommand } from './diffCommand';
import { processIo, type CliIo } from './io';
import { mergeCommand } from './mergeCommand';
import { platformsCommand } from './platformsCommand';
import { runCommand } from './runCommand';
import { sweepCommand } from './sweepCommand';
import { MAIN_USAGE } from './usage';

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  sweep: sweepCommand,
  platforms: platformsCommand,
  merge: mergeCommand,
  diff: diffCommand,
};

/** Run the command line; returns the exit code. Output goes through `io` (tests capture it). */
export function main(argv: string[], io: CliIo = processIo): Promise<number> {
  return dispatch(argv, io);
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(MAIN_USAGE);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_USAGE);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const e = new UsageError(
      `unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`,
    );
    io.err(usageMessage(e, null));
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigOverrideError) {
      io.err(usageMessage(e, name));
      return EXIT_USAGE;
    }
    if (e instanceof ScenarioFailure) {
      io.err(`${e.message}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}
