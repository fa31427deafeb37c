import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from './shortcuts';

function press(
  key: string,
  mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) {
  return {
    key,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  } as KeyboardEvent;
}

describe('shortcuts', () => {
  it('maps each key press to at most one shortcut', () => {
    const presses = [
      press(' '),
      press('ArrowRight'),
      press('ArrowLeft'),
      press('ArrowRight', { shiftKey: true }),
      press('ArrowLeft', { shiftKey: true }),
      press('ArrowRight', { altKey: true }),
      press('ArrowLeft', { altKey: true }),
      press('?', { shiftKey: true }),
      press('b'),
    ];
    for (const p of presses) expect(SHORTCUTS.filter((s) => s.match(p))).toHaveLength(1);
  });

  it('steps by event, kernel entry and message in both directions', () => {
    const calls: string[] = [];
    const state = { step: (u: string, d: number) => calls.push(`${u}${d}`) } as never;
    for (const [k, m] of [
      ['ArrowRight', {}],
      ['ArrowLeft', {}],
      ['ArrowRight', { shiftKey: true }],
      ['ArrowLeft', { shiftKey: true }],
      ['ArrowRight', { altKey: true }],
      ['ArrowLeft', { altKey: true }],
    ] as const) {
      SHORTCUTS.find((s) => s.match(press(k, m)))!.run(state);
    }
    expect(calls).toEqual(['event1', 'event-1', 'entry1', 'entry-1', 'message1', 'message-1']);
  });
});
