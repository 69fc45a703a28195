export { ResultsModule } from './results.module';
export { ResultsService, type CycleFacts } from './results.service';
export { resultsMigrations } from './migrations';
export { ResultResponse, toResultResponse } from './result.dto';
export { ResultRepository } from './result.repository';
export { GradeSignals } from './workflow/grade-signals';
