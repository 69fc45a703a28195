export interface SubscriptionRow {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  unit_scope: string;
  secret_sealed: string;
  active: boolean;
  created_by: string;
  created_at: Date;
  deactivated_at: Date | null;
}

export const SUBSCRIPTION_COLUMNS = 'id, name, url, event_types, unit_scope, secret_sealed, active, created_by, created_at, deactivated_at';
