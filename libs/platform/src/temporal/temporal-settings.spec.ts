import { maxCachedWorkflowsFor, temporalSettings } from './temporal-settings';

describe('the worker cache sized from a memory budget (issue 15, goal 3)', () => {
  const saved = process.env.TEMPORAL_WORKFLOW_CACHE_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEMPORAL_WORKFLOW_CACHE_MB;
    else process.env.TEMPORAL_WORKFLOW_CACHE_MB = saved;
  });

  it('holds 600 workflows per GiB, never fewer than 10', () => {
    expect(maxCachedWorkflowsFor(1024)).toBe(600);
    expect(maxCachedWorkflowsFor(192)).toBe(112);
    expect(maxCachedWorkflowsFor(8)).toBe(10);
  });

  it('defaults to a 192 MB budget and follows TEMPORAL_WORKFLOW_CACHE_MB', () => {
    delete process.env.TEMPORAL_WORKFLOW_CACHE_MB;
    expect(temporalSettings({ address: 'localhost:7233' }).maxCachedWorkflows).toBe(112);
    process.env.TEMPORAL_WORKFLOW_CACHE_MB = '512';
    expect(temporalSettings({ address: 'localhost:7233' }).maxCachedWorkflows).toBe(300);
  });

  it('refuses a budget that is not a whole number of megabytes, naming the variable', () => {
    process.env.TEMPORAL_WORKFLOW_CACHE_MB = 'lots';
    expect(() => temporalSettings({ address: 'localhost:7233' })).toThrow(/TEMPORAL_WORKFLOW_CACHE_MB/);
  });
});
