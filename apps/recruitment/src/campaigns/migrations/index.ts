import { CreateCampaigns1766000000100 } from './1766000000100-create-campaigns';

export const campaignsMigrations = [CreateCampaigns1766000000100];
