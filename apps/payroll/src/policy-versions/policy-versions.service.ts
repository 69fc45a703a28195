import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, type Principal } from '@cwp/platform';
import { parsePolicyVersion, SHIPPED_POLICY_VERSIONS } from '@cwp/policy';
import { decide, payrollError } from '../core';
import { PolicyCatalogSource } from './policy-catalog.source';
import { PolicyVersionRepository } from './policy-version.repository';
import { PolicyVersionResponse, type StorePolicyVersionDto } from './policy-version.dto';
import { mergeVersion } from './rules/merge-version';

export const POLICY_VERSION_ENTITY = 'PolicyVersion';
const shippedIds = new Set(SHIPPED_POLICY_VERSIONS.map((v) => (v as { id: string }).id));

@Injectable()
export class PolicyVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PolicyVersionRepository,
    private readonly source: PolicyCatalogSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Validated by libs/policy (every field, with the rule), then stored with an audit entry. */
  async store(dto: StorePolicyVersionDto, principal: Principal): Promise<PolicyVersionResponse> {
    if (principal.role !== 'city') throw new DomainError(ErrorCode.FORBIDDEN, 'Only city operators store policy versions');
    const stored = await this.dataSource.transaction(async (em) => {
      const catalog = await this.source.catalog(em);
      const raw = dto.basedOn
        ? mergeVersion(
            decide(() => catalog.byId(dto.basedOn!)),
            dto.version,
          )
        : dto.version;
      const version = decide(() => parsePolicyVersion(raw));
      if (catalog.versions.some((v) => v.id === version.id))
        throw payrollError('POLICY_VERSION_EXISTS', `Policy version ${version.id} exists; versions are immutable, store a new id`, {
          field: 'version.id',
        });
      decide(() => catalog.with(raw));
      if (!(await this.repository.insert(em, version.id, version.effectiveFrom, raw, principal.sub))) {
        throw payrollError('POLICY_VERSION_EXISTS', `A policy version already takes effect on ${version.effectiveFrom}`, {
          field: 'version.effectiveFrom',
        });
      }
      await this.audit.record(
        em,
        {
          action: 'store',
          entity: POLICY_VERSION_ENTITY,
          entityId: version.id,
          after: { effectiveFrom: version.effectiveFrom, basedOn: dto.basedOn ?? null, pay: version.pay },
        },
        principal,
      );
      return version;
    });
    return PolicyVersionResponse.toResponse(stored, 'stored');
  }

  async list(): Promise<PolicyVersionResponse[]> {
    const catalog = await this.source.catalog();
    return catalog.versions.map((v) => PolicyVersionResponse.toResponse(v, shippedIds.has(v.id) ? 'shipped' : 'stored'));
  }
}
