import { CancellationAndAssessment1766000000300 } from './1766000000300-cancellation-and-assessment';

export const selectionMigrations = [CancellationAndAssessment1766000000300];
