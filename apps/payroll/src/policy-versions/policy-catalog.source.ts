import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defaultPolicyCatalog, type PolicyCatalog } from '@cwp/policy';
import { decide } from '../core';
import { PolicyVersionRepository } from './policy-version.repository';

/**
 * The catalog every payroll decision reads: the versions libs/policy ships plus those city
 * operators stored (validated again as they load). Read per use: a handful of rows, and every
 * process sees a version the moment it commits.
 * kit: PlatformPolicyModule (shape-kit) provides the catalog token; this stays as its stored-version source.
 */
@Injectable()
export class PolicyCatalogSource {
  constructor(private readonly repository: PolicyVersionRepository) {}

  async catalog(em?: EntityManager): Promise<PolicyCatalog> {
    const stored = await this.repository.list(em);
    return decide(() => stored.reduce((catalog, row) => catalog.with(row.body), defaultPolicyCatalog()));
  }
}
