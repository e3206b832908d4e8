/**
 * A partitioned source loads one thing at a time (partitioned-source.ts's queue), but what is loaded
 * already is not queued: asking again for loaded place files, tiles or standings answers at once while
 * another load is still under way (at national scale the reader's query used to wait behind the idle
 * prefetch's loads), and something not loaded still waits its turn.
 *
 * The engine's inserts can be held (a gate), so a load stays under way as long as the test wants.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/e2e/static-server.ts';
import type { PartitionedManifest } from '../../src/db/sources/manifest.ts';
import { openPartitionedSource } from '../../src/db/sources/partitioned-source.ts';
import { provinceOf } from '../../src/db/sources/scope.ts';
import type { DataSource, Engine } from '../../src/db/sources/source.ts';
import { generateSmallDataset, nodeEngine } from './partitioned-engine.ts';

let dir: string;
let manifest: PartitionedManifest;
let server: StaticServer;
let close: () => void;
let source: DataSource;
/** While set, every insert waits for it: a load under way that does not finish. */
let gate: Promise<void> | null = null;
let openGate = () => {};

/** 'answered' if the promise settles within the time, else 'waiting' (a loaded engine answers in well under 2 s). */
const within = (promise: Promise<unknown>, ms = 2_000) =>
  Promise.race([promise.then(() => 'answered' as const), new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms))]);

beforeAll(async () => {
  ({ dir, manifest } = generateSmallDataset('atlas-loaded-not-queued-', { years: 2 }));
  server = await startStaticServer({ root: dir });
  const node = await nodeEngine();
  close = node.close;
  const engine: Engine = { ...node.engine, insertArrow: async (name, table) => { if (gate) await gate; await node.engine.insertArrow(name, table); } };
  source = await openPartitionedSource(engine, manifest, server.url);
}, 120_000);

afterAll(async () => {
  openGate();
  close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a partitioned source while a load is under way', () => {
  it('answers at once for loaded places, tiles and standings, and queues what is not loaded', async () => {
    const places = manifest.places!.regions;
    const [loadedPlace, heldPlace, waitingPlace] = [places[0]!, places.at(-1)!, places[Math.floor(places.length / 2)]!];
    expect(new Set([provinceOf(loadedPlace), provinceOf(heldPlace)]).size).toBe(2); // a place of another province than the held load's
    const [indicator, years] = Object.entries(manifest.tiles!.years)[0]!;
    await source.places([loadedPlace], 'test');
    await source.tiles(indicator, years, 'test');
    await source.standings(loadedPlace, 'test');

    gate = new Promise((resolve) => { openGate = resolve; });
    const held = source.places([heldPlace], 'test'); // fetched, then held at its insert
    expect(await within(held, 500)).toBe('waiting');

    expect(await within(source.places([loadedPlace], 'test'))).toBe('answered');
    expect(await within(source.tiles(indicator, years, 'test'))).toBe('answered');
    expect(await within(source.standings(loadedPlace, 'test'))).toBe('answered');
    const queued = source.places([waitingPlace], 'test');
    expect(await within(queued, 500)).toBe('waiting'); // not loaded: after the held load, as before

    gate = null;
    openGate();
    expect(await within(Promise.all([held, queued]), 30_000)).toBe('answered');
    expect(await within(source.places([heldPlace, waitingPlace], 'test'))).toBe('answered');
  }, 120_000);
});
