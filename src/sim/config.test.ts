// Run configuration: flags over scenario.machine, kernel images, scenario-defined platforms.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseKernelImages, resolveConfig, resolvePlatform } from './config';

describe('run configuration', () => {
  it('flags override the scenario machine, which overrides the defaults', () => {
    const spec = { machine: { platform: 'a9-sabre', cores: 2, kernel: 'multikernel' }, seed: 5 };
    expect(resolveConfig(spec, {})).toMatchObject({
      platform: 'a9-sabre',
      cores: 2,
      kernel: 'multikernel',
      mcs: false,
      seed: 5,
    });
    expect(resolveConfig(spec, { cores: 4, mcs: true, seed: 9 })).toMatchObject({
      cores: 4,
      mcs: true,
      seed: 9,
    });
  });

  it('maps cores to kernel images: smp one, multikernel one per core, clustered:N one per N cores', () => {
    expect(parseKernelImages('smp', 4)).toEqual([0, 0, 0, 0]);
    expect(parseKernelImages('multikernel', 3)).toEqual([0, 1, 2]);
    expect(parseKernelImages('clustered:2', 5)).toEqual([0, 0, 1, 1, 2]);
    expect(() => parseKernelImages('numa', 2)).toThrow(ConfigError);
  });

  it('rejects an unknown platform, naming the known ones', () => {
    expect(() => resolvePlatform('pdp-11')).toThrow(/unknown platform 'pdp-11'; known: a9-sabre/);
  });

  it('rejects params the scenario does not declare', () => {
    expect(() => resolveConfig({ params: { think: 1 } }, { params: { thonk: 2 } })).toThrow(
      /unknown param 'thonk'/,
    );
  });

  it('lets a scenario override any number of a built-in profile', () => {
    const p = resolvePlatform('haswell-i7', {
      lineTransfer: { cluster: 7 },
      classic: { fastpathCall: 100 },
    });
    expect(p.lineTransfer).toEqual({ cluster: 7, socket: 71, remote: 71 });
    expect(p.classic.fastpathCall).toBe(100);
    expect(p.classic.fastpathReplyRecv).toBe(605);
  });

  it('lets a scenario define its own platform from a base profile', () => {
    const spec = {
      machine: {
        platform: 'my-soc',
        profile: {
          id: 'my-soc',
          base: 'a9-sabre',
          name: 'My SoC',
          cores: 8,
          lineTransfer: { cluster: 12 },
        },
      },
    };
    const config = resolveConfig(spec, {});
    expect(config.platform).toBe('my-soc');
    expect(config.cores).toBe(4);
    const p = resolvePlatform('my-soc', spec.machine.profile);
    expect(p.isa).toBe('aarch32');
    expect(p.lineTransfer.cluster).toBe(12);
    expect(p.cores).toBe(8);
  });
});
