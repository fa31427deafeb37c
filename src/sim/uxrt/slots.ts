// Reserved cap slots and badge ranges of the UX/RT layer. Slot names start with 'uxrt:' so they
// never clash with a scenario's own slots; badges tell the process server who is calling.

export const SLOT = {
  /** Every process: badged cap to its process server (Write, GrantReply). */
  vfs: 'uxrt:vfs',
  /** Every process without a fault handler of its own: the process server takes its faults. */
  fault: 'uxrt:fault',
  /** A server: its port endpoint (all rights); it receives on it. */
  port: 'uxrt:port',
  /** The process server: its own endpoint. */
  self: 'uxrt:self',
  /** The process server: the unbadged cap to a port, from which it mints open files. */
  srv: (port: string): string => `uxrt:srv.${port}`,
  /** The process server: a process's TCB (UX/RT's process server made every process). */
  tcb: (name: string): string => `uxrt:tcb.${name}`,
  /** The process server: its copy of an open file's cap (kept so the file can be tracked). */
  file: (server: string, handle: number): string => `uxrt:file.${server}.${handle}`,
  /** A client: the slot an open file's cap lands in (the receive slot of the open). */
  fd: (fd: number): string => `uxrt:fd${fd}`,
} as const;

/** Badges on process-server caps: 1..FAULT_BADGE_BASE-1 are processes (pid + 1). */
export const FAULT_BADGE_BASE = 0x8000;
/** Files the process server serves itself (/proc) carry badges from here. */
export const VFS_FILE_BADGE_BASE = 0x10000;
