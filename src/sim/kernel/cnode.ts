// CNode invocations on the caller's own CSpace (seL4 src/object/cnode.c: decodeCNodeInvocation,
// invokeCNodeInsert, invokeCNodeDelete; sel4-reference.md §1.3). Mint and Copy derive a cap with
// at most the source's rights; Mint sets the badge of an unbadged endpoint or notification cap.
// Simplified: no derivation tree, so Delete removes one cap and never finalises the object.
import type { Kernel } from './kernelState';
import type { Rights, Tcb } from './objects';
import { insertCap, lookupSlotCap, setSyscallResult } from './transfer';

export type CNodeMethod = 'mint' | 'copy' | 'delete';

export interface CNodeInvocation {
  method: CNodeMethod;
  /** Source slot (Mint, Copy). */
  src: string | null;
  /** Destination slot (Mint, Copy) or the slot to empty (Delete). */
  dest: string;
  /** Rights mask for the new cap: it keeps a right only if the source has it too. */
  rights?: Partial<Rights>;
  /** Badge for Mint (0 keeps the source's badge). */
  badge?: number;
}

function maskRights(src: Rights, mask: Partial<Rights> | undefined): Rights {
  if (mask === undefined) return { ...src };
  return {
    read: src.read && (mask.read ?? false),
    write: src.write && (mask.write ?? false),
    grant: src.grant && (mask.grant ?? false),
    grantReply: src.grantReply && (mask.grantReply ?? false),
  };
}

function insert(k: Kernel, t: Tcb, inv: CNodeInvocation): string | null {
  if (inv.src === null) return 'InvalidArgument: no source slot';
  const src = lookupSlotCap(t, inv.src);
  if (src === null) return `FailedLookup: source slot '${inv.src}' is empty`;
  if ((t.cspace.get(inv.dest)?.cap ?? null) !== null) {
    return `DeleteFirst: destination slot '${inv.dest}' is not empty`;
  }
  let badge = src.badge;
  if (inv.method === 'mint' && inv.badge !== undefined && inv.badge !== 0) {
    const kind = src.object.kind;
    if (kind !== 'endpoint' && kind !== 'notification') {
      return `IllegalOperation: only endpoint and notification caps carry a badge (${kind})`;
    }
    // updateCapData: a badged cap cannot be re-badged, the mutated cap would be invalid.
    if (src.badge !== 0) return `IllegalOperation: the cap in '${inv.src}' is already badged`;
    badge = inv.badge;
  }
  insertCap(t, inv.dest, { object: src.object, rights: maskRights(src.rights, inv.rights), badge });
  k.fx.touch(t.lines.cspace, true);
  return null;
}

/** One CNode invocation; the answer (error or success) goes back to the caller as for a Call. */
export function invokeCNode(k: Kernel, t: Tcb, inv: CNodeInvocation): void {
  let error: string | null = null;
  if (inv.method === 'delete') {
    const slot = t.cspace.get(inv.dest);
    if (slot !== undefined && slot.cap !== null) {
      slot.cap = null;
      k.fx.touch(t.lines.cspace, true);
    }
  } else {
    error = insert(k, t, inv);
  }
  setSyscallResult(t, error);
}
