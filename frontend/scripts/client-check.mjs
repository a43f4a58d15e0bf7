// Fails when src/client differs from what the committed OpenAPI document generates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'src', 'client');
const temp = mkdtempSync(join(tmpdir(), 'accord-client-'));
const generated = join(temp, 'client');

function files(dir) {
  const result = new Map();
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else result.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return result;
}

try {
  execFileSync(join(root, 'node_modules', '.bin', 'openapi-ts'), [], {
    cwd: root,
    env: { ...process.env, ACCORD_CLIENT_OUT: generated },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const want = files(generated);
  const have = files(committed);
  const problems = [];
  for (const [path, text] of want) {
    if (!have.has(path)) problems.push(`missing: src/client/${path}`);
    else if (have.get(path) !== text) problems.push(`differs: src/client/${path}`);
  }
  for (const path of have.keys()) if (!want.has(path)) problems.push(`extra: src/client/${path}`);
  if (problems.length > 0) {
    console.error('The generated API client is stale. Run `npm run client` and commit src/client.');
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`src/client is up to date with ../openapi/openapi.json (${want.size} files).`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
