/**
 * Importers in the one shape (`source.ts`), run by `scripts/import-dataset.ts` in this order
 * after the older importers it calls directly. Add a new source here.
 */
import { europarlImporter } from './europarl';
import { everypoliticianImporter } from './everypolitician';
import { ifgMinistersImporter } from './ifg-ministers';
import type { Importer } from './source';

export const IMPORTERS: Importer[] = [ifgMinistersImporter, europarlImporter, everypoliticianImporter];
