// The event vocabulary is declared once, as data, in events/schema.ts; this module re-exports
// its types under the names the rest of the engine has always used.
export type {
  BodyOf,
  CoreModeName,
  EventBase,
  EventOf,
  KernelPath,
  SimEvent,
  SimEventBody,
  SimEventType,
  ThreadStateName,
} from './events/schema';
import type { WriterBodyOf } from './events/schema';

/** A threadSwitched event's fields: what the scheduler hands on until its entry ends. */
export type ThreadSwitch = WriterBodyOf<'threadSwitched'>;
