import { Injectable } from '@nestjs/common';
import { redactString } from '../logging/redact';

export type ReadinessCheck = () => Promise<void>;

export interface CheckResult {
  name: string;
  status: 'up' | 'down';
  durationMs: number;
  /** Why a check failed; short, credentials stripped. */
  error?: string;
}

/**
 * Dependencies register how to tell they are usable (database, Kafka, Temporal); `/ready` runs
 * every check concurrently, each bounded by a timeout so one hung dependency cannot hang it.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async runAll(timeoutMs = 2_000): Promise<CheckResult[]> {
    return Promise.all([...this.checks].map(([name, check]) => runOne(name, check, timeoutMs)));
  }
}

async function runOne(name: string, check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return { name, status: 'up', durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { name, status: 'down', durationMs: Math.round(performance.now() - started), error: safeMessage(err) };
  } finally {
    clearTimeout(timer);
  }
}

function safeMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Connection errors may quote a URL with its password.
  return redactString(message.replace(/\/\/[^/\s@]*@/g, '//***@')).slice(0, 300);
}
