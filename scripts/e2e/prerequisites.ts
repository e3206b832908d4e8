/**
 * What the browser tests need from the machine: Debian's Chromium and a CJK font (without one,
 * Chinese renders as boxes and the screenshots say nothing). Missing pieces are installed when
 * this runs as root with apt-get at hand (the command is printed, and apt-get's output shown);
 * otherwise it stops and says which command to run.
 *
 * `E2E_CHROMIUM=/path/to/chromium` points the tests at another Chromium build (then only the
 * fonts are installed; a missing custom Chromium is an error).
 *
 * Usage: `npm run e2e:prerequisites` (the e2e global setup calls `ensureBrowserPrerequisites`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;
export const INSTALL_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;

export const chromiumPath = (): string => process.env.E2E_CHROMIUM || DEFAULT_CHROMIUM;

export interface Missing { chromium: boolean; fonts: boolean }

/** The machine as the check sees it; replaced in the unit tests. */
export interface Machine {
  missing(): Missing;
  isRoot(): boolean;
  has(command: string): boolean;
  /** Runs a command with its output shown; returns its exit status. */
  run(command: string, args: readonly string[]): number | null;
  chromium: string;
  customChromium: boolean;
}

/** True when fontconfig lists at least one font covering Chinese (false when fc-list is missing too). */
export function hasCjkFont(): boolean {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

export const realMachine = (): Machine => ({
  missing: () => ({ chromium: !existsSync(chromiumPath()), fonts: !hasCjkFont() }),
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  has: (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0,
  run: (command, args) => spawnSync(command, [...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status,
  chromium: chromiumPath(),
  customChromium: Boolean(process.env.E2E_CHROMIUM),
});

function describeMissing(missing: Missing, chromium: string): string {
  return [
    missing.chromium ? `Chromium (${chromium})` : '',
    missing.fonts ? 'a Chinese font (`fc-list :lang=zh` lists none)' : '',
  ].filter(Boolean).join(' and ');
}

/** Installs what is missing (root + apt-get), or throws an error naming the command to run. */
export function ensureBrowserPrerequisites(machine: Machine = realMachine(), log: (line: string) => void = console.log): void {
  const missing = machine.missing();
  if (!missing.chromium && !missing.fonts) return;
  const what = describeMissing(missing, machine.chromium);
  if (missing.chromium && machine.customChromium) {
    throw new Error(`The browser tests need ${what}: E2E_CHROMIUM=${machine.chromium} does not exist; unset it or point it at a Chromium executable.`);
  }
  const apt = machine.has('apt-get');
  if (!machine.isRoot() || !apt) {
    const hint = apt
      ? `Run: sudo sh -c '${INSTALL_COMMAND}'`
      : `Install Chromium at ${DEFAULT_CHROMIUM} (or set E2E_CHROMIUM to its path) and a CJK font; on Debian: ${INSTALL_COMMAND}`;
    throw new Error(`The browser tests need ${what}. ${hint}`);
  }
  log(`[e2e] missing ${what}: running \`${INSTALL_COMMAND}\` (as root)`);
  for (const args of [['update'], ['install', '-y', ...APT_PACKAGES]]) {
    log(`[e2e] $ apt-get ${args.join(' ')}`);
    const status = machine.run('apt-get', args);
    if (status !== 0) throw new Error(`\`apt-get ${args.join(' ')}\` failed (exit ${status}). Run \`${INSTALL_COMMAND}\` as root and retry.`);
  }
  const still = machine.missing();
  if (still.chromium || still.fonts) throw new Error(`After installing ${APT_PACKAGES.join(' ')}, still missing ${describeMissing(still, machine.chromium)}.`);
  log('[e2e] browser prerequisites installed');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureBrowserPrerequisites();
    console.log(`[e2e] Chromium at ${chromiumPath()} and a CJK font are present.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
