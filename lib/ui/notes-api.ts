import type { NotesApi } from '../../components/NotesPanel';
import { call } from './clients';

/** Notes through the background (the card frame and popup use this). */
export const notesApi: NotesApi = {
  list: (entityId) => call('notes:list', { entityId }),
  add: (input) => call('notes:add', input),
  update: (id, text) => call('notes:update', { id, text }),
  remove: (id) => call('notes:delete', { id }),
  restore: (id) => call('notes:restore', { id }),
};
