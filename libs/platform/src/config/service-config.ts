import type { Provider } from '@nestjs/common';
import { ConfigOf, ConfigSchema, loadConfig } from './config-schema';
import { withStackEnv } from './platform-config';

export interface ServiceConfigDefinition<S extends ConfigSchema> {
  /** Nest injection token: `@Inject(MyConfig.token) config: ConfigOf<typeof MyConfig.schema>`. */
  readonly token: symbol;
  readonly schema: S;
  /** Validated once, then cached. */
  get(): ConfigOf<S>;
  readonly provider: Provider;
}

/**
 * Declares a service's own variables. Pass the definition to `bootstrapService({ configs })` so a
 * bad variable is reported together with the platform's at boot, and add `provider` to a module.
 */
export function defineServiceConfig<S extends ConfigSchema>(name: string, schema: S): ServiceConfigDefinition<S> {
  const token = Symbol.for(`cwp:config:${name}`);
  let cached: ConfigOf<S> | undefined;
  const get = (): ConfigOf<S> => (cached ??= loadConfig(schema, withStackEnv(process.env)));
  return { token, schema, get, provider: { provide: token, useFactory: get } };
}
