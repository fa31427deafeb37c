// The scenario is the editor's text (the draft). Monaco owns it while the user types: editDraft
// follows it and never changes `version`. Anything else that replaces the text (an example, a
// file, a share link, the autosave) is an explicit replaceDraft, which bumps `version`; only a new
// version is written into the editor, so a stale copy can never overwrite newer keystrokes.
// Every run control runs the draft: Run loads it first when it differs from what the machine holds.
import type { StoreApi } from 'zustand/vanilla';
import type { ConfigOverrides } from '../../sim/config';
import type { AppState, Draft, DraftSlice, LoadOptions } from './types';

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export const UNTITLED = 'scenario.ts';

export function createDraftSlice(set: Set, get: Get): DraftSlice {
  return {
    draft: { text: '', baseline: null, file: UNTITLED, exampleId: null, version: 0 },
    draftErrors: 0,
    editDraft(text) {
      if (get().draft.text === text) return;
      set((s) => ({ draft: { ...s.draft, text } }));
    },
    replaceDraft(doc: Omit<Draft, 'version'>) {
      set((s) => ({ draft: { ...doc, version: s.draft.version + 1 } }));
    },
    markDraftSaved() {
      set((s) => ({ draft: { ...s.draft, baseline: s.draft.text } }));
    },
    setDraftErrors(draftErrors) {
      if (get().draftErrors !== draftErrors) set({ draftErrors });
    },
    openExample(id, overrides = {}, opts = {}) {
      const entry = get().scenarios.find((s) => s.id === id);
      if (entry !== undefined) {
        get().replaceDraft({
          text: entry.source,
          baseline: entry.source,
          file: entry.file,
          exampleId: entry.id,
        });
      }
      get().openScenario(id, overrides, opts);
    },
    loadDraft(overrides?: ConfigOverrides, opts: LoadOptions = {}) {
      const s = get();
      const o = overrides ?? s.overrides;
      if (s.draft.version === 0) {
        if (s.scenarioId !== null) s.openScenario(s.scenarioId, o, opts);
        else s.loadSource(s.source, s.file, o, opts);
        return;
      }
      const { text, exampleId, file } = s.draft;
      const example = s.scenarios.find((e) => e.id === exampleId);
      if (example !== undefined && example.source === text) s.openScenario(example.id, o, opts);
      else s.loadSource(text, file, o, opts);
    },
    draftIsLoaded() {
      const s = get();
      return s.draft.version === 0 || s.draft.text === s.source;
    },
  };
}
