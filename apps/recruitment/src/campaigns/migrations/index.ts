import { CreateCampaigns1766000000100 } from './1766000000100-create-campaigns';
import { StreetPostExplanation1766000000310 } from './1766000000310-street-post-explanation';

export const campaignsMigrations = [CreateCampaigns1766000000100, StreetPostExplanation1766000000310];
