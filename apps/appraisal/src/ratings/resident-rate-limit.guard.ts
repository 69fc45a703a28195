import { Inject, Injectable } from '@nestjs/common';
import { AddressRateLimitGuard } from '@cwp/platform';
import { APPRAISAL_SETTINGS, type AppraisalSettingsValue } from '../core';

/** The residents' endpoint's limit per client address and minute (APPRAISAL_RESIDENT_RATE_PER_MINUTE). */
@Injectable()
export class ResidentRateLimitGuard extends AddressRateLimitGuard {
  constructor(@Inject(APPRAISAL_SETTINGS) settings: AppraisalSettingsValue) {
    super(settings.residentRatePerMinute, 'Too many ratings from this address; try again later');
  }
}
