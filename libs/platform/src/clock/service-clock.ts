import { shanghaiDate } from '@cwp/policy';

/**
 * Time as a service sees it. Injectable (provide the class) so tests can fix "today" by
 * overriding `now()`; policy dates are Shanghai calendar dates.
 */
export class ServiceClock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Shanghai (YYYY-MM-DD). */
  today(): string {
    return shanghaiDate(this.now());
  }
}
