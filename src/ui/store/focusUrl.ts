// The debugging focus in the address: `at` (the cursor: events applied), `thread` (the thread
// selected), `bp` (the breakpoint selected in the Breakpoints tab), `branch` (the branch shown).
// Beside the scenario and machine of urlState.ts; the browser's back and forward move through
// the moments the debugger jumped to (focusHistory.ts). Bad values are reported, not guessed.

export interface Focus {
  at: number | null;
  thread: string | null;
  bp: number | null;
  branch: number | null;
}

export const NO_FOCUS: Focus = { at: null, thread: null, bp: null, branch: null };

const KEYS = ['at', 'thread', 'bp', 'branch'] as const;

function whole(q: URLSearchParams, name: string, problems: string[]): number | null {
  const v = q.get(name);
  if (v === null) return null;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0) {
    problems.push(`${name}=${v} is not a whole number ≥ 0`);
    return null;
  }
  return n;
}

export function parseFocus(search: string): { focus: Focus; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const thread = q.get('thread');
  return {
    focus: {
      at: whole(q, 'at', problems),
      thread: thread === null || thread === '' ? null : thread,
      bp: whole(q, 'bp', problems),
      branch: whole(q, 'branch', problems),
    },
    problems,
  };
}

/** The query string with this focus (other parameters kept, in their order). */
export function withFocus(search: string, f: Focus): string {
  const q = new URLSearchParams(search);
  for (const k of KEYS) q.delete(k);
  if (f.at !== null) q.set('at', String(f.at));
  if (f.thread !== null) q.set('thread', f.thread);
  if (f.bp !== null) q.set('bp', String(f.bp));
  if (f.branch !== null && f.branch !== 0) q.set('branch', String(f.branch));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

export function sameFocus(a: Focus, b: Focus): boolean {
  return KEYS.every((k) => a[k] === b[k]);
}
