import { expect, test } from '@playwright/test';
import { registeredHighlights, waitForScan, extensionSuite } from './helpers';

/**
 * One page of our own naming at least one entity from each imported list and from the
 * hand-curated files; each must be highlighted under its category.
 */
const EXPECTED: { source: string; category: string; text: string }[] = [
  { source: 'imported/sp500.json', category: 'firm', text: 'Nvidia' },
  { source: 'imported/us-federal-dotgov.json', category: 'regulator', text: 'Bureau of Labor Statistics' },
  { source: 'imported/eu-dpas-datenanfragen.json', category: 'regulator', text: 'Irish Data Protection Commission' },
  { source: 'imported/us-congress.json (member)', category: 'official', text: 'Elizabeth Warren' },
  { source: 'imported/us-congress.json (president)', category: 'official', text: 'Donald Trump' },
  { source: 'curated/cn-regulators.json', category: 'regulator', text: 'State Administration for Market Regulation' },
  { source: 'curated/cn-firms.json (Chinese name)', category: 'firm', text: '阿里巴巴集团' },
  { source: 'curated/firms-world.json (Japanese name)', category: 'firm', text: 'トヨタ自動車' },
  { source: 'curated/regulators-eu.json', category: 'regulator', text: 'European Commission' },
  { source: 'curated/officials-world.json', category: 'official', text: 'Paul Atkins' },
  { source: 'curated/hk-tw.json', category: 'regulator', text: 'Hong Kong Monetary Authority' },
  { source: 'curated/firms-more.json', category: 'firm', text: 'OpenAI' },
];

const suite = extensionSuite();

test('the coverage page has an entity from every list highlighted under the right category', async () => {
  const page = await suite.context.newPage();
  await page.goto(`${suite.server.url}/dataset-coverage.html`);
  await waitForScan(page);
  const hl = await registeredHighlights(page);
  const missing = EXPECTED.filter((e) => !hl.some((h) => h.category === e.category && h.text === e.text)).map(
    (e) => `${e.source}: ${e.category} "${e.text}"`,
  );
  expect(missing, `highlights found: ${JSON.stringify(hl)}`).toEqual([]);
  // No expected mention is also painted under a second category.
  for (const e of EXPECTED)
    expect(
      hl.filter((h) => h.text === e.text && h.category !== e.category),
      e.text,
    ).toEqual([]);
  await page.close();
});
