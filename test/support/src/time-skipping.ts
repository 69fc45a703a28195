// One way for every workflow spec to get Temporal's time-skipping test server: the Java server
// installed by `infra/local/stack.sh install`, started through the wrapper script whose path
// stack.sh writes to .state/stack.env (jest's workflow tier loads that file). The SDK's default
// would download a server binary at test time; this machine has no such download, and a pinned,
// cached server keeps runs reproducible.
import { TestWorkflowEnvironment } from '@temporalio/testing';

export function testServerPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) {
    throw new Error(
      'TEMPORAL_TEST_SERVER_PATH is not set: run `bash infra/local/stack.sh up` (it writes .state/stack.env, ' +
        'which the jest workflow tier loads), or set it to infra/local/bin/temporal-test-server.',
    );
  }
  return path;
}

/** Starts a time-skipping test server for one spec file; call `teardown()` in afterAll. */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath() } },
  });
}
