// The built-in scenarios the app offers: the catalog's entries in its order, with their sources
// bundled as text (Vite ?raw). A scenario file that the catalog does not list yet is offered too,
// after the others, under its file name until the worker has read its name.
import { SCENARIOS, type CatalogEntry } from '../../scenarios/catalog';

const sources = import.meta.glob<string>('../../scenarios/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface ScenarioEntry {
  id: string;
  file: string;
  title: string;
  description: string;
  kind: CatalogEntry['kind'];
  source: string;
}

/** The scenario the app opens on: two cores, lines migrating, fast and slow paths, donation. */
export const DEFAULT_SCENARIO = 'mcs-passive-server';

function isScenarioFile(file: string): boolean {
  return !file.includes('.test.') && file !== 'catalog.ts' && file !== 'index.ts';
}

export function builtInScenarios(): ScenarioEntry[] {
  const byFile = new Map<string, string>();
  for (const [p, source] of Object.entries(sources)) {
    const file = p.slice(p.lastIndexOf('/') + 1);
    if (isScenarioFile(file)) byFile.set(file, source);
  }
  const out: ScenarioEntry[] = [];
  for (const c of SCENARIOS) {
    const source = byFile.get(c.file);
    if (source === undefined) continue;
    byFile.delete(c.file);
    out.push({ ...c, source });
  }
  for (const [file, source] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const id = file.replace(/\.ts$/, '');
    out.push({ id, file, title: id, description: '', kind: 'example', source });
  }
  return out;
}
