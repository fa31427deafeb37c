// The examples menu: built-in scenarios, examples first, then experiments.
import { useAppStore } from '../../store/AppStoreProvider';

export function ScenarioPicker() {
  const scenarios = useAppStore((s) => s.scenarios);
  const id = useAppStore((s) => s.scenarioId);
  const open = useAppStore((s) => s.openScenario);
  const groups = [
    ['Examples', scenarios.filter((s) => s.kind === 'example')],
    ['Experiments', scenarios.filter((s) => s.kind === 'experiment')],
  ] as const;
  return (
    <select
      aria-label="Scenario"
      data-testid="scenario-picker"
      value={id ?? ''}
      onChange={(e) => open(e.target.value, {}, { run: true })}
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
