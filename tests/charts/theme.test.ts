import { describe, expect, it } from 'vitest';
import { contrastOnWhite, paleOf, PALETTE } from '../../src/charts/theme.ts';

describe('place colours', () => {
  it('every place colour has a contrast of at least 3:1 on white (WCAG 1.4.11, graphics)', () => {
    const weak = PALETTE.filter((c) => contrastOnWhite(c) < 3).map((c) => `${c} ${contrastOnWhite(c).toFixed(2)}`);
    expect(weak).toEqual([]);
  });

  it('measures contrast as WCAG does (black 21:1, white 1:1, #767676 4.54:1)', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 2);
  });

  it('the ten colours are all different', () => {
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
  });

  it('paleOf mixes a colour with white', () => {
    expect(paleOf('#000000', 0.5)).toBe('#808080');
    expect(paleOf('#ffffff')).toBe('#ffffff');
    expect(paleOf('#4e79a7', 1)).toBe('#4e79a7');
  });
});
