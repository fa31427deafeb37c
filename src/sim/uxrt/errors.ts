// The errors a Unix user expects from the file layer (sel4-reference.md §4.1: replies carry an
// errno; ETRUNCATED is UX/RT's partial-message error). Codes follow Linux where one exists.

export const ERRNO = {
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  EACCES: 13,
  EEXIST: 17,
  EXDEV: 18,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  EPIPE: 32,
  ENAMETOOLONG: 36,
  ENOSYS: 38,
  ENOTEMPTY: 39,
  EMSGSIZE: 90,
  ENOENT: 2,
  /** UX/RT: a message was read into a buffer too small for it; the rest is lost. */
  ETRUNCATED: 200,
} as const;

export type ErrnoName = keyof typeof ERRNO;

const BY_CODE = new Map<number, ErrnoName>(
  Object.entries(ERRNO).map(([k, v]) => [v, k as ErrnoName]),
);

/** What each errno means, for messages a user can read. */
export const ERRNO_TEXT: Record<ErrnoName, string> = {
  EIO: 'input/output error',
  EBADF: 'bad file descriptor',
  EAGAIN: 'try again',
  EACCES: 'permission denied',
  EEXIST: 'file exists',
  EXDEV: 'cross-image link',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EINVAL: 'invalid argument',
  EPIPE: 'server gone',
  ENAMETOOLONG: 'file name too long',
  ENOSYS: 'no file layer',
  ENOTEMPTY: 'directory not empty',
  EMSGSIZE: 'message too long',
  ENOENT: 'no such file or directory',
  ETRUNCATED: 'message truncated',
};

/** A file-layer error: errno name plus a sentence saying what happened. */
export class FsError {
  constructor(
    readonly name: ErrnoName,
    readonly detail: string,
  ) {}

  get code(): number {
    return ERRNO[this.name];
  }

  /** "ENOENT: no such file or directory: '/srv/ramfs/x'" */
  toString(): string {
    return `${this.name}: ${ERRNO_TEXT[this.name]}${this.detail ? `: ${this.detail}` : ''}`;
  }
}

export function fsError(name: ErrnoName, detail = ''): FsError {
  return new FsError(name, detail);
}

export function errnoName(code: number): ErrnoName {
  return BY_CODE.get(code) ?? 'EIO';
}

/**
 * Read a handler's `{ error }` string: "ENOENT" or "ENOENT: detail" or free text (EIO).
 * Servers answer with the errno and the sentence, 9P Rerror-style.
 */
export function parseHandlerError(text: string): FsError {
  const m = /^(E[A-Z]+)(?::\s*(.*))?$/s.exec(text);
  if (m !== null && m[1]! in ERRNO) {
    const name = m[1] as ErrnoName;
    const rest = (m[2] ?? '').trim();
    // "EACCES: permission denied: x" from another layer: keep only the detail.
    const prefix = `${ERRNO_TEXT[name]}: `;
    return fsError(name, rest.startsWith(prefix) ? rest.slice(prefix.length) : rest);
  }
  return fsError('EIO', text);
}
