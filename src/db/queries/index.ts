/** Every SQL statement the dashboard runs lives in this folder, typed. */
export { listIndicators, type IndicatorCoverage } from './indicators.ts';
export { regionsWithIndicator, regionsWithIndicators, countRegions, type RegionCoverage } from './regions.ts';
export { trendPoints, trendPointsOfIndicators, type TrendPoint, type TrendRequest } from './trend.ts';
export { observationDetail, observationSiblings, observationSiblingsOf, type ObservationDetail } from './provenance.ts';
export { flagCode, parseFlags, pickOrder } from './pick.ts';
