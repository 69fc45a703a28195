export { SelectionModule } from './selection.module';
export { SelectionSteps } from './selection-steps.service';
export { SelectionService } from './selection.service';
export { createCampaignActivities } from './workflow/campaign.activities';
export { CancellationSteps } from './cancellation-steps.service';
export { selectionMigrations } from './migrations';
export { RECRUITMENT_FILE_BODY_ROUTES } from './score-file-routes';
