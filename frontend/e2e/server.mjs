// Starts the real API on a fresh SQLite database in a temporary folder, serving the built SPA.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const repo = resolve(frontend, '..');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export async function startServer() {
  const venv = process.env.ACCORD_VENV ? resolve(process.env.ACCORD_VENV) : join(repo, '.venv');
  const bin = (name) => join(venv, 'bin', name);
  for (const name of ['python', 'alembic', 'uvicorn']) {
    if (!existsSync(bin(name))) throw new Error(`${bin(name)} is missing: set ACCORD_VENV to the API's virtualenv (make install creates .venv).`);
  }
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first.');

  const dir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:///${join(dir, 'accord.db')}`,
    ACCORD_ENVIRONMENT: 'development',
    ACCORD_SPA_DIR: dist,
  };
  for (const [command, args] of [
    [bin('alembic'), ['upgrade', 'head']],
    [bin('python'), ['-m', 'accord', 'load-demo']],
  ]) {
    const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
    if (result.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin('uvicorn'), ['accord.main:create_app', '--factory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          done();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The API exited early:\n${log}`);
    }
    try {
      const response = await fetch(`${base}/api/v1/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API was not ready within 30 s:\n${log}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return { base, stop, log: () => log };
}
