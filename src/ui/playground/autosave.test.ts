import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, createAutosave, type StorageProblem } from './autosave';

/** An in-memory Storage that can be told to refuse writes or reads. */
class FakeStorage {
  readonly items = new Map<string, string>();
  failWrites: Error | null = null;
  failReads: Error | null = null;
  writes = 0;

  getItem(key: string): string | null {
    if (this.failReads) throw this.failReads;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw this.failWrites;
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const CONFIG = { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: false, seed: 3, params: {} };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once after the edits pause, under the versioned key', () => {
    const storage = new FakeStorage();
    const a = createAutosave({ storage, delayMs: 400, now: () => 1000 });
    a.schedule({ source: 'a' });
    vi.advanceTimersByTime(300);
    a.schedule({ source: 'ab' });
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(100);
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.items.get(AUTOSAVE_KEY)!)).toEqual({ source: 'ab', savedAt: 1000 });
  });

  it('restores the text and machine settings in a new page (a reload or a crash)', () => {
    const storage = new FakeStorage();
    const before = createAutosave({ storage });
    before.schedule({
      source: 'text',
      overrides: CONFIG,
      file: 'echo.ts',
      scenarioId: 'echo',
      baseline: 'orig',
    });
    expect(before.flush()).toBe(true);
    const after = createAutosave({ storage });
    expect(after.restore()).toMatchObject({
      source: 'text',
      overrides: CONFIG,
      file: 'echo.ts',
      scenarioId: 'echo',
      baseline: 'orig',
    });
  });

  it('flush writes the pending save at once and cancels the timer', () => {
    const storage = new FakeStorage();
    const a = createAutosave({ storage });
    a.schedule({ source: 'x' });
    a.flush();
    vi.runAllTimers();
    expect(storage.writes).toBe(1);
    expect(a.flush()).toBe(true);
    expect(storage.writes).toBe(1);
  });

  it('reports a full storage instead of throwing, and keeps working', () => {
    const storage = new FakeStorage();
    const problems: StorageProblem[] = [];
    const a = createAutosave({ storage, onProblem: (p) => problems.push(p) });
    storage.failWrites = new DOMException('full', 'QuotaExceededError');
    a.schedule({ source: 'big' });
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(problems).toEqual([
      { op: 'save', message: expect.stringMatching(/storage is full.*download/) as string },
    ]);
    storage.failWrites = null;
    a.schedule({ source: 'small' });
    expect(a.flush()).toBe(true);
    expect(a.restore()?.source).toBe('small');
  });

  it('reports a browser without storage (private mode) and a storage that refuses reads', () => {
    const problems: StorageProblem[] = [];
    const none = createAutosave({ storage: null, onProblem: (p) => problems.push(p) });
    none.schedule({ source: 'x' });
    expect(none.flush()).toBe(false);
    expect(none.restore()).toBeNull();
    const storage = new FakeStorage();
    storage.failReads = new DOMException('denied', 'SecurityError');
    const denied = createAutosave({ storage, onProblem: (p) => problems.push(p) });
    expect(denied.restore()).toBeNull();
    expect(problems.map((p) => p.op)).toEqual(['save', 'restore']);
  });

  it('ignores an unreadable entry, with a report', () => {
    const storage = new FakeStorage();
    const problems: StorageProblem[] = [];
    const a = createAutosave({ storage, onProblem: (p) => problems.push(p) });
    storage.items.set(AUTOSAVE_KEY, '{"source": 12}');
    expect(a.restore()).toBeNull();
    storage.items.set(AUTOSAVE_KEY, 'not json');
    expect(a.restore()).toBeNull();
    expect(problems).toHaveLength(2);
  });

  it('clear removes the entry and drops a pending save', () => {
    const storage = new FakeStorage();
    const a = createAutosave({ storage });
    a.schedule({ source: 'x' });
    a.flush();
    a.schedule({ source: 'y' });
    a.clear();
    vi.runAllTimers();
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(false);
  });
});
