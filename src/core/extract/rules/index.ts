import type { IndicatorRules } from '../rule-types.ts';
import { ADMIN_LITIGATION_RULES } from './admin-litigation.ts';
import { ADMIN_REVIEW_RULES } from './admin-review.ts';
import { GOVERNANCE_RULES } from './governance.ts';
import { HOTLINE_RULES } from './hotline.ts';
import { MEDIATION_RULES } from './mediation.ts';
import { SERVICE_RULES } from './services.ts';

/** Every rule table, in priority order: where two tables claim one number at the same distance, the earlier wins. */
export const ALL_RULES: readonly IndicatorRules[] = [
  ...ADMIN_REVIEW_RULES,
  ...ADMIN_LITIGATION_RULES,
  ...MEDIATION_RULES,
  ...HOTLINE_RULES,
  ...SERVICE_RULES,
  ...GOVERNANCE_RULES,
];
