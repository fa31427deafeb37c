// A scenario's notes for the Scenario panel: its description (from scenario({ description })) and
// the "What to watch:" sentences of the comment above it, where the built-in examples say what a
// reader should look for. Pure text work on the editor's text; nothing runs.

export interface ScenarioNotes {
  /** The header comment before `What to watch:` (the scenario's subject and reference). */
  about: string | null;
  watch: string | null;
}

/** The first block of `//` comment lines in the text, joined into one paragraph. */
function headerComment(source: string): string | null {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const block: string[] = [];
  for (const line of lines) {
    const m = /^\s*\/\/\s?(.*)$/.exec(line);
    if (m) block.push(m[1]!.trim());
    else if (block.length > 0) break;
  }
  const text = block.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function scenarioNotes(source: string): ScenarioNotes {
  const comment = headerComment(source);
  if (comment === null) return { about: null, watch: null };
  const at = comment.search(/what to watch:/i);
  if (at < 0) return { about: comment, watch: null };
  const about = comment.slice(0, at).trim();
  const watch = comment.slice(at + 'what to watch:'.length).trim();
  return { about: about === '' ? null : about, watch: watch === '' ? null : watch };
}
