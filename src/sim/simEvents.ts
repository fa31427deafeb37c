// The event vocabulary (DESIGN.md "Events"): past-tense facts, the one thing the UI and the CLI see.
// Every event has seq (its index in the log), t (cycles), core and type.

import type { FileOpInfo } from './script/ipcscope';

export type ThreadStateName =
  | 'running'
  | 'restart'
  | 'inactive'
  | 'blockedOnSend'
  | 'blockedOnReceive'
  | 'blockedOnReply'
  | 'blockedOnNotification'
  | 'idle';

export type KernelPath = 'fast' | 'slow';

export interface EventBase {
  seq: number;
  t: number;
  core: number;
}

export type SimEventBody =
  | { type: 'syscallEntered'; thread: string; syscall: string; cap: string | null }
  | {
      type: 'syscallExited';
      thread: string;
      syscall: string;
      path: KernelPath;
      reason?: string;
      cycles: number;
    }
  | {
      type: 'messageTransferred';
      from: string;
      to: string;
      object: string;
      label: number;
      length: number;
      badge: number;
      caps: number;
      words: number[];
      kind: 'send' | 'call' | 'reply' | 'fault';
      /** Set when the sender asked for more words than seL4_MsgMaxLength (120): it was cut. */
      requested?: number;
    }
  | { type: 'threadBlocked'; thread: string; state: ThreadStateName; object: string | null }
  | { type: 'threadWoken'; thread: string }
  | {
      type: 'objectChanged';
      object: string;
      kind: 'endpoint' | 'notification';
      state: string;
      /** Queued threads, head first. */
      queue: string[];
      /** Notification data word. */
      word: number;
    }
  | { type: 'threadSwitched'; from: string; to: string }
  | { type: 'threadMigrated'; thread: string; from: number; to: number }
  | { type: 'threadStopped'; thread: string; reason: string }
  | { type: 'cacheLineMigrated'; line: string; from: number; to: number; cycles: number }
  | { type: 'ipiSent'; from: number; to: number; kind: 'reschedule' | 'remoteCall' | 'signal' }
  | { type: 'interruptTaken'; kind: 'ipi' | 'timer' | 'release' }
  | { type: 'lockAcquired'; image: number }
  | { type: 'lockContended'; image: number; waitCycles: number }
  | { type: 'lockReleased'; image: number }
  | {
      type: 'faultRaised';
      thread: string;
      faultType: string;
      detail: string;
      handler: string | null;
    }
  | { type: 'schedContextDonated'; sc: string; from: string; to: string }
  | { type: 'schedContextReturned'; sc: string; from: string; to: string }
  | { type: 'budgetExhausted'; thread: string; sc: string; until: number }
  | {
      type: 'schedContextRefilled';
      sc: string;
      /** The SC's refill list after the change, head first (sporadic.c). */
      refills: { time: number; amount: number }[];
      /** Cycles charged to the SC in all. */
      consumed: number;
    }
  | { type: 'notificationSignalled'; object: string; badge: number; word: number }
  | { type: 'consoleWritten'; thread: string; text: string }
  | ({ type: 'fileOperation'; thread: string } & FileOpInfo)
  | {
      type: 'namespaceChanged';
      process: string;
      /** The process's mount table: each path and its union of global paths, in search order. */
      bindings: { path: string; targets: string[]; flag: string; create: boolean[] }[];
    }
  | { type: 'portRegistered'; port: string; server: string };

export type SimEvent = EventBase & SimEventBody;
export type SimEventType = SimEvent['type'];
