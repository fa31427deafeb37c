import { describe, expect, it } from 'vitest';
import { FsError } from './errors';
import { cleanPath, isPrefix, NAME_MAX } from './paths';

const clean = (p: string) => {
  const c = cleanPath(p);
  if (c instanceof FsError) throw new Error(c.toString());
  return c;
};

describe('path names (Plan 9 cleanname, §4.2)', () => {
  it('collapses repeated slashes: //srv///ramfs//hello is /srv/ramfs/hello', () => {
    expect(clean('//srv///ramfs//hello').path).toBe('/srv/ramfs/hello');
  });

  it("drops '.' and takes '..' lexically, never above the root", () => {
    expect(clean('/srv/./ramfs/x/../hello').path).toBe('/srv/ramfs/hello');
    expect(clean('/../../srv').path).toBe('/srv');
    expect(clean('/a/b/../../..').path).toBe('/');
  });

  it('takes a relative path from the root (processes have no current directory)', () => {
    expect(clean('srv/ramfs').path).toBe('/srv/ramfs');
  });

  it('a trailing slash asks for a directory and is dropped from the name', () => {
    const c = clean('/srv/ramfs/');
    expect(c.path).toBe('/srv/ramfs');
    expect(c.dirOnly).toBe(true);
    expect(clean('/').dirOnly).toBe(false);
    expect(clean('/srv/ramfs').dirOnly).toBe(false);
  });

  it(`refuses an element longer than NAME_MAX (${NAME_MAX}) bytes with ENAMETOOLONG`, () => {
    const e = cleanPath(`/srv/${'x'.repeat(NAME_MAX + 1)}`);
    expect(e).toBeInstanceOf(FsError);
    expect((e as FsError).name).toBe('ENAMETOOLONG');
    expect(clean(`/${'y'.repeat(NAME_MAX)}`).parts[0]).toHaveLength(NAME_MAX);
  });

  it('refuses the empty path (ENOENT) and NUL bytes (EINVAL)', () => {
    expect((cleanPath('') as FsError).name).toBe('ENOENT');
    expect((cleanPath('/a\0b') as FsError).name).toBe('EINVAL');
  });

  it('matches mount points by whole elements', () => {
    expect(isPrefix('/bin', '/bin/ls')).toBe(true);
    expect(isPrefix('/bin', '/bin')).toBe(true);
    expect(isPrefix('/bin', '/binary')).toBe(false);
    expect(isPrefix('/', '/anything')).toBe(true);
  });
});
