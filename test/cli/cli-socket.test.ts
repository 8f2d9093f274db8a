import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import { silentLogger } from '../support/logger.js';
import type { CliIo } from '../../src/cli/io.js';
import { runThroughServer, fileNamedBy } from '../../src/cli/remote/client.js';
import { startCliListener, type CliListener, type RunCommand } from '../../src/cli/remote/listener.js';
import { ControlFolderError, controlFolder, controlSocketPath, prepareControlFolder, verifyPeer } from '../../src/cli/remote/control-folder.js';
import { encodeHeader, HEADER, PROTOCOL_VERSION } from '../../src/cli/remote/protocol.js';
import { runCli } from '../../src/cli/main.js';
import { MAX_IMPORT_BYTES } from '../../src/app/intake/import-inventory.js';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { sql } from 'drizzle-orm';
import { aiSystems } from '../../src/db/schema/index.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function capture(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += String(d); });
  stderr.on('data', (d) => { err += String(d); });
  return { stdout, stderr, env: {}, out: () => out, err: () => err };
}

describe('the CLI socket in the embedded data folder', () => {
  const dirs: string[] = [];
  const listeners: CliListener[] = [];
  const dataDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-sock-'));
    dirs.push(d);
    return d;
  };
  const listen = async (dir: string, run: RunCommand) => {
    const l = await startCliListener({ dataDir: dir, logger: silentLogger, run });
    listeners.push(l);
    return l;
  };
  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((l) => l.close()));
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('is a 0600 socket in a 0700 folder, carries argv, the CLI\'s file, stdout, stderr and the exit status, and goes on close', async () => {
    const dir = dataDir();
    const seen: { argv: string[]; file?: string }[] = [];
    const listener = await listen(dir, async (argv, io) => {
      seen.push({ argv, file: (await io.readFile!(argv[2]!)).toString("utf8") });
      io.stdout.write('out line\n');
      io.stderr.write('aigov: a warning\n');
      return 2;
    });
    expect(fs.statSync(controlFolder(dir)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(listener.socketPath).mode & 0o777).toBe(0o600);

    const csv = path.join(dir, 'in.csv');
    fs.writeFileSync(csv, 'name\nx\n');
    const io = capture();
    const code = await runThroughServer({ argv: ['import', 'inventory', csv], io, dataDir: dir });
    expect(code).toBe(2);
    expect(io.out()).toBe('out line\n');
    expect(io.err()).toBe('aigov: a warning\n');
    expect(seen).toEqual([{ argv: ['import', 'inventory', csv], file: 'name\nx\n' }]);
    // The client's proof of its user is gone once the request is answered.
    expect(fs.readdirSync(controlFolder(dir)).filter((f) => f.startsWith('peer-'))).toEqual([]);

    await listener.close();
    listeners.length = 0;
    expect(fs.existsSync(controlSocketPath(dir))).toBe(false);
    expect(await runThroughServer({ argv: ['sweep'], io: capture(), dataDir: dir })).toBeUndefined();
  });

  it('reports a file the CLI could not read as the command would, with its error code', async () => {
    const dir = dataDir();
    await listen(dir, async (argv, io) => {
      try {
        await io.readFile!(argv[2]!);
        return 0;
      } catch (err) {
        io.stderr.write(`code ${(err as NodeJS.ErrnoException).code}\n`);
        return 2;
      }
    });
    const io = capture();
    expect(await runThroughServer({ argv: ['import', 'inventory', path.join(dir, 'missing.csv')], io, dataDir: dir })).toBe(2);
    expect(io.err()).toBe('code ENOENT\n');
  });

  it('finds the file only in `import inventory FILE`', () => {
    expect(fileNamedBy(['import', 'inventory', 'a.csv'])).toBe('a.csv');
    expect(fileNamedBy(['export', 'inventory', '--format', 'csv'])).toBeUndefined();
    expect(fileNamedBy(['import', 'inventory'])).toBeUndefined();
  });

  it('refuses a request without a proof of its user, or with one owned by another user, and runs nothing', async () => {
    const dir = dataDir();
    let ran = 0;
    const listener = await listen(dir, async () => { ran += 1; return 0; });
    const folder = controlFolder(dir);

    const none = await post(listener.socketPath, {});
    expect(none.status).toBe(403);
    expect(none.body).toMatch(/refused the command: the request carries no proof of its user/);

    const link = 'peer-' + 'a'.repeat(32);
    fs.symlinkSync('/etc/hostname', path.join(folder, link));
    expect((await post(listener.socketPath, { [HEADER.peer]: link })).status).toBe(403);

    if (isRoot) {
      const foreign = 'peer-' + 'b'.repeat(32);
      fs.writeFileSync(path.join(folder, foreign), '');
      fs.chownSync(path.join(folder, foreign), NOBODY, NOBODY);
      const refused = await post(listener.socketPath, { [HEADER.peer]: foreign });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatch(new RegExp(`comes from user ${NOBODY}, not from the server's user 0`));
    }
    expect(ran).toBe(0);
  });

  it('the peer check accepts only a plain file owned by the server\'s user', () => {
    const folder = prepareControlFolder(dataDir());
    const proof = (name: string) => { fs.writeFileSync(path.join(folder, name), ''); return name; };
    const me = process.getuid!();
    expect(verifyPeer(folder, proof('peer-' + '1'.repeat(32)), me)).toEqual({ ok: true });
    expect(verifyPeer(folder, proof('peer-' + '2'.repeat(32)), me + 1)).toEqual({ ok: false, reason: `the request comes from user ${me}, not from the server's user ${me + 1}` });
    expect(verifyPeer(folder, '../../etc/passwd', me).ok).toBe(false);
    expect(verifyPeer(folder, 'peer-' + '3'.repeat(32), me).ok).toBe(false);
    fs.mkdirSync(path.join(folder, 'peer-' + '4'.repeat(32)));
    expect(verifyPeer(folder, 'peer-' + '4'.repeat(32), me)).toEqual({ ok: false, reason: 'the proof of the user is not a plain file' });
  });

  it('tightens a control folder open to others, and refuses one owned by another user', () => {
    const dir = dataDir();
    fs.mkdirSync(controlFolder(dir), { mode: 0o777 });
    fs.chmodSync(controlFolder(dir), 0o777);
    prepareControlFolder(dir);
    expect(fs.statSync(controlFolder(dir)).mode & 0o777).toBe(0o700);
    expect(() => prepareControlFolder(dir, process.getuid!() + 1)).toThrow(ControlFolderError);
  });

  it.runIf(isRoot)('another OS user cannot even connect to the socket', async () => {
    const dir = dataDir();
    fs.chmodSync(dir, 0o755);
    const listener = await listen(dir, async () => 0);
    // Give the other user a way to the socket through the folders; the socket's own mode still stops it.
    fs.chmodSync(controlFolder(dir), 0o711);
    const child = spawn(process.execPath, ['-e', `require('net').connect(${JSON.stringify(listener.socketPath)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(1); })`], { uid: NOBODY, gid: NOBODY, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += String(d); });
    const [code] = await once(child, 'exit');
    expect(out.trim()).toBe('EACCES');
    expect(code).toBe(1);
  });

  it('streams stdout at the pace the CLI reads it: a stalled reader stops the writer', async () => {
    const dir = dataDir();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const total = 64 * 1024 * 1024;
    let written = 0;
    await listen(dir, async (_argv, io) => {
      while (written < total) {
        written += chunk.length;
        if (!io.stdout.write(chunk)) await once(io.stdout, 'drain');
      }
      return 0;
    });
    let received = 0;
    let release: (() => void) | undefined;
    const stalled = new Promise<void>((r) => { release = r; });
    const stdout = new Writable({
      highWaterMark: 64 * 1024,
      write(c: Buffer, _e, cb) {
        received += c.length;
        // The reader takes 1 MB, then stops until told to go on.
        if (received >= 1024 * 1024 && release) void stalled.then(() => cb()); else cb();
      },
    });
    const io = { stdout, stderr: new PassThrough(), env: {} };
    const done = runThroughServer({ argv: ['export', 'audit', '--format', 'jsonl'], io, dataDir: dir });
    await new Promise((r) => setTimeout(r, 1000));
    // Socket buffers and one stream buffer on each side: a few MB at most, not the 64 MB the command has.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    const held = written;
    await new Promise((r) => setTimeout(r, 300));
    expect(written).toBe(held);
    const go = release!;
    release = undefined;
    go();
    expect(await done).toBe(0);
    expect(received).toBe(total);
  }, 60_000);

  it('a CLI that goes away stops the command\'s output instead of buffering it', async () => {
    const dir = dataDir();
    let failed: Error | undefined;
    const listener = await listen(dir, async (_argv, io) => {
      const chunk = Buffer.alloc(64 * 1024, 'y');
      try {
        for (let i = 0; i < 10_000; i++) if (!io.stdout.write(chunk)) await once(io.stdout, 'drain');
      } catch (err) {
        failed = err as Error;
      }
      return 0;
    });
    const folder = controlFolder(dir);
    const proof = 'peer-' + 'c'.repeat(32);
    fs.writeFileSync(path.join(folder, proof), '');
    await new Promise<void>((resolve) => {
      const req = http.request({ socketPath: listener.socketPath, method: 'POST', path: '/run', agent: false, headers: {
        [HEADER.peer]: proof, [HEADER.request]: encodeHeader({ version: PROTOCOL_VERSION, argv: ['export'] }), 'content-length': '0',
      } }, (res) => {
        res.once('data', () => { res.destroy(); resolve(); });
      });
      req.end();
    });
    for (let i = 0; i < 100 && !failed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(failed?.message).toMatch(/disconnected|destroyed|premature|aborted/i);
  });
});

