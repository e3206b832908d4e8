/** `manifest.json` of a dataset: declared and parsed in src/core/schema/manifest.ts (one definition). */
export { parseManifest, type DatasetManifest, type Partition, type PartitionFile, type PartitionedManifest, type PlacesIndex, type StandingsIndex, type SummaryFile, type TilesIndex } from '../../core/schema/manifest.ts';
