import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { FRAME_CUES } from '../../../src/core/extract/frame/frame-cues.ts';
import { ALL_JUDGEMENTS, type Judgement } from '../../../src/core/extract/frame/judgements.ts';
import type { ReportMeta } from '../../../src/core/types.ts';

/**
 * Every frame cue and judgement carries an example sentence; each must be decided by that very
 * cue, with its value: a cue whose example no longer fires is dead or shadowed by another.
 */
const meta: ReportMeta = {
  id: 'frame-cue-example', region_code: '140223', region_name: '广灵县', year: 2024, publisher: '广灵县人民政府',
  publisher_kind: 'county-gov', title: '广灵县2024年法治政府建设年度报告', url: '', published: '', coverage: 'full', source_kind: 'annual-report',
};

function firedBy(example: string, overrides: Judgement['exampleMeta'] = {}) {
  const fired: string[] = [];
  const result = extractReport({ meta: { ...meta, ...overrides }, body: example }, { fired: (id) => fired.push(id) });
  return { fired, rejects: result.rejects, observations: result.observations };
}

describe('frame cues: each example is decided by its own cue', () => {
  it.each(FRAME_CUES.map((cue) => [cue.id, cue] as const))('%s', (_id, cue) => {
    const { fired, rejects } = firedBy(cue.example);
    expect(fired, `cues fired on "${cue.example}"`).toContain(cue.id);
    expect(rejects.map((r) => r.frame), cue.example).toContain(`${cue.dimension}:${cue.value}`);
  });
});

describe('frame judgements: each example is decided by its own judgement', () => {
  it.each(ALL_JUDGEMENTS.map((j) => [j.id, j] as const))('%s', (_id, judgement) => {
    const { fired, rejects } = firedBy(judgement.example, judgement.exampleMeta);
    expect(fired, `judgements fired on "${judgement.example}"`).toContain(judgement.id);
    const frames = rejects.map((r) => r.frame);
    expect(frames.some((f) => f.startsWith(`${judgement.dimension}:`)), `${judgement.example}: ${frames.join(', ')}`).toBe(true);
  });
});
