// Pane sizes and collapsed panes, remembered in localStorage per split so the layout a user made
// comes back after a reload. Unreadable or missing entries fall back to the defaults; storage that
// refuses (private mode, quota) only means the layout is not remembered.
export const LAYOUT_KEY = 'ipcscope.layout.v1';

export interface SplitState {
  /** Pane id -> weight (a share of the split's room). */
  weights: Record<string, number>;
  collapsed: string[];
}

type Stored = Record<string, SplitState>;

function readAll(): Stored {
  try {
    const text = globalThis.localStorage?.getItem(LAYOUT_KEY);
    if (!text) return {};
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

function isState(x: unknown): x is SplitState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return typeof s.weights === 'object' && s.weights !== null && Array.isArray(s.collapsed);
}

/** The stored layout of split `id`, keeping only the panes it still has. */
export function loadSplit(id: string, defaults: SplitState): SplitState {
  const stored = readAll()[id];
  if (!isState(stored)) return defaults;
  const weights = { ...defaults.weights };
  for (const k of Object.keys(weights)) {
    const w = stored.weights[k];
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) weights[k] = w;
  }
  const collapsed = stored.collapsed.filter(
    (c): c is string => typeof c === 'string' && c in weights,
  );
  return { weights, collapsed };
}

export function saveSplit(id: string, state: SplitState): void {
  try {
    globalThis.localStorage?.setItem(LAYOUT_KEY, JSON.stringify({ ...readAll(), [id]: state }));
  } catch {
    // Not remembered; the layout still works.
  }
}
