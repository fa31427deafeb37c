// The compact event log lives beside the schema it is derived from (src/sim/events, a pure leaf
// the page may load); the projection and the page use it from here.
export { EventLog, codeOf, type EncodedBatch } from '../sim/events/eventLog';
export { EVENT_TYPES } from '../sim/events/schema';
