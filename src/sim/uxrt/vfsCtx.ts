// What one process server (VFS) holds while it runs: its image, the process table, the files it
// serves itself (/proc, /srv listings) and the unsent rest of long directory listings.
import type { ThreadCtx } from './context';
import type { ServerState } from './serverCore';
import type { UxrtProc, UxrtWorld } from './uxrtWorld';

export interface VfsCtx extends ThreadCtx {
  /** The kernel image this process server serves (its caps work only there). */
  image: number;
  world: UxrtWorld;
  /** Its own tree, served like any file server (handles carry VFS_FILE_BADGE_BASE + n). */
  files: ServerState;
  /** pid -> the rest of a readdir listing, sent on the client's CONT request. */
  pendingNames: Map<number, string>;
  byPid: UxrtProc[];
}
