export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface DeliveryRow {
  seq: string;
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  message_key: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

/** A claimed delivery with what the dispatcher needs to send it. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret_sealed: string;
}

export const DELIVERY_COLUMNS =
  'd.seq, d.id, d.subscription_id, d.event_id, d.event_type, d.message_key, d.body, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at';
