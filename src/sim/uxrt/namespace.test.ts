import { describe, expect, it } from 'vitest';
import type { FsError } from './errors';
import { Namespace } from './namespace';
import { cleanPath, type CleanPath } from './paths';

const p = (s: string): CleanPath => cleanPath(s) as CleanPath;
const targets = (ns: Namespace, path: string): string[] =>
  ns.candidates(p(path)).map((c) => c.target);
const m = (target: string, create = false) => ({ target, create });

describe('Plan 9 namespaces (§4.2, bind(2))', () => {
  it('starts with the process server root at /', () => {
    const ns = Namespace.initial();
    expect(targets(ns, '/srv/ramfs/x')).toEqual(['/srv/ramfs/x']);
  });

  it("bind 'replace' makes old show only new", () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    expect(targets(ns, '/bin/ls')).toEqual(['/srv/a/ls']);
  });

  it("bind 'after' onto a plain directory makes a union: the old directory first, then new", () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'after', '/bin');
    expect(targets(ns, '/bin/ls')).toEqual(['/bin/ls', '/srv/a/ls']);
  });

  it("bind 'before' puts new at the front of the union, searched first", () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    ns.bind('/bin', [m('/srv/b')], 'before', null);
    ns.bind('/bin', [m('/srv/c')], 'after', null);
    expect(targets(ns, '/bin/x')).toEqual(['/srv/b/x', '/srv/a/x', '/srv/c/x']);
  });

  it('binding a member again moves it instead of listing it twice', () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    ns.bind('/bin', [m('/srv/b')], 'after', null);
    ns.bind('/bin', [m('/srv/b')], 'before', null);
    expect(targets(ns, '/bin')).toEqual(['/srv/b', '/srv/a']);
  });

  it('the directory that was there joins a union without MCREATE (cmount)', () => {
    const ns = Namespace.initial();
    ns.bind('/tmp', [m('/srv/a', true)], 'before', '/tmp');
    expect(ns.candidates(p('/tmp')).map((c) => c.create)).toEqual([true, false]);
  });

  it('marks a path that is exactly a mount point, not one below it', () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    expect(ns.candidates(p('/bin'))[0]!.atMount).toBe(true);
    expect(ns.candidates(p('/bin/ls'))[0]!.atMount).toBe(false);
  });

  it('the deepest mount point on the path decides', () => {
    const ns = Namespace.initial();
    ns.bind('/n', [m('/srv/a')], 'replace', '/n');
    ns.bind('/n/sub', [m('/srv/b')], 'replace', '/srv/a/sub');
    expect(targets(ns, '/n/sub/f')).toEqual(['/srv/b/f']);
    expect(targets(ns, '/n/other')).toEqual(['/srv/a/other']);
  });

  it('a clone (rfork RFNAMEG) changes independently of its original', () => {
    const parent = Namespace.initial();
    parent.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    const child = parent.clone();
    child.bind('/bin', [m('/srv/b')], 'after', null);
    parent.bind('/tmp', [m('/srv/c')], 'replace', '/tmp');
    expect(targets(parent, '/bin')).toEqual(['/srv/a']);
    expect(targets(child, '/bin')).toEqual(['/srv/a', '/srv/b']);
    expect(targets(child, '/tmp')).toEqual(['/tmp']);
  });

  it('unmount of one name takes only that member; of null takes the whole mount', () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    ns.bind('/bin', [m('/srv/b')], 'after', null);
    expect(ns.unmount('/bin', ['/srv/a'])).toBeNull();
    expect(targets(ns, '/bin')).toEqual(['/srv/b']);
    expect(ns.unmount('/bin', null)).toBeNull();
    expect(targets(ns, '/bin')).toEqual(['/bin']);
  });

  it('unmount errors: not a mount point (EINVAL), a name not bound there (ENOENT), the root', () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    expect((ns.unmount('/tmp', null) as FsError).name).toBe('EINVAL');
    expect((ns.unmount('/bin', ['/srv/zz']) as FsError).name).toBe('ENOENT');
    expect((ns.unmount('/', null) as FsError).name).toBe('EINVAL');
  });

  it("reports its bindings in path order and as Plan 9's ns text", () => {
    const ns = Namespace.initial();
    ns.bind('/bin', [m('/srv/a')], 'replace', '/bin');
    ns.bind('/bin', [m('/srv/b', true)], 'after', null);
    expect(ns.bindings()).toEqual([
      { path: '/', targets: ['/'], flag: 'replace', create: [false] },
      { path: '/bin', targets: ['/srv/a', '/srv/b'], flag: 'after', create: [false, true] },
    ]);
    expect(ns.text()).toBe("bind '/' '/'\nbind '/srv/a' '/bin'\nbind -ac '/srv/b' '/bin'\n");
  });
});
