import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { aiSystems } from '../../../src/db/schema/index.js';
import { controlFolder, controlSocketPath } from '../../../src/cli/remote/control-folder.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DAY = 86_400_000;

const HEADER = 'name,purpose,owner,lifecycle_stage,operator_role,eu_nexus,data_categories,annex_iii_point,art6_3_condition,profiling,transparency,supplier,trigger';
const GOOD = [
  HEADER,
  'CV screener,Ranks applicants,U0OWNER1,deployed,deployer,yes,personal,4(a),,no,,Acme AI,new_system',
  '"Support bot, v2","Answers ""how do I"" questions",U0OWNER2,development,provider,yes,none,,,no,interacts_with_people;synthetic_content,,certification',
  'Internal forecaster,Forecasts demand,U0OWNER1,validation,provider_and_deployer,no,,,,,,,framework_mapping',
].join('\n');
const BAD = `${HEADER}\nBroken,Has a bad owner,nobody,deployed,deployer,yes,none,,,no,,,new_system`;

interface Run { code: number | null; stdout: string; stderr: string }

/** `npx aigov …args` from another folder than the server's, through tsx so no build is needed. */
function aigov(args: string[], env: Record<string, string>, cwd: string): { done: Promise<Run> } {
  const entry = `import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/cli/main.ts')).href)}).then((m) => m.main(process.argv.slice(1)))`;
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, '-e', entry, ...args], { cwd, env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += String(d); });
  child.stderr.on('data', (d) => { stderr += String(d); });
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += String(d); });
  child.stderr.on('data', (d) => { log += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, log: () => log };
}

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not healthy');
}

/** What differs between two databases by nature: generated ids, registration instants, run times. */
function normalise(text: string): string {
  return text
    .replace(/\b(sys|cls|clm|aud|obx|esc|rev|exc)_[0-9a-z]+/g, '$1_ID')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, 'INSTANT')
    .replace(/"(ms|stepMs)":(\d+|\{[^}]*\})/g, '"$1":0')
    // A server delivers in the background beside the command, so how many of the queued messages the
    // command itself saw delivered differs; what it queued does not.
    .replace(/("?delivered"?[:\s]*)\d+/g, '$1N');
}

