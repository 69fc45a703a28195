import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '@cwp/platform';

/**
 * The city average wage is one city-wide figure: every operator may read it; only city operators
 * publish or correct it (deny by default: any other role is FORBIDDEN, also below the controller's
 * role check, since the same service runs in activities).
 */
@Injectable()
export class WageAccess {
  assertMayPublish(principal: Principal): void {
    if (principal.role !== 'city')
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only city operators publish or correct the city average wage (PAY-3)');
  }
}
