import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformConfig, PlatformPolicyModule, ServiceClock, parsePiiKey, type PlatformPolicyOptions } from '@cwp/platform';
import { APPRAISAL_SETTINGS, RESIDENT_KEY, WORKFLOW_SEARCH_ATTRIBUTES, type AppraisalSettingsValue } from './appraisal-settings';

export interface AppraisalCoreOptions {
  settings: AppraisalSettingsValue;
  /** APPRAISAL_RESIDENT_KEY, when set. */
  residentKey?: string;
  production: boolean;
  /** The policy catalog (default: the shipped parameter versions). */
  policy?: PlatformPolicyOptions;
}

/**
 * What every appraisal feature reads: the service settings, the policy catalog
 * (PlatformPolicyModule: POLICY_CATALOG), the clock and the residents' hash key.
 */
@Global()
@Module({})
export class AppraisalCoreModule {
  static forRoot(options: AppraisalCoreOptions): DynamicModule {
    return {
      module: AppraisalCoreModule,
      imports: [PlatformPolicyModule.forRoot(options.policy)],
      providers: [
        { provide: APPRAISAL_SETTINGS, useValue: options.settings },
        { provide: WORKFLOW_SEARCH_ATTRIBUTES, useValue: true },
        {
          provide: RESIDENT_KEY,
          inject: [PlatformConfig],
          useFactory: (platform: PlatformConfig) => residentKey(options, platform.stateDir),
        },
        ServiceClock,
      ],
      exports: [APPRAISAL_SETTINGS, WORKFLOW_SEARCH_ATTRIBUTES, RESIDENT_KEY, ServiceClock, PlatformPolicyModule],
    };
  }
}

/** The configured key, else (outside production) a local one created once under the state folder. */
function residentKey(options: AppraisalCoreOptions, stateDir: string): Buffer {
  if (options.residentKey) return parsePiiKey(options.residentKey, 'APPRAISAL_RESIDENT_KEY');
  if (options.production) throw new Error('APPRAISAL_RESIDENT_KEY is required in production');
  const file = path.join(stateDir, 'appraisal', 'resident-key.hex');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process created it first: use theirs.
    }
  }
  return parsePiiKey(readFileSync(file, 'utf8').trim(), 'APPRAISAL_RESIDENT_KEY');
}