describe('CLI commands next to a server on the embedded database', () => {
  let fake: FakeSlack;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-remote-'));
  const files = path.join(work, 'files');
  const alone = path.join(work, 'alone');
  const served = path.join(work, 'served');
  const port = 20000 + Math.floor(Math.random() * 20000);
  let server: ReturnType<typeof startServer> | undefined;
  const now = new Date(Date.now() + 30 * DAY).toISOString();

  const env = (dataDir: string) => ({
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'sssh', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', AIGOV_ADMINS: 'U0ADMIN1',
    SLACK_API_URL: fake.apiUrl, AIGOV_SCHEDULER: 'off', AIGOV_CANVASES: 'off', AIGOV_DATA_DIR: dataDir, PORT: String(port),
  });
  // The CLI runs in another folder than the server and names the file relative to it.
  const COMMANDS: [string, string[]][] = [
    ['import', ['import', 'inventory', path.join(files, 'good.csv'), '--format', 'json']],
    ['import again', ['import', 'inventory', path.join(files, 'good.csv'), '--format', 'json']],
    ['bad import', ['import', 'inventory', path.join(files, 'bad.csv')]],
    ['missing file', ['import', 'inventory', path.join(files, 'nope.csv')]],
    ['export json', ['export', 'inventory', '--format', 'json']],
    ['export csv', ['export', 'inventory', '--format', 'csv']],
    ['sweep', ['sweep', '--now', now, '--format', 'json']],
    ['digest', ['digest', '--now', now, '--format', 'json']],
  ];
  const results: Record<'alone' | 'served', Record<string, Run>> = { alone: {}, served: {} };

  beforeAll(async () => {
    fake = await startFakeSlack();
    fs.mkdirSync(files);
    fs.writeFileSync(path.join(files, 'good.csv'), GOOD);
    fs.writeFileSync(path.join(files, 'bad.csv'), BAD);
    // Without a server: each command opens the folder itself, as before.
    for (const [name, args] of COMMANDS) results.alone[name] = await aigov(args, env(alone), files).done;
    server = startServer(env(served));
    await waitHealthy(port);
    for (const [name, args] of COMMANDS) results.served[name] = await aigov(args, env(served), files).done;
  }, 300_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await fake?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it.each(COMMANDS.map(([name]) => name))('%s: same exit status, stdout and stderr as the CLI alone', (name) => {
    const a = results.alone[name]!;
    const s = results.served[name]!;
    expect({ code: s.code, stderr: s.stderr, stdout: normalise(s.stdout) }).toEqual({ code: a.code, stderr: a.stderr, stdout: normalise(a.stdout) });
  });

  it.each(['alone', 'served'] as const)('%s: the commands did their work, and refused bad input with exit 2 (more usage errors: test/cli/cli-socket.test.ts)', (mode) => {
    const r = results[mode];
    expect(JSON.parse(r.import!.stdout)).toEqual({ registered: 3, unchanged: 0, rows: 3, differing: [] });
    expect(JSON.parse(r['import again']!.stdout)).toEqual({ registered: 0, unchanged: 3, rows: 3, differing: [] });
    expect(r['bad import']).toMatchObject({ code: 2, stdout: '' });
    expect(r['bad import']!.stderr).toMatch(/^aigov: .*line 2.*\n$/);
    expect(r['missing file']).toEqual({ code: 2, stdout: '', stderr: `aigov: cannot read ${path.join(files, 'nope.csv')}: ENOENT\n` });
    expect((JSON.parse(r['export json']!.stdout) as unknown[]).length).toBe(3);
    expect(r['export csv']!.stdout.split('\n')[0]).toMatch(/^id,name,owner,/);
    expect(r.sweep!.code).toBe(0);
    expect(JSON.parse(r.sweep!.stdout)).toMatchObject({ undelivered: 0 });
    expect(r.digest!.code).toBe(0);
    expect(JSON.parse(r.digest!.stdout)).toMatchObject({ digest: { status: 'posted', ownerWeek: { owners: 2 } } });
  });

  it('listens on a socket only its user can open, and on no TCP port but PORT', () => {
    expect(fs.statSync(controlFolder(served)).mode & 0o777).toBe(0o700);
    const socket = fs.statSync(controlSocketPath(served));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(socket.uid).toBe(process.getuid!());
    expect(listeningTcpPorts(server!.child.pid!)).toEqual([port]);
  });

  it('a server killed during an import leaves none of it stored, and the CLI exits 1 with one line', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `Bulk system ${i},Purpose ${i},U0OWNER1,design,provider,yes,none,,,no,,,new_system`);
    fs.writeFileSync(path.join(files, 'big.csv'), [HEADER, ...rows].join('\n'));
    const logged = server!.log().length;
    const run = aigov(['import', 'inventory', path.join(files, 'big.csv')], env(served), files);
    for (let i = 0; i < 400 && !server!.log().slice(logged).includes('cli command through the server started'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(server!.log().slice(logged)).toContain('cli command through the server started');
    // Registering a thousand rows in one transaction takes far longer than this: the kill lands inside it.
    await new Promise((r) => setTimeout(r, 2000));
    server!.child.kill('SIGKILL');
    await server!.exited;
    const result = await run.done;
    expect(server!.log().slice(logged)).not.toContain('cli command through the server finished');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^aigov: the aigov server holding .* stopped before "import inventory" finished; an import is all or nothing, so run the command again once the server is back\n$/);

    // The dead server's lock stays for a minute and its socket answers nobody: the CLI says the folder is busy.
    const busy = await aigov(['export', 'inventory', '--format', 'csv'], env(served), files).done;
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/in use by another aigov process/);

    expect(await systemsIn(served)).toBe(3);
  }, 120_000);

  it('a server asked to stop (SIGTERM) first finishes the command running through it', async () => {
    // The killed server's lock would free itself after a minute; it is dead, so clear it now.
    fs.rmSync(path.join(served, '.aigov.lock'), { recursive: true, force: true });
    server = startServer(env(served));
    await waitHealthy(port);
    const rows = Array.from({ length: 40 }, (_, i) => `Late system ${i},Purpose ${i},U0OWNER1,design,provider,yes,none,,,no,,,new_system`);
    fs.writeFileSync(path.join(files, 'late.csv'), [HEADER, ...rows].join('\n'));
    const logged = server.log().length;
    const run = aigov(['import', 'inventory', path.join(files, 'late.csv'), '--format', 'json'], env(served), files);
    for (let i = 0; i < 400 && !server.log().slice(logged).includes('cli command through the server started'); i++) await new Promise((r) => setTimeout(r, 25));
    server.child.kill('SIGTERM');
    const result = await run.done;
    expect(await server.exited).toBe(0);
    expect(result).toEqual({ code: 0, stdout: `${JSON.stringify({ registered: 40, unchanged: 0, rows: 40, differing: [] })}\n`, stderr: '' });
    expect(await systemsIn(served)).toBe(43);
  }, 120_000);
});

async function systemsIn(dataDir: string): Promise<number> {
  const database = await openDatabase({ pglite: await PGlite.create({ dataDir: path.join(dataDir, 'pglite') }) });
  try {
    const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems) as [{ n: number }];
    return n;
  } finally {
    await database.close();
  }
}

/** TCP ports a process listens on, from /proc (Linux): its socket inodes matched against the LISTEN rows. */
function listeningTcpPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch { /* closed meanwhile */ }
  }
  const ports = new Set<number>();
  for (const table of ['tcp', 'tcp6']) {
    const lines = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && inodes.has(f[9]!)) ports.add(parseInt(f[1]!.split(':')[1]!, 16));
    }
  }
  return [...ports];
}
