import { randomUUID } from 'node:crypto';

/** A worker id nobody else uses in this run. */
export const newWorkerId = (): string => `w-${randomUUID()}`;

/** A course body for POST /library (override any field). */
export function newCourse(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'course',
    title: '社区矛盾纠纷调解实务',
    summary: '以案例教学为主，讲授人民调解的方法与技巧',
    module: 'dispute-mediation',
    step: 'professional',
    form: 'case-study',
    delivery: 'offline',
    hours: 8,
    ...over,
  };
}
