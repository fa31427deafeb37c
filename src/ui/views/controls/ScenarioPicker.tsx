// The scenario menu: built-in scenarios, examples first, then experiments. Choosing one replaces
// the editor's text, so it asks first when that text holds unsaved edits (as the Examples menu
// does); declining leaves the text, the menu and the machine as they were.
import { useConfirmReplace } from '../../playground/confirmReplace';
import { useActions, useAppStore } from '../../store/AppStoreProvider';

export function ScenarioPicker() {
  const scenarios = useAppStore((s) => s.scenarios);
  const id = useAppStore((s) => s.draft.exampleId ?? s.scenarioId);
  const { openExample } = useActions();
  const confirmReplace = useConfirmReplace();
  const groups = [
    ['Examples', scenarios.filter((s) => s.kind === 'example')],
    ['Experiments', scenarios.filter((s) => s.kind === 'experiment')],
  ] as const;
  return (
    <select
      aria-label="Scenario"
      data-testid="scenario-picker"
      value={id ?? ''}
      onChange={(e) => {
        const next = scenarios.find((s) => s.id === e.target.value);
        if (next === undefined) return;
        // A declined question leaves the select showing the old choice: React re-renders it so.
        confirmReplace(next.title, () => openExample(next.id, {}, { run: true }));
      }}
      style={{ maxWidth: 300 }}
    >
      {id === null && <option value="">(custom source)</option>}
      {groups.map(([label, list]) =>
        list.length === 0 ? null : (
          <optgroup key={label} label={label}>
            {list.map((s) => (
              <option key={s.id} value={s.id} title={s.description}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  );
}
