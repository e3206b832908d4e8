/** How the report form saves a dataset: through the user-data store (IndexedDB + DuckDB, one transaction each). */
import type { UserDataset } from '../../../core/user-data/types.ts';
import { useUserData } from '../../shared/user-data/use-user-data.ts';

export function useSaveReport(): (dataset: UserDataset) => Promise<void> {
  return useUserData().save;
}
