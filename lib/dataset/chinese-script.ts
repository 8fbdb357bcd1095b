/**
 * Simplified and traditional Chinese forms of a name, character by character (OpenCC's character
 * tables, through opencc-js; the first choice where a character has several). A name written in
 * one script is also found written in the other: 國家網信辦 is the CAC. Build time only.
 */
import ST from 'opencc-js/dict/STCharacters';
import TS from 'opencc-js/dict/TSCharacters';

function table(pairs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of pairs.split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to && from.length === 1 && to.length === 1) out.set(from, to);
  }
  return out;
}

let toTraditional: Map<string, string> | undefined;
let toSimplified: Map<string, string> | undefined;

const convert = (text: string, map: Map<string, string>) => [...text].map((ch) => map.get(ch) ?? ch).join('');

/** The name in the other script(s), where that differs from it. */
export function otherChineseScripts(text: string): string[] {
  toTraditional ??= table(ST);
  toSimplified ??= table(TS);
  return [...new Set([convert(text, toTraditional), convert(text, toSimplified)])].filter((v) => v !== text);
}
