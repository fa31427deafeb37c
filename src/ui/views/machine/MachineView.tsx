// The machine: cores grouped by socket and cluster, each with its thread and mode; the big lock
// of each kernel image; the latest cache-line migrations as arrows coloured by cost.
import { useMemo, useRef } from 'react';
import { Panel } from '../../components/Panel';
import { useElementSize } from '../../components/useElementSize';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { CoreCard } from './CoreCard';
import { costColor } from './costColor';
import { LockPanel } from './LockPanel';
import { layoutMachine } from './machineLayout';
import { MigrationArrows } from './MigrationArrows';
import { recentMigrations } from './selectMigrations';
import './machine.css';

export function MachineView() {
  const desc = useAppStore((s) => s.description);
  const cores = useAppStore((s) => s.projection?.cores);
  const locks = useAppStore((s) => s.projection?.locks);
  const selected = useAppStore((s) => s.selectedThread);
  const timeline = useAppStore((s) => s.timeline);
  const cursor = useAppStore((s) => s.cursor);
  const running = useAppStore((s) => s.running);
  useAppStore((s) => s.logVersion);
  const { selectThread } = useActions();
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const layout = useMemo(
    () => (desc && width > 0 ? layoutMachine(desc, width, height) : null),
    [desc, width, height],
  );
  const arrows = useMemo(
    () => (timeline ? recentMigrations(timeline, cursor) : []),
    [timeline, cursor],
  );
  const lt = desc?.platform.lineTransfer;
  const title = desc ? (
    <>
      Machine{' '}
      <span className="muted" title={desc.platform.name}>
        · {desc.platform.id}
      </span>
    </>
  ) : (
    'Machine'
  );
  return (
    <Panel
      title={title}
      testId="view-machine"
      actions={
        lt && (
          <span
            className="cost-legend"
            title="one-way cache-line transfer cost on this platform, in cycles"
          >
            {(['cluster', 'socket', 'remote'] as const)
              .filter((k, i, all) => i === 0 || lt[k] !== lt[all[i - 1]!])
              .map((k) => (
                <span key={k}>
                  <i style={{ background: costColor(lt[k]) }} /> {k} {lt[k]}
                </span>
              ))}
          </span>
        )
      }
    >
      <div className="machine" ref={ref}>
        {layout && cores && desc && (
          <div className="machine-canvas" style={{ height: layout.height }}>
            {layout.sockets.map((s) => (
              <div
                key={s.label}
                className="group socket"
                style={{ left: s.x, top: s.y, width: s.w, height: s.h }}
              >
                <span>{s.label}</span>
              </div>
            ))}
            {layout.clusters.map((c, i) => (
              <div
                key={i}
                className="group cluster"
                style={{ left: c.x, top: c.y, width: c.w, height: c.h }}
              >
                <span>{c.label}</span>
              </div>
            ))}
            {cores.map((c) => (
              <CoreCard
                key={c.id}
                core={c}
                box={layout.cores[c.id]!}
                holdsLock={locks?.[c.image]?.holder === c.id}
                showImage={desc.images.length > 1}
                compact={layout.compact}
                selected={selected !== null && c.thread === selected}
                onSelect={selectThread}
              />
            ))}
            <MigrationArrows
              arrows={arrows}
              cores={layout.cores}
              width={layout.width}
              height={layout.height}
              animate={!running}
            />
          </div>
        )}
      </div>
      {locks && cores && <LockPanel locks={locks} cores={cores} />}
    </Panel>
  );
}
