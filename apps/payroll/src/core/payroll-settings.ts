/** Settings the features read (from config.ts at boot; tests give their own). */
export interface PayrollSettings {
  taskQueue: string;
  workersConsumer: string;
  applyChunk: number;
  applyChunksPerActivity: number;
}

export const PAYROLL_SETTINGS = Symbol('PAYROLL_SETTINGS');
