// Starts the real platform with the README's run command on a fresh data folder and free ports, and stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = new URL('../../../', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startPlatform({ timeoutMs = 90_000 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'networkhub-e2e-'));
  const [http, silo, gateway] = [await freePort(), await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${http}`;
  // --no-build: the test command has built everything already. Own Orleans ports and cluster id, so a
  // platform someone else runs on this machine is not joined by mistake.
  const child = spawn('dotnet', [
    'run', '--project', 'api', '--no-build', '--',
    '--urls', baseUrl,
    '--Storage:SqlitePath', join(dataDir, 'db', 'networkhub.db'),
    '--Orleans:SiloPort', String(silo), '--Orleans:GatewayPort', String(gateway),
    '--Orleans:ClusterId', `e2e-${http}`,
    '--Logging:LogLevel:Default', 'Warning',
  ], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOTNET_NOLOGO: '1' } });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });

  const stop = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((resolve) => {
        const force = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 10_000);
        child.on('exit', () => { clearTimeout(force); resolve(); });
        if (exited) { clearTimeout(force); resolve(); }
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return { baseUrl, stop, output: () => output };
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling the port, not waiting on app state
  }
  await stop();
  throw new Error(`The platform did not become ready at ${baseUrl} within ${timeoutMs} ms:\n${output}`);
}
