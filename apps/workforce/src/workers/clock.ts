import { shanghaiDate } from '@cwp/policy';

/** Time as the roster sees it; injectable so tests can fix "today" (policy dates are Shanghai dates). */
export class WorkersClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return shanghaiDate(this.now());
  }
}
