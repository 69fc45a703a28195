import { shanghaiDate } from '@cwp/policy';

/** Time as the service sees it; injectable so tests can fix "today". */
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Shanghai (policy dates are Shanghai dates). */
  today(): string {
    return shanghaiDate(this.now());
  }
}

/** The instant a Shanghai calendar day starts: an entry expiring on D is kept until D 00:00 (UTC+8). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
