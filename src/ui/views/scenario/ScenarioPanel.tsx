// The scenario in words: its name and description, and what to watch while it runs, read from the
// editor's text so an edited or opened script shows its own notes.
import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/AppStoreProvider';
import { scenarioNotes } from './scenarioNotes';
import './scenario.css';

export function ScenarioPanel() {
  const scenario = useAppStore((s) => s.scenario);
  const text = useAppStore((s) => s.draft.text);
  const notes = useMemo(() => scenarioNotes(text), [text]);
  return (
    <Panel title={scenario ? `Scenario · ${scenario.name}` : 'Scenario'} testId="view-scenario">
      <div className="scenario-notes">
        {scenario?.description ? (
          <p data-testid="scenario-description">{scenario.description}</p>
        ) : (
          <p className="muted">This scenario has no description.</p>
        )}
        {notes.watch !== null && (
          <p data-testid="scenario-watch">
            <b>What to watch: </b>
            {notes.watch}
          </p>
        )}
        {notes.about !== null && <p className="muted">{notes.about}</p>}
      </div>
    </Panel>
  );
}
