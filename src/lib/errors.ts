// The library's two kinds of failure. Both carry a message ready to print, naming the scenario
// file (and line:col where known) or the option at fault; the CLI maps them to exit codes 1 and 2.

/** A scenario that cannot be read, loaded or set up, or a run that crashed the engine. */
export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

/** A configuration override the scenario cannot take (unknown platform or parameter, ...). */
export class ConfigOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigOverrideError';
  }
}
