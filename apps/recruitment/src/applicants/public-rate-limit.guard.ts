import { Inject, Injectable } from '@nestjs/common';
import { AddressRateLimitGuard } from '@cwp/platform';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';

/** The public application endpoint's limit per client address and minute (RECRUITMENT_PUBLIC_RATE_PER_MINUTE). */
@Injectable()
export class PublicRateLimitGuard extends AddressRateLimitGuard {
  constructor(@Inject(RECRUITMENT_SETTINGS) settings: RecruitmentSettings) {
    super(settings.publicRatePerMinute, 'Too many applications from this address; try again later');
  }
}
