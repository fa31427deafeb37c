import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../store/scenarioList';
import { scenarioNotes } from './scenarioNotes';

describe("a scenario's notes", () => {
  it('splits the header comment into what it is about and what to watch', () => {
    const src =
      "import { scenario } from 'ipcscope';\n\n// Echo at its best.\n// What to watch: the\n// fastpath.\nexport default 1;\n// later\n";
    expect(scenarioNotes(src)).toEqual({ about: 'Echo at its best.', watch: 'the fastpath.' });
  });

  it('has nothing to say for a script without a comment', () => {
    expect(scenarioNotes('export default 1;\n')).toEqual({ about: null, watch: null });
  });

  it('finds what to watch in the built-in echo example', () => {
    const echo = builtInScenarios().find((s) => s.id === 'echo')!;
    expect(scenarioNotes(echo.source).watch).toMatch(/path 'fast'/);
  });
});
