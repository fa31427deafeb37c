// Path names (sel4-reference.md §4.2; Plan 9 cleanname(2)): '//' and '.' vanish, '..' is taken
// lexically ('/..' is '/'), a relative path is taken from '/' (processes have no current
// directory here). A trailing '/' asks for a directory, as on Unix.
import { fsError, type FsError } from './errors';

/** Longest name of one path element, in bytes (NAME_MAX). */
export const NAME_MAX = 255;

export interface CleanPath {
  /** Absolute, clean: '/' or '/a/b'. */
  path: string;
  parts: string[];
  /** The name ended in '/': it must be a directory. */
  dirOnly: boolean;
}

export function cleanPath(raw: string): CleanPath | FsError {
  if (typeof raw !== 'string')
    return fsError('EINVAL', `path ${JSON.stringify(raw)} is not a string`);
  if (raw.length === 0) return fsError('ENOENT', 'empty path');
  if (raw.includes('\0')) return fsError('EINVAL', 'a path may not contain NUL bytes');
  const parts: string[] = [];
  for (const e of raw.split('/')) {
    if (e === '' || e === '.') continue;
    if (e === '..') {
      parts.pop();
      continue;
    }
    if (e.length > NAME_MAX) {
      return fsError(
        'ENAMETOOLONG',
        `'${e.slice(0, 16)}...' is ${e.length} bytes, more than ${NAME_MAX}`,
      );
    }
    parts.push(e);
  }
  const dirOnly = raw.length > 1 && raw.endsWith('/');
  return { path: joinParts(parts), parts, dirOnly };
}

export function joinParts(parts: readonly string[]): string {
  return parts.length === 0 ? '/' : `/${parts.join('/')}`;
}

/** Join a clean directory path and a clean relative tail: ('/a', ['b']) -> '/a/b'. */
export function joinPath(dir: string, tail: readonly string[]): string {
  if (tail.length === 0) return dir;
  return dir === '/' ? `/${tail.join('/')}` : `${dir}/${tail.join('/')}`;
}

/** Is `prefix` a whole-element prefix of `path`? ('/a' of '/a/b' yes, of '/ab' no). */
export function isPrefix(prefix: string, path: string): boolean {
  if (prefix === '/') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
