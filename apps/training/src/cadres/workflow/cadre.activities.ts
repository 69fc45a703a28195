import type { ReserveCadreActivities } from '@cwp/training-workflows';
import type { CadresService } from '../cadres.service';

/** The reserve cadre workflow's activity, bound to the service that owns the rows (idempotent per cadre and round). */
export function createCadreActivities(cadres: CadresService): ReserveCadreActivities {
  return {
    openCadreReview: ({ cadreId, round, dueOn }) => cadres.openReview(cadreId, round, dueOn),
  };
}
