/**
 * The OpenAPI classes of the worker responses (issue 14: every operation documents its success
 * schema). Each class `implements` the response type the service returns, so the compiler refuses a
 * field added to the type and not documented here.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EDUCATION_LEVELS,
  ENTRY_ROUTES,
  POST_CATEGORIES,
  POST_ROLES,
  WORKER_ROLES,
  WORKER_STATUSES,
  WORKER_TITLES,
  type EducationLevel,
  type EntryRoute,
  type PostCategory,
  type PostRole,
  type WorkerRole,
  type WorkerStatus,
  type WorkerTitle,
} from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import type { PromotionResponse } from './promotions.service';
import { AGE_BANDS, type AgeBand } from './rules/age-band';
import type { WorkerChangesResponse, WorkerPageResponse, WorkerResponse } from './worker.dto';
import type { ExitResponse } from './worker-lifecycle.service';
import type { UpdatedWorkerResponse } from './workers.service';

const EXPLANATION = {
  type: 'object',
  additionalProperties: true,
  description: 'A policy decision explained: rules (ids, English and Chinese titles), inputs, steps',
} as const;

export class WorkerResponseDoc implements WorkerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '310101002001' }) unitCode!: string;
  @ApiProperty({ enum: WORKER_STATUSES }) status!: WorkerStatus;
  @ApiProperty({ enum: ENTRY_ROUTES }) entryRoute!: EntryRoute;
  @ApiProperty({ enum: POST_CATEGORIES }) postCategory!: PostCategory;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 18 }) postLevel!: number;
  @ApiProperty({ enum: POST_ROLES, nullable: true }) postRole!: PostRole | null;
  @ApiProperty({ enum: WORKER_TITLES, nullable: true }) title!: WorkerTitle | null;
  @ApiProperty({ enum: WORKER_ROLES }) role!: WorkerRole;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['female', 'male'], nullable: true }) gender!: 'female' | 'male' | null;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ type: 'integer' }) age!: number;
  @ApiProperty({ enum: AGE_BANDS }) ageBand!: AgeBand;
  @ApiProperty({ enum: EDUCATION_LEVELS }) education!: EducationLevel;
  @ApiProperty({ type: String, nullable: true }) major!: string | null;
  @ApiProperty({ format: 'date' }) hiredOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) exitedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) exitCause!: string | null;
  @ApiProperty({ ...EXPLANATION, nullable: true }) exitExplanation!: Explanation | null;
  @ApiProperty({ type: String, nullable: true, example: '3101**********1234' }) nationalIdMasked!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) talentPoolEntryId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Row version; also the ETag. Send it back as `version` or If-Match' }) version!: number;
}

export class WorkerPageResponseDoc implements WorkerPageResponse {
  @ApiProperty({ type: [WorkerResponseDoc] }) items!: WorkerResponseDoc[];
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class WorkerChangesResponseDoc implements WorkerChangesResponse {
  @ApiProperty({ type: [WorkerResponseDoc] }) items!: WorkerResponseDoc[];
  @ApiProperty({ description: 'Opaque: pass it as cursor for the next page; keep the last one to ask later for what changed since' })
  nextCursor!: string;
  @ApiProperty({ description: 'False on the last page for now' }) hasMore!: boolean;
}

export class UpdatedWorkerResponseDoc extends WorkerResponseDoc implements UpdatedWorkerResponse {
  @ApiPropertyOptional(EXPLANATION) titleDecision?: Explanation;
}

class ExitDecisionDoc {
  @ApiProperty() cause!: string;
  @ApiProperty({ type: [String] }) rules!: string[];
  @ApiProperty(EXPLANATION) explanation!: Explanation;
}

export class ExitResponseDoc extends WorkerResponseDoc implements ExitResponse {
  @ApiProperty({ type: ExitDecisionDoc }) exit!: ExitDecisionDoc;
}

class PromotionDecisionDoc {
  @ApiProperty({ enum: ['title', 'role'] }) ladder!: 'title' | 'role';
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty(EXPLANATION) explanation!: Explanation;
}

export class PromotionResponseDoc implements PromotionResponse {
  @ApiProperty({ type: WorkerResponseDoc }) worker!: WorkerResponseDoc;
  @ApiProperty({ type: PromotionDecisionDoc }) promotion!: PromotionDecisionDoc;
}
