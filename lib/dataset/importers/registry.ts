/**
 * Importers in the one shape (`source.ts`), run by `scripts/import-dataset.ts` in this order
 * after the older importers it calls directly. Add a new source here.
 */
import { europarlImporter } from './europarl';
import { everypoliticianImporter } from './everypolitician';
import { ifgMinistersImporter } from './ifg-ministers';
import type { Importer } from './source';
import { centralBanksImporter } from './central-banks';
import { openSanctionsPublishersImporter } from './opensanctions-publishers';
import { publicBodiesImporter } from './publicbodies';
import { worldListedImporter } from './world-listed';

export const IMPORTERS: Importer[] = [
  centralBanksImporter,
  openSanctionsPublishersImporter,
  publicBodiesImporter,
  worldListedImporter,
  ifgMinistersImporter,
  europarlImporter,
  everypoliticianImporter,
];
