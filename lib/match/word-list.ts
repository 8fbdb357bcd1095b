/**
 * The English word list the dataset build flags ordinary words with (lib/dataset/load.ts
 * `englishWords`), shipped for the background as one sorted text (`data/words.txt`, one word a
 * line) and looked up by binary search in the string itself: no Set of 270,000 strings is built.
 * It is only loaded when one of the reader's own names is a single Latin word. Pure.
 */

/** The words a name can be checked against: `isOrdinaryWord` only asks for these. */
export const LISTED_WORD = /^[a-z][a-z'-]*$/;

/** The shipped file's text: the listed words, unique, sorted by UTF-16 code units. */
export function wordListText(words: Iterable<string>): string {
  return [...new Set([...words].filter((w) => LISTED_WORD.test(w)))].sort().join('\n');
}

/** Membership in a sorted, newline-separated word list, by binary search over its lines. */
export function sortedWordLookup(text: string): (word: string) => boolean {
  return (word: string) => {
    if (!word || word.includes('\n')) return false;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      if (line === word) return true;
      if (line < word) lo = end + 1;
      else hi = start;
    }
    return false;
  };
}
