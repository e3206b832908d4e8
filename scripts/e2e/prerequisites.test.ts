import { describe, expect, it } from 'vitest';
import { ensureBrowserPrerequisites, type Machine, type Missing } from './prerequisites.ts';

function machine(options: { missing: Missing[]; root?: boolean; apt?: boolean; custom?: boolean; status?: number }) {
  const runs: string[] = [];
  const states = [...options.missing];
  const m: Machine = {
    missing: () => (states.length > 1 ? states.shift()! : states[0]!),
    isRoot: () => options.root ?? true,
    has: (command) => command === 'apt-get' && (options.apt ?? true),
    run: (command, args) => { runs.push(`${command} ${args.join(' ')}`); return options.status ?? 0; },
    chromium: '/usr/bin/chromium',
    customChromium: options.custom ?? false,
  };
  return { m, runs };
}

const none = { chromium: false, fonts: false };
const log = () => undefined;

describe('ensureBrowserPrerequisites', () => {
  it('does nothing when Chromium and a CJK font are there', () => {
    const { m, runs } = machine({ missing: [none] });
    ensureBrowserPrerequisites(m, log);
    expect(runs).toEqual([]);
  });

  it('installs with apt-get as root, printing what it does', () => {
    const { m, runs } = machine({ missing: [{ chromium: true, fonts: true }, none] });
    const lines: string[] = [];
    ensureBrowserPrerequisites(m, (l) => lines.push(l));
    expect(runs).toEqual(['apt-get update', 'apt-get install -y chromium fonts-noto-cjk']);
    expect(lines.join('\n')).toContain('apt-get update && apt-get install -y chromium fonts-noto-cjk');
  });

  it('names the exact command when it cannot install', () => {
    const { m, runs } = machine({ missing: [{ chromium: false, fonts: true }], root: false });
    expect(() => ensureBrowserPrerequisites(m, log)).toThrow("Run: sudo sh -c 'apt-get update && apt-get install -y chromium fonts-noto-cjk'");
    expect(() => ensureBrowserPrerequisites(m, log)).toThrow(/a Chinese font/);
    expect(runs).toEqual([]);
    const noApt = machine({ missing: [{ chromium: true, fonts: false }], apt: false });
    expect(() => ensureBrowserPrerequisites(noApt.m, log)).toThrow(/Chromium \(\/usr\/bin\/chromium\).*E2E_CHROMIUM/);
  });

  it('fails when apt-get fails or the install did not help', () => {
    const failing = machine({ missing: [{ chromium: true, fonts: false }], status: 100 });
    expect(() => ensureBrowserPrerequisites(failing.m, log)).toThrow(/apt-get update` failed \(exit 100\)/);
    const useless = machine({ missing: [{ chromium: true, fonts: false }] });
    expect(() => ensureBrowserPrerequisites(useless.m, log)).toThrow(/still missing Chromium/);
  });

  it('never installs over a custom E2E_CHROMIUM that is missing', () => {
    const { m, runs } = machine({ missing: [{ chromium: true, fonts: false }], custom: true });
    expect(() => ensureBrowserPrerequisites(m, log)).toThrow(/E2E_CHROMIUM=\/usr\/bin\/chromium does not exist/);
    expect(runs).toEqual([]);
  });
});