function post(socketPath: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method: 'POST', path: '/run', agent: false, headers: {
      [HEADER.request]: encodeHeader({ version: PROTOCOL_VERSION, argv: ['sweep'] }), 'content-length': '0', ...headers,
    } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += String(d); });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the real commands through the socket', () => {
  let database: Database;
  let rt: Runtime;
  let listener: CliListener;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-sock-real-'));
  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    listener = await startCliListener({ dataDir: dir, logger: silentLogger, run: (argv, io) => runCli(argv, io, { runtime: async () => rt }) });
  });
  afterAll(async () => {
    await listener?.close();
    await rt?.dispatcher.stop();
    
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const through = async (argv: string[]) => {
    const io = capture();
    const code = await runThroughServer({ argv, io, dataDir: dir });
    return { code, stdout: io.out(), stderr: io.err() };
  };

  it.each([
    ['a file over the import limit', () => { const f = path.join(dir, 'huge.csv'); fs.writeFileSync(f, Buffer.alloc(MAX_IMPORT_BYTES + 2 * 1024 * 1024, 'a')); return ['import', 'inventory', f]; }],
    ['a bad header', () => { const f = path.join(dir, 'bad.csv'); fs.writeFileSync(f, 'name,colour\nX,red\n'); return ['import', 'inventory', f]; }],
    ['a missing file', () => ['import', 'inventory', path.join(dir, 'none.csv')]],
    ['no file named', () => ['import', 'inventory']],
    ['an unknown flag', () => ['export', 'inventory', '--format', 'csv', '--colour']],
    ['an unknown export', () => ['export', 'everything']],
  ] as const)('%s: the same exit status and stderr line as in-process, nothing stored', async (_what, argv) => {
    const args = [...argv()];
    const local = await runAigov(rt, args);
    expect(local.code).toBe(2);
    expect(await through(args)).toEqual({ code: local.code, stdout: local.stdout, stderr: local.stderr });
    expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n).toBe(0);
  });

  it('migrate answers as in-process', async () => {
    const local = await runAigov(rt, ['migrate']);
    expect(local).toMatchObject({ code: 0, stderr: '' });
    expect(await through(['migrate'])).toEqual({ code: 0, stdout: local.stdout, stderr: '' });
  });

  it('an export streams the same bytes as in-process', async () => {
    const local = await runAigov(rt, ['export', 'soa', '--format', 'csv']);
    expect(local.code).toBe(0);
    const remote = await through(['export', 'soa', '--format', 'csv']);
    expect(remote.code).toBe(0);
    // The stamp line carries the instant of each run.
    const unstamped = (t: string) => t.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'T');
    expect(unstamped(remote.stdout)).toBe(unstamped(local.stdout));
    expect(remote.stdout.length).toBeGreaterThan(1000);
  });
});
