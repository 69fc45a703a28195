import { CreatePerformanceInputs1766000000500 } from './1766000000500-create-performance-inputs';

export const performanceMigrations: Function[] = [CreatePerformanceInputs1766000000500];
