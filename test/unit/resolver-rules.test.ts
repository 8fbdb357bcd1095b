/**
 * The resolver's rules, each with sentences written for the test (not copied from any page), on
 * the real dataset: what each kind of evidence accepts, what each veto refuses, and which rule
 * the mention reports.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { compileDataset } from '../../lib/dataset/compile';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { deserializeIndex, serializeIndex } from '../../lib/match/index-format';
import { findMentions } from '../../lib/match/resolve';
import { RULE_IDS, RULE_TEXT } from '../../lib/match/rules';
import { Scanner } from '../../lib/match/scan';

let scanner: Scanner;
beforeAll(() => {
  const ds = loadDataset();
  const { index } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
  scanner = new Scanner(deserializeIndex(serializeIndex(index)));
});

const found = (text: string) => findMentions(scanner, text).map((m) => `${m.id}:${m.text}`);
const why = (text: string, id: string) => {
  const m = findMentions(scanner, text).find((x) => x.id === id);
  return m ? RULE_IDS[m.rule] : undefined;
};

describe('vetoes', () => {
  test('a web address is not the firm', () => {
    expect(found('Details are at google.fr and on www.youtube.com today.')).toEqual([]);
    expect(found('Write to press@apple.com for comment.')).toEqual([]);
    expect(found('Google said it would appeal.')).toContain('us-googl:Google');
  });

  test("a firm's ticker alone is a ticker only where one is written", () => {
    expect(found('The ECL model sets provisions for credit losses.')).toEqual([]);
    expect(found('Shares of Ecolab (NYSE: ECL) rose.')).toContain('us-ecl:ECL');
    expect(why('Shares of Ecolab (NYSE: ECL) rose.', 'us-ecl')).toBe('named');
    expect(why('Traders bought $ECL on Monday.', 'us-ecl')).toBe('ticker-context');
  });

  test('a product named after the firm is not the firm', () => {
    expect(found('The app was removed from Google Play last week.')).not.toContain('us-googl:Google');
    expect(found('Google and Microsoft were fined.')).toContain('us-googl:Google');
  });

  test('a Korean name inside a longer word is not that name', () => {
    expect(found('신한은행은 금리를 올렸다.').map((x) => x.split(':')[0])).not.toContain('kr-bok');
    expect(found('한은은 기준금리를 동결했다.').map((x) => x.split(':')[0])).toContain('kr-bok');
  });

  test("a Chinese province's office is not the national body", () => {
    expect(found('福建省网信办召开会议。').map((x) => x.split(':')[0])).not.toContain('cn-cac');
    expect(found('国家网信办召开会议。').map((x) => x.split(':')[0])).toContain('cn-cac');
  });

  test('a name of ordinary words in lower case is just words', () => {
    expect(found('Banks and other financial institutions must report.')).toEqual([]);
    expect(found('Each transaction is checked.')).toEqual([]);
  });
});

describe('evidence', () => {
  test('an abbreviation the page defines counts wherever the page uses it', () => {
    const text =
      'BRB said rates would hold. The Honorable Senate of the Argentine Nation (HSAN) met on Monday; HSAN members voted.';
    const got = found(text);
    expect(got).toContain('ar-honorable-senate-of-the-argentine-nation:HSAN');
    expect(got.filter((x) => x.endsWith(':HSAN'))).toHaveLength(2);
    expect(why(text, 'ar-honorable-senate-of-the-argentine-nation')).toBe('named');
    const ruleOf = findMentions(scanner, text)
      .filter((m) => text.slice(m.start, m.end) === 'HSAN')
      .map((m) => RULE_IDS[m.rule]);
    expect(ruleOf).toEqual(['defined-acronym', 'defined-acronym']);
  });

  test('a short reference after a body is named goes to the body of that kind named last', () => {
    const text =
      'The Federal Communications Commission voted on Tuesday. The Commission said the rule takes effect in May.';
    const ms = findMentions(scanner, text).filter((m) => text.slice(m.start, m.end) === 'Commission');
    expect(ms.map((m) => m.id)).toEqual(['us-fcc']);
    // Not when the words start a longer name, nor before any body was named.
    expect(found('The Commission of Fine Arts met.').map((x) => x.split(':')[0])).not.toContain('us-fcc');
  });

  test('a leader the press names by surname alone', () => {
    const france = 'France will cut taxes next year, Macron said on Monday.';
    expect(found(france)).toContain('fr-emmanuel-macron:Macron');
    expect(why(france, 'fr-emmanuel-macron')).toBe('known-by-surname');
    // "macron" is also a word (a vowel's accent): alone on a page that does not place him, no.
    expect(found('Macron said the plan would go ahead.')).toEqual([]);
    expect(found('On 5 May 2019, May 7 was chosen.').join()).not.toContain('theresa');
    // A surname that is also a word needs a title before it.
    expect(found('He played a trump card.')).toEqual([]);
    expect(found('President Trump said tariffs would rise.')).toContain('us-donald-trump:Trump');
  });

  test('a description that fits one body named on the page', () => {
    const text = 'BaFin fined the bank on Monday. Germany’s top financial regulator said more would follow.';
    const ms = findMentions(scanner, text);
    const described = ms.find((m) => text.slice(m.start, m.end).startsWith('Germany'));
    expect(described?.id).toBe('de-bafin');
    expect(RULE_IDS[described!.rule]).toBe('descriptive-reference');
    // Not when no German body was named, nor when two were.
    expect(found('Germany’s top financial regulator said more would follow.')).toEqual([]);
  });

  test("a body's name without its country adjective, placed by the page", () => {
    const text = 'The Data Protection Commission fined the firm. Ireland’s regulator has been busy.';
    expect(found(text)).toContain('ie-dpc:Data Protection Commission');
    expect(found('The Data Protection Commission met.')).toEqual([]);
  });

  test('the best known of several bodies with one abbreviation, on a page about its field', () => {
    expect(found('The SEC fined two brokerage firms for recordkeeping failures.')).toContain('us-sec:SEC');
    expect(found('The SEC title game drew a record crowd of football fans.')).toEqual([]);
  });

  test('every rule has words for the card', () => {
    for (const id of RULE_IDS) expect(RULE_TEXT[id].length).toBeGreaterThan(10);
  });
});
