// --help texts (DESIGN.md "The command line").

export const MAIN_USAGE = `ipcscope: a deterministic simulation of seL4 IPC on multicore machines

Usage:
  ipcscope run FILE [options]        run one scenario and report
  ipcscope sweep FILE [options]      run a scenario over a grid of configurations
  ipcscope merge SHARD.jsonl...      join the shards of a sweep into its table, CSV or JSON
  ipcscope platforms [--json]        list the built-in platform profiles
  ipcscope diff FILE --a "FLAGS" --b "FLAGS"
                                     compare two configurations: first divergence, summaries
  ipcscope COMMAND --help            options of one command

A scenario FILE is a TypeScript or JavaScript module whose default export is scenario({...})
from 'ipcscope'; it may live in any folder.

Exit codes: 0 the simulation ran (faults inside it are results), 1 the scenario could not load,
its setup threw, or a program threw or was stopped by the watchdog, 2 usage error.
`;

export const RUN_USAGE = `Usage: ipcscope run FILE [options]

Machine (each overrides the scenario's machine):
  --platform ID            platform profile (see 'ipcscope platforms')
  --cores N                number of cores, 1-256
  --kernel K               smp | multikernel | clustered:N
  --mcs                    the MCS kernel (scheduling contexts, passive servers)
  --seed N                 seed of the run's random generator
  --param NAME=VALUE       set a scenario parameter (repeatable)
Limits:
  --max-cycles N           stop at this simulated cycle (default 100000000)
  --max-events N           stop after this many events
  --watchdog-ms N          real time a program may run without a kernel entry (default 2000)
Output:
  --json                   print the run summary as one JSON object
  --events FILE.jsonl      write every event, one JSON object per line
  --trace FILE.json        write a Chrome/Perfetto trace (open it in ui.perfetto.dev)
`;

export const SWEEP_USAGE = `Usage: ipcscope sweep FILE [options]

Runs FILE once per point of the cartesian product of the lists below.
  --cores 1,2,4,8          core counts, 1-256
  --platform A,B           platform profiles
  --kernel smp,multikernel kernel images: smp | multikernel | clustered:N
  --param NAME=V1,V2       parameter values (repeatable, one flag per parameter)
  --seed 1,2,3             seeds
  --mcs                    the MCS kernel
  --max-cycles N           per run (default 100000000)
  --max-events N           per run
  --watchdog-ms N          real time a program may run without a kernel entry
Running:
  --jobs N                 worker threads (default: the number of cores); the rows are the same
                           and in the same order for any N. Progress goes to stderr on a terminal.
  --shard i/n              run only points i, i+n, i+2n, ... (1 <= i <= n) and write them as JSON
                           lines to stdout; 'ipcscope merge' joins the n shard files
Output:
  --csv FILE               write the rows as CSV (with a header row)
  --json                   print the rows as a JSON array
`;

export const MERGE_USAGE = `Usage: ipcscope merge SHARD.jsonl... [--csv FILE] [--json]

Joins the shard files of one sweep (written by 'ipcscope sweep ... --shard i/n', one per i) into
the table, CSV or JSON the whole sweep prints. Refuses files of different sweeps (another
scenario source, grid or limits), a shard given twice, a missing or incomplete shard.
  --csv FILE               write the rows as CSV (with a header row)
  --json                   print the rows as a JSON array
`;

export const PLATFORMS_USAGE = `Usage: ipcscope platforms [--json]

Lists the built-in platform profiles: ISA, clock, topology, cache-line transfer costs,
message registers, calibrated kernel path costs and their sources.
`;
