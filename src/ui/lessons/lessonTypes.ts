// What a lesson file (lessonFormat.ts) parses into: its steps, their directives and problems.
import type { ConfigOverrides } from '../../sim/config';

export const VIEW_NAMES = [
  'machine',
  'endpoints',
  'timeline',
  'inspector',
  'stats',
  'lines',
  'namespace',
  'console',
  'trace',
  'narration',
  'editor',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface FieldTest {
  name: string;
  /** `=` equals (as text), `~` contains. */
  op: '=' | '~';
  value: string;
}

export interface EventFilter {
  type: string;
  fields: FieldTest[];
}

export type Until =
  /** The learner presses Next. */
  | { kind: 'next' }
  /** The run plays until an event like this is applied. */
  | { kind: 'event'; filter: EventFilter }
  /** The learner selects this thread, cache line or process in any view. */
  | { kind: 'select'; what: 'thread' | 'line' | 'process'; name: string };

/** How the run answers a prediction, from the events of the step. */
export type Answer =
  /** A field of the event that ended the step (`path`, `core`, `kernelEntries`...). */
  | { kind: 'field'; field: string }
  /** How many events like this the step saw (up to and including the one that ended it). */
  | { kind: 'count'; filter: EventFilter }
  /** The sum of a field over the step's events like this. */
  | { kind: 'sum'; field: string; filter: EventFilter };

export interface Ask {
  question: string;
  choices: string[];
  answer: Answer;
}

export interface ScenarioRef {
  /** A built-in scenario id, or null for the lesson's embedded source. */
  id: string | null;
  overrides: ConfigOverrides;
}

export interface LessonStep {
  title: string;
  /** Line of the step's heading in the file (1-based). */
  line: number;
  show: ViewName[];
  until: Until;
  ask: Ask | null;
  body: string;
  after: string;
  /** Set when this step switches to another scenario or machine. */
  scenario: ScenarioRef | null;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  scenario: ScenarioRef;
  /** An embedded scenario (a ```ts scenario block), used when scenario.id is null. */
  source: string | null;
  /** Events per second for the lesson's runs (`max` = null); undefined keeps the app's. */
  speed?: number | null;
  steps: LessonStep[];
}

export interface LessonProblem {
  line: number;
  message: string;
}

export type ParseResult =
  { lesson: Lesson; problems: [] } | { lesson: null; problems: LessonProblem[] };
