import fs from 'node:fs';
import http from 'node:http';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { controlSocketPath, prepareControlFolder, removeStaleSocket, socketAddress, verifyPeer } from './control-folder.js';
import { decodeHeader, HEADER, MAX_UPLOAD_BYTES, RemoteRequest, RUN_PATH } from './protocol.js';

/** Runs one CLI command in this process, against this process's database. */
export type RunCommand = (argv: string[], io: CliIo) => Promise<number>;

export interface CliListener {
  readonly socketPath: string;
  /** Takes no new commands, waits for the running ones, removes the socket. */
  close(): Promise<void>;
}

/**
 * The server side of `aigov <command>` on the embedded database. The server owns the PGlite folder, so a
 * CLI command run beside it is carried out here, in this process, through the same command code and the
 * same database handle as everything else the server does: PGlite has one backend session, and its
 * client serialises transactions with a mutex, so in-process is the one place two callers cannot
 * interleave. Only the socket is opened (no TCP port), and only requests from this OS user are run.
 */
export async function startCliListener(opts: { dataDir: string; logger: Logger; run: RunCommand }): Promise<CliListener> {
  const { logger } = opts;
  const folder = prepareControlFolder(opts.dataDir);
  const socketPath = controlSocketPath(opts.dataDir);
  removeStaleSocket(socketPath);
  const running = new Set<Promise<void>>();

  const server = http.createServer({ requestTimeout: 0 }, (req, res) => {
    const done = handle(req, res).catch((err) => {
      logger.error({ err }, 'cli command through the server failed');
      res.destroy();
    });
    running.add(done);
    void done.finally(() => running.delete(done));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== RUN_PATH) return refuse(res, 404, 'unknown request');
    const peer = verifyPeer(folder, header(req, HEADER.peer));
    if (!peer.ok) {
      logger.warn({ reason: peer.reason }, 'cli request refused');
      return refuse(res, 403, `the server refused the command: ${peer.reason}`);
    }
    let request: RemoteRequest;
    try {
      request = RemoteRequest.parse(decodeHeader(header(req, HEADER.request) ?? ''));
    } catch {
      return refuse(res, 400, 'the server could not read the command (is the CLI the same release as the server?)');
    }
    const body = await readBody(req);

    res.writeHead(200, { 'content-type': 'application/octet-stream', trailer: `${HEADER.exit}, ${HEADER.stderr}` });
    const stdout = responseWriter(res);
    let stderr = '';
    const io: CliIo = {
      stdout,
      stderr: new Writable({ write(chunk, _enc, cb) { stderr += String(chunk); cb(); } }),
      env: {},
      readFile: async (file) => {
        if (!request.file || request.file.path !== file) throw Object.assign(new Error('not sent by the CLI'), { code: 'ENOENT' });
        if (request.file.error) throw Object.assign(new Error(request.file.error), { code: request.file.error });
        return body;
      },
    };
    const started = Date.now();
    logger.info({ argv: request.argv.slice(0, 2) }, 'cli command through the server started');
    let code: number;
    try {
      code = await opts.run(request.argv, io);
    } catch (err) {
      // runCli reports its own errors; this is the last guard.
      stderr += `aigov: failed: ${(err as Error).message}\n`;
      code = EXIT.failure;
    }
    logger.info({ argv: request.argv.slice(0, 2), code, ms: Date.now() - started }, 'cli command through the server finished');
    if (res.destroyed) return;
    await new Promise<void>((resolve) => stdout.end(resolve));
    res.addTrailers({ [HEADER.exit]: String(code), [HEADER.stderr]: Buffer.from(stderr, 'utf8').toString('base64') });
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: socketAddress(socketPath), readableAll: false, writableAll: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  server.on('error', (err) => logger.error({ err }, 'cli socket error'));
  logger.info({ socket: socketPath }, 'cli commands accepted on the data folder socket');

  return {
    socketPath,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      server.closeAllConnections();
      await closed;
      fs.rmSync(socketPath, { force: true });
    },
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`${message}\n`);
}

/** The uploaded file, cut at MAX_UPLOAD_BYTES (the rest is read and dropped). */
async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size >= MAX_UPLOAD_BYTES) continue;
    const kept = chunk.subarray(0, MAX_UPLOAD_BYTES - size);
    chunks.push(kept);
    size += kept.length;
  }
  return Buffer.concat(chunks);
}

/**
 * The command's stdout: each write goes to the response and completes when the socket has taken it, so an
 * export paces itself to the CLI reading it and never piles up here. If the CLI goes away, writes fail
 * and the export stops.
 */
function responseWriter(res: http.ServerResponse): Writable {
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, cb) {
      if (res.destroyed) return cb(new Error('the CLI disconnected'));
      if (res.write(chunk)) return cb();
      const onDrain = () => { res.off('close', onClose); cb(); };
      const onClose = () => { res.off('drain', onDrain); cb(new Error('the CLI disconnected')); };
      res.once('drain', onDrain);
      res.once('close', onClose);
    },
  });
  res.once('close', () => { if (!res.writableFinished) out.destroy(new Error('the CLI disconnected')); });
  // A failed write is reported to the command by its own write callback; nothing else listens here.
  out.on('error', () => {});
  return out;
}
