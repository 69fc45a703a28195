// Jest setup for the tiers that need real servers: read the addresses `infra/local/stack.sh up`
// wrote to .state/stack.env, without overriding variables the caller already set (CI or a
// developer pointing at their own servers).
const fs = require('node:fs');
const path = require('node:path');

const stateDir = process.env.CWP_STATE_DIR || path.resolve(__dirname, '../../.state');
const envFile = path.join(stateDir, 'stack.env');
if (fs.existsSync(envFile)) {
  for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}
