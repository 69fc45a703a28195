import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'cwp:isPublic';

/** Opts a route out of the global auth guard (deny by default). Only /health, /ready, /docs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
