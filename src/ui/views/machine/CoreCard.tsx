// One core: what it runs and in which mode (user, kernel, spinning on the big lock, idle), the
// kernel entry in progress, its kernel image, and whether it holds its image's lock.
import { memo } from 'react';
import type { CoreView } from '../../../projection/types';
import type { Box } from './machineLayout';

export interface CoreCardProps {
  core: CoreView;
  box: Box;
  holdsLock: boolean;
  showImage: boolean;
  compact: boolean;
  selected: boolean;
  onSelect: (thread: string) => void;
}

const MODE_LABEL = { user: 'user', kernel: 'kernel', spinning: 'spinning', idle: 'idle' } as const;

export const CoreCard = memo(function CoreCard(p: CoreCardProps) {
  const { core, box } = p;
  const idle = core.thread === core.idleThread;
  // A core on its idle thread that takes an interrupt works (or spins for the lock): say so.
  const thread = idle ? (core.mode === 'idle' ? 'idle' : MODE_LABEL[core.mode]) : core.thread;
  // A stalled core may run its idle thread while the entry it made is still pending.
  const by =
    core.entryThread !== null &&
    core.entryThread !== core.thread &&
    core.entryThread !== core.idleThread
      ? ` · ${core.entryThread}`
      : '';
  return (
    <button
      className={`core-card mode-${core.mode}${p.selected ? ' selected' : ''}${p.compact ? ' compact' : ''}`}
      style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
      data-testid="core"
      data-core={core.id}
      data-mode={core.mode}
      data-thread={core.thread}
      title={`core ${core.id} (image ${core.image}): click to inspect its thread`}
      onClick={() => !idle && p.onSelect(core.thread)}
    >
      <span className="core-head">
        <span className="core-id">core {core.id}</span>
        {p.showImage && (
          <span className={`image-chip image-${core.image % 6}`}>img {core.image}</span>
        )}
        {p.holdsLock && (
          <span className="lock-chip" title="holds the big kernel lock">
            lock
          </span>
        )}
        {(!p.compact || core.mode === 'spinning') && (
          <span className="core-mode">{MODE_LABEL[core.mode]}</span>
        )}
      </span>
      <span className={`core-thread${idle ? ' muted' : ''}`}>{thread}</span>
      {!p.compact && (
        <span className="core-entry">{core.entry === null ? ' ' : `${core.entry}${by}`}</span>
      )}
    </button>
  );
});
