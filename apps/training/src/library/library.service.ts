import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, ServiceClock, scopeOf, type Principal } from '@cwp/platform';
import { LibraryAccess, ownersAbove } from './library-access';
import { LibraryRepository } from './library.repository';
import type { LibraryResourceRow } from './library.row';
import {
  toResourceResponse,
  type CreateResourceDto,
  type LibraryPageResponse,
  type LibraryResourceResponse,
  type SearchLibraryQueryDto,
} from './library.dto';
import { queryTokens, searchTokens } from './rules/search-tokens';

const AUDIT_ENTITY = 'library_resource';

/** The library's use cases (TRAIN-10): add, find, search, pick. */
@Injectable()
export class LibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: LibraryRepository,
    private readonly access: LibraryAccess,
    private readonly audit: AuditTrail,
    private readonly clock: ServiceClock,
  ) {}

  async create(dto: CreateResourceDto, principal: Principal): Promise<LibraryResourceResponse> {
    if (dto.minYears !== undefined && dto.maxYears !== undefined && dto.minYears > dto.maxYears) {
      throw DomainError.validation('maxYears', 'maxYears must not be below minYears');
    }
    const course = dto.kind === 'course';
    const row: LibraryResourceRow = {
      id: randomUUID(),
      kind: dto.kind,
      ownerUnit: this.access.ownerFor(principal),
      title: dto.title,
      summary: dto.summary ?? '',
      module: dto.module,
      step: course ? dto.step! : (dto.step ?? null),
      form: course ? dto.form! : (dto.form ?? null),
      delivery: course ? dto.delivery! : (dto.delivery ?? null),
      hours: course ? dto.hours! : null,
      affiliation: dto.kind === 'teacher' ? dto.affiliation! : null,
      minYears: dto.minYears ?? null,
      maxYears: dto.maxYears ?? null,
      createdBy: principal.sub,
      createdAt: this.clock.now(),
      version: 1,
    };
    await this.dataSource.transaction(async (em) => {
      await this.repository.insert(em, row, searchTokens(`${row.title} ${row.summary}`));
      await this.audit.record(
        em,
        {
          action: 'create',
          entity: AUDIT_ENTITY,
          entityId: row.id,
          after: { kind: row.kind, ownerUnit: row.ownerUnit, module: row.module },
        },
        principal,
      );
    });
    return toResourceResponse(row);
  }

  async get(id: string, principal: Principal): Promise<LibraryResourceResponse> {
    return toResourceResponse(await this.access.visible(id, principal, 'read'));
  }

  async search(query: SearchLibraryQueryDto, principal: Principal): Promise<LibraryPageResponse> {
    const tokens = query.q ? queryTokens(query.q) : [];
    if (query.q && tokens.length === 0) throw DomainError.validation('q', 'q must contain a letter, digit or Chinese character');
    const rows = await this.repository.search({
      owners: ownersAbove(principal),
      scope: scopeOf(principal),
      tokens,
      ...(query.q ? { query: query.q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.module ? { module: query.module } : {}),
      ...(query.step ? { step: query.step } : {}),
      ...(query.delivery ? { delivery: query.delivery } : {}),
      limit: query.limit ?? 50,
    });
    return { items: rows.map(toResourceResponse) };
  }

  /** A community picks what it needs (TRAIN-10); picking twice is a no-op. */
  async pick(id: string, unitCode: string, principal: Principal): Promise<LibraryPageResponse> {
    await this.access.pickingUnit(principal, unitCode);
    const row = await this.access.visible(id, principal, 'pick');
    await this.dataSource.transaction(async (em) => {
      if (await this.repository.pick(em, unitCode, row.id, principal.sub))
        await this.audit.record(em, { action: 'pick', entity: AUDIT_ENTITY, entityId: row.id, after: { unitCode } }, principal);
    });
    return { items: (await this.repository.picksOf(unitCode)).map(toResourceResponse) };
  }

  async picks(unitCode: string, principal: Principal): Promise<LibraryPageResponse> {
    await this.access.pickingUnit(principal, unitCode);
    return { items: (await this.repository.picksOf(unitCode)).map(toResourceResponse) };
  }
}
