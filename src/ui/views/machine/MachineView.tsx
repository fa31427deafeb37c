// The machine: cores grouped by socket and cluster, each with its thread and mode; the big lock
// of each kernel image; the latest cache-line migrations as arrows coloured by cost.
import { useMemo, useRef, useState } from 'react';
import { Panel } from '../../components/Panel';
import { useElementSize } from '../../components/useElementSize';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { CoreCard } from './CoreCard';
import { costColor } from './costColor';
import { LockPanel } from './LockPanel';
import { layoutMachine } from './machineLayout';
import { MigrationArrows } from './MigrationArrows';
import { AGGREGATE_ABOVE, groupMigrations, recentMigrations } from './selectMigrations';
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
  // Zoom to fit (the default) or full size and scroll.
  const [fit, setFit] = useState(true);
  const layout = useMemo(
    () => (desc && width > 0 ? layoutMachine(desc, width, height, fit) : null),
    [desc, width, height, fit],
  );
  const many = (desc?.cores.length ?? 0) > AGGREGATE_ABOVE;
  const coreArrows = useMemo(
    () => (timeline ? recentMigrations(timeline, cursor, many ? 96 : 24) : []),
    [timeline, cursor, many],
  );
  // Many cores: one arrow per pair of clusters (or sockets), the busiest, counts on them.
  const grouped = useMemo(() => {
    if (!many || !layout || !desc) return null;
    return groupMigrations(coreArrows, layout.group, (c) => desc.cores[c]?.socket ?? 0);
  }, [many, layout, desc, coreArrows]);
  const groupBoxes = layout ? (layout.byCluster ? layout.clusters : layout.sockets) : [];
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
        <>
          {layout && (layout.scale < 1 || !fit) && (
            <button
              onClick={() => setFit(!fit)}
              data-testid="machine-fit"
              aria-pressed={fit}
              title={fit ? 'Show the cards at full size (scroll)' : 'Zoom out to fit the panel'}
            >
              {fit ? `${Math.round(layout.scale * 100)}%` : 'fit'}
            </button>
          )}
          {lt && (
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
          )}
        </>
      }
    >
      <div className="machine" ref={ref}>
        {layout && cores && desc && (
          <div
            className="machine-zoom"
            style={{ width: layout.width * layout.scale, height: layout.height * layout.scale }}
          >
            <div
              className={`machine-canvas${layout.scale < 1 ? ' scaled' : ''}`}
              data-testid="machine-canvas"
              data-scale={layout.scale}
              style={{
                width: layout.width,
                height: layout.height,
                transform: layout.scale < 1 ? `scale(${layout.scale})` : undefined,
              }}
            >
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
                  <span>
                    {c.label}
                    {layout.byCluster && (grouped?.inside.get(i) ?? 0) > 0 && (
                      <> · {grouped!.inside.get(i)} line moves inside</>
                    )}
                  </span>
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
                arrows={grouped?.arrows ?? coreArrows}
                cores={grouped ? groupBoxes : layout.cores}
                grouped={grouped !== null}
                width={layout.width}
                height={layout.height}
                animate={!running}
              />
            </div>
          </div>
        )}
      </div>
      {locks && cores && <LockPanel locks={locks} cores={cores} />}
    </Panel>
  );
}
