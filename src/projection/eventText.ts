// Every event as one plain sentence, for the inspector, the trace and screen readers.
import { groupDigits } from './numberText';
import { unhandled, type SimEvent } from '../sim/events/schema';

const fmt = groupDigits;

const MODE_TEXT = {
  user: 'running user code',
  kernel: 'in the kernel',
  idle: 'idle',
  spinning: 'spinning on the big kernel lock',
  interrupt: 'handling an interrupt',
} as const;

export function eventSentence(e: SimEvent): string {
  switch (e.type) {
    case 'syscallEntered':
      return `${e.thread} enters the kernel: ${e.syscall}${e.cap ? ` on '${e.cap}'` : ''}`;
    case 'syscallExited':
      return `${e.syscall} by ${e.thread} leaves the kernel on the ${e.path}path after ${fmt(e.cycles)} cycles`;
    case 'interruptTaken':
      return `core ${e.core} takes a ${e.kind} interrupt`;
    case 'messageTransferred':
      return (
        `${e.kind} message ${e.from} → ${e.to} through ${e.object}: label ${e.label}, ` +
        `${e.length} word${e.length === 1 ? '' : 's'}, badge ${e.badge}, ${e.caps} cap${e.caps === 1 ? '' : 's'}`
      );
    case 'threadBlocked':
      return `${e.thread} blocks: ${e.state}${e.object ? ` on ${e.object}` : ''}`;
    case 'threadWoken':
      return `${e.thread} becomes runnable`;
    case 'objectChanged':
      return `${e.object} is now ${e.state}, queue ${e.queue.length > 0 ? e.queue.join(', ') : 'empty'}`;
    case 'threadSwitched':
      return `core ${e.core} switches from ${e.from} to ${e.to}`;
    case 'threadMigrated':
      return `${e.thread} moves from core ${e.from} to core ${e.to}`;
    case 'threadStopped':
      return `${e.thread} stops: ${e.reason}`;
    case 'cacheLineMigrated':
      return `line ${e.line} moves from core ${e.from} to core ${e.to}: ${fmt(e.cycles)} cycles`;
    case 'ipiSent':
      return `core ${e.from} sends a ${e.kind} IPI to core ${e.to}`;
    case 'lockAcquired':
      return `core ${e.core} takes the big kernel lock (image ${e.image})`;
    case 'lockContended':
      return `core ${e.core} spun ${fmt(e.waitCycles)} cycles for the big lock`;
    case 'lockReleased':
      return `core ${e.core} releases the big kernel lock (image ${e.image})`;
    case 'faultRaised':
      return `${e.thread} raises a ${e.faultType} fault: ${e.detail}${e.handler ? `; delivered to ${e.handler}` : '; no handler'}`;
    case 'schedContextDonated':
      return `${e.from || 'nobody'} lends scheduling context ${e.sc} to ${e.to}`;
    case 'schedContextReturned':
      return `scheduling context ${e.sc} returns from ${e.from} to ${e.to}`;
    case 'budgetExhausted':
      return `${e.thread} used up the budget of ${e.sc}; it refills at ${fmt(e.until)}`;
    case 'notificationSignalled':
      return `${e.object} is signalled with badge ${e.badge}: word ${e.word}`;
    case 'consoleWritten':
      return `${e.thread}: ${e.text}`;
    case 'fileOperation':
      return (
        `${e.thread} ${e.op} ${e.path}: ${fmt(e.bytes)} bytes, ${e.kernelEntries} kernel ` +
        `entr${e.kernelEntries === 1 ? 'y' : 'ies'}${e.error ? ` (${e.error})` : ''}`
      );
    case 'namespaceChanged':
      return `${e.process}'s namespace changes: ${e.bindings.map((b) => `${b.path} = ${b.targets.join(' | ')}`).join('; ')}`;
    case 'portRegistered':
      return `${e.server} registers the port ${e.port}`;
    case 'coreModeChanged':
      return `core ${e.core} is now ${MODE_TEXT[e.mode]}`;
    case 'schedContextRefilled':
      return `${e.sc}'s refills: ${e.refills.map((r) => `${fmt(r.amount)} at ${fmt(r.time)}`).join(', ')}`;
    default:
      return unhandled(e);
  }
}
