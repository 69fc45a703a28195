/** The token of the service settings every workforce feature reads, provided by WorkforceCoreModule (global). */
export const WORKFORCE_SETTINGS = Symbol('WORKFORCE_SETTINGS');

/** The service settings the feature modules read (from WorkforceConfig, or a test's values). */
export interface WorkforceSettings {
  seedOnStart: boolean;
  floatingQuotaPercent: number;
  quotaReviewDecisionDays: number;
  taskQueue: string;
}
