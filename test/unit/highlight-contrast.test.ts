import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// The highlight colours must keep body text readable: WCAG AA (4.5:1) between typical text and
// the highlight background blended over typical page backgrounds, in both themes.
const css = readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'page', 'highlights.css'), 'utf8');
const [light = '', dark = ''] = css.split('@media (prefers-color-scheme: dark)');

type RGBA = [number, number, number, number];

function backgrounds(block: string): Map<string, RGBA> {
  const out = new Map<string, RGBA>();
  const re = /::highlight\((dramatis-[a-z]+)\)\s*\{[^}]*?background-color:\s*rgba\(([^)]+)\)/g;
  for (const m of block.matchAll(re)) {
    const [r, g, b, a] = m[2]!.split(',').map((x) => Number(x.trim()));
    out.set(m[1]!, [r!, g!, b!, a!]);
  }
  return out;
}

function blend([r, g, b, a]: RGBA, under: [number, number, number]): [number, number, number] {
  return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
}

function luminance(rgb: [number, number, number]): number {
  const [R, G, B] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const CATEGORIES = ['dramatis-regulator', 'dramatis-firm', 'dramatis-official', 'dramatis-custom'];

describe.each([
  ['light', light, [255, 255, 255] as [number, number, number], [33, 37, 41] as [number, number, number]],
  ['light (cream page)', light, [251, 250, 247] as [number, number, number], [31, 35, 40] as [number, number, number]],
  ['dark', dark, [18, 18, 18] as [number, number, number], [230, 230, 230] as [number, number, number]],
])('%s theme', (_name, block, page, text) => {
  const bgs = backgrounds(block);
  test('every category has a highlight background', () => {
    expect([...bgs.keys()].sort()).toEqual([...CATEGORIES].sort());
  });
  test.each(CATEGORIES)('%s keeps text at ≥ 4.5:1', (cat) => {
    const bg = blend(bgs.get(cat)!, page);
    expect(contrast(bg, text)).toBeGreaterThanOrEqual(4.5);
  });
});
