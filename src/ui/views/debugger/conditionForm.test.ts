import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, KIND_LABELS, toCondition } from './conditionForm';

describe('the add-breakpoint form', () => {
  it('makes a condition of every kind, with "any" for an empty target', () => {
    for (const { kind } of KIND_LABELS) {
      const c = toCondition({ ...EMPTY_DRAFT, kind });
      expect(typeof c, kind).toBe('object');
      expect((c as { kind: string }).kind).toBe(kind);
    }
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'endpointQueue', target: '', amount: '3' })).toEqual(
      { kind: 'endpointQueue', endpoint: null, side: 'send', atLeast: 3 },
    );
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'fault', target: 'client' })).toEqual({
      kind: 'fault',
      thread: 'client',
    });
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'coreIdleWhileReady', target: '2' })).toEqual({
      kind: 'coreIdleWhileReady',
      core: 2,
    });
  });

  it('names what is wrong with a bad number or an empty expression', () => {
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'endpointQueue', amount: '0' })).toMatch(/≥ 1/);
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'lockContended', amount: 'ten' })).toMatch(
      /whole number.*'ten'/,
    );
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'fileOpCost', amount: '1.5' })).toMatch(/'1.5'/);
    expect(toCondition({ ...EMPTY_DRAFT, kind: 'expression', source: '  ' })).toMatch(/empty/);
  });
});
