/**
 * Every importer, in the one shape (`source.ts`), run by `scripts/import-dataset.ts` in this
 * order. The order matters twice: an importer sees the ids of those before it as taken, and
 * when the same entity comes from several sources the merged record keeps the id of the
 * first (`lib/dataset/merge.ts`). Add a new source as one line at the end.
 */
import { cabinetImporter } from './cabinet';
import { centralBanksImporter } from './central-banks';
import { congressImporter } from './congress';
import { congressHistoryImporter } from './congress-history';
import { datenanfragenImporter } from './datenanfragen';
import { dotgovImporter } from './dotgov';
import { europarlImporter } from './europarl';
import { everypoliticianImporter } from './everypolitician';
import { ifgMinistersImporter } from './ifg-ministers';
import { openSanctionsPublishersImporter } from './opensanctions-publishers';
import { publicBodiesImporter } from './publicbodies';
import { secTickersImporter } from './sec-tickers';
import type { Importer } from './source';
import { sp500Importer } from './sp500';
import { worldListedImporter } from './world-listed';

// One importer per line (prettier would join them), so adding one is a one-line change.
// prettier-ignore
export const IMPORTERS: Importer[] = [
  dotgovImporter,
  sp500Importer,
  datenanfragenImporter,
  congressImporter,
  congressHistoryImporter,
  secTickersImporter,
  cabinetImporter,
  centralBanksImporter,
  openSanctionsPublishersImporter,
  publicBodiesImporter,
  worldListedImporter,
  ifgMinistersImporter,
  europarlImporter,
  everypoliticianImporter,
];
