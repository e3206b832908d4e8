/** How the report form saves a dataset: through the user-data store (src/features/user-data/use-user-data.ts) once it is there. */
import type { UserDataset } from '../../core/user-data/types.ts';

export function useSaveReport(): ((dataset: UserDataset) => Promise<void>) | null {
  return null;
}
