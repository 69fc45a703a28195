import { ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ApiParam } from '@nestjs/swagger';
import { UuidPipe } from './uuid.pipe';

const API_PARAMETERS = 'swagger/apiParameters';

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Documents `format: uuid` on every path parameter checked by UuidPipe (or Nest's ParseUUIDPipe):
 * swagger infers path parameters from their TypeScript type only, so without this the document
 * said "any string" where the service accepts only a UUID, and schema-based testing could not tell
 * a right refusal from a wrong one (issue 8, defect 9). Call before `SwaggerModule.createDocument`;
 * an explicit `@ApiParam` for the same name wins, and a second call adds nothing.
 */
export function documentUuidPathParameters(app: INestApplication): void {
  let modules: ModulesContainer;
  try {
    modules = app.get(ModulesContainer);
  } catch {
    return;
  }
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (abstract new (...args: never[]) => unknown) | undefined;
      if (typeof type !== 'function') continue;
      const proto = type.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<string, RouteArg>;
        for (const [key, arg] of Object.entries(args)) {
          if (Number(key.split(':')[0]) !== RouteParamtypes.PARAM || typeof arg.data !== 'string') continue;
          if (!(arg.pipes ?? []).some((p) => p instanceof UuidPipe || p instanceof ParseUUIDPipe || p === ParseUUIDPipe)) continue;
          const handler = proto[method] as object;
          const declared = (Reflect.getMetadata(API_PARAMETERS, handler) ?? []) as Array<{ name?: string; in?: string }>;
          if (declared.some((p) => p.name === arg.data && p.in === 'path')) continue;
          ApiParam({ name: arg.data, required: true, schema: { type: 'string', format: 'uuid' } })(
            proto,
            method,
            Object.getOwnPropertyDescriptor(proto, method)!,
          );
        }
      }
    }
  }
}
