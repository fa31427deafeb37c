// The UX/RT layer's part of the world (setup.ts builds it): the process server of each kernel
// image, every process's record in the process table, and the ports servers listen on.
import type { Tcb } from '../kernel/objects';

export interface UxrtProc {
  name: string;
  /** Index in the process table; the badge of its process-server cap is pid + 1. */
  pid: number;
  tcb: Tcb;
  serves: string | null;
  parent: string | null;
  shareNamespace: boolean;
}

export interface UxrtPort {
  name: string;
  server: string;
  image: number;
  endpoint: string;
}

export interface UxrtWorld {
  /** Kernel image -> name of its process server. */
  vfs: Map<number, string>;
  procs: Map<string, UxrtProc>;
  ports: Map<string, UxrtPort>;
}
