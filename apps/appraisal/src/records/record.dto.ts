/** Request and response shapes of /api/appraisal/records, with the one mapper from rows to responses. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate, trimString } from '@cwp/platform';
import type { Explanation } from '@cwp/policy';
import type { RecordTaskRow, WorkerRecordRow } from './record.row';

export class TaskDoneDto {
  @ApiPropertyOptional({ example: '2027-02-10', description: 'When the talk was held (default today)' })
  @IsOptional()
  @IsCalendarDate()
  heldOn?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class DecideNoticeDto {
  @ApiProperty({ enum: ['confirm', 'contest'], description: 'EXIT-3: confirm ends the contract (cause 1); contest keeps it' })
  @IsIn(['confirm', 'contest'])
  decision!: 'confirm' | 'contest';

  @ApiPropertyOptional({ example: '2027-03-31', description: 'When the contract ends, if confirmed (default today)' })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;
}

export class TaskListQuery {
  @ApiPropertyOptional({ example: '310101002', description: 'Unit subtree (default: the caller scope)' })
  @IsOptional()
  @Matches(/^31(\d{4}(\d{3}(\d{3})?)?)?$/, { message: 'unit must be an org-unit code of Shanghai (2, 6, 9 or 12 digits)' })
  unit?: string;

  @ApiPropertyOptional({ description: 'Only open, reminded and escalated tasks' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class TaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['admonishment-talk', 'organisational-adjustment', 'exit-notice'] }) kind!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['open', 'reminded', 'escalated', 'done', 'contested', 'cancelled'] }) status!: string;
  @ApiProperty() dueOn!: string;
  @ApiPropertyOptional({ nullable: true }) escalatedTo!: string | null;
  @ApiPropertyOptional({ nullable: true }) heldOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) doneBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) effectiveOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) decidedBy!: string | null;
  @ApiProperty() exitTriggered!: boolean;
  @ApiPropertyOptional({ nullable: true }) cancelReason!: string | null;
  @ApiProperty({ description: 'APPR-5 / EXIT-2 / EXIT-3 explanation from libs/policy' }) explanation!: Explanation;
}

export function toTaskResponse(row: RecordTaskRow): TaskResponse {
  return {
    id: row.id,
    workerId: row.workerId,
    unitCode: row.unitCode,
    kind: row.kind,
    year: row.year,
    status: row.status,
    dueOn: row.dueOn,
    escalatedTo: row.escalatedTo,
    heldOn: row.heldOn,
    doneBy: row.doneBy,
    effectiveOn: row.effectiveOn,
    decidedBy: row.decidedBy,
    exitTriggered: row.exitTriggeredAt !== null,
    cancelReason: row.cancelReason,
    explanation: row.explanation,
  };
}

export class RecordResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['elected', 'recruited'] }) entryRoute!: string;
  @ApiProperty() hiredOn!: string;
  @ApiProperty({ enum: ['active', 'exited'] }) status!: string;
  @ApiPropertyOptional({ nullable: true }) exitedOn!: string | null;
  @ApiProperty({ type: [TaskResponse] }) tasks!: TaskResponse[];
}

export function toRecordResponse(record: WorkerRecordRow, tasks: RecordTaskRow[]): RecordResponse {
  return {
    workerId: record.workerId,
    unitCode: record.unitCode,
    entryRoute: record.entryRoute,
    hiredOn: record.hiredOn,
    status: record.status,
    exitedOn: record.exitedOn,
    tasks: tasks.map(toTaskResponse),
  };
}
