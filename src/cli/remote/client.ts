import fs from 'node:fs';
import http from 'node:http';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { controlFolder, controlSocketPath, createPeerProof, socketAddress } from './control-folder.js';
import { encodeHeader, HEADER, PROTOCOL_VERSION, RUN_PATH, type RemoteRequest } from './protocol.js';

/**
 * The CLI side: when another process holds the embedded data folder, hand the command to it if it is a
 * server listening on the folder's socket. Returns the command's exit status, or undefined when no
 * server answers there (the folder is held by another CLI command), so the caller reports the folder as busy.
 */
export async function runThroughServer(opts: { argv: string[]; io: CliIo; dataDir: string }): Promise<number | undefined> {
  const { argv, io, dataDir } = opts;
  const socketPath = controlSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return undefined;
  let proof: ReturnType<typeof createPeerProof>;
  try {
    proof = createPeerProof(controlFolder(dataDir));
  } catch {
    return undefined;
  }
  try {
    const file = fileNamedBy(argv);
    let body: Buffer = Buffer.alloc(0);
    const request: RemoteRequest = { version: PROTOCOL_VERSION, argv, ...(file ? { file: { path: file } } : {}) };
    if (file) {
      try {
        body = fs.readFileSync(file);
      } catch (err) {
        request.file = { path: file, error: (err as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    }
    return await exchange({ socketPath, dataDir, request, body, proof: proof.name, io });
  } finally {
    proof.remove();
  }
}

/** `import inventory FILE`: the file the command reads, which the server may not be able to see. */
export function fileNamedBy(argv: readonly string[]): string | undefined {
  const [name, ...rest] = argv;
  if (name !== 'import') return undefined;
  const positionals = rest.filter((a) => !a.startsWith('-'));
  return positionals[0] === 'inventory' ? positionals[1] : undefined;
}

function exchange(opts: { socketPath: string; dataDir: string; request: RemoteRequest; body: Buffer; proof: string; io: CliIo }): Promise<number | undefined> {
  const { io } = opts;
  const stopped = () => {
    io.stderr.write(`aigov: the aigov server holding ${opts.dataDir} stopped before "${opts.request.argv.slice(0, 2).join(' ')}" finished; `
      + 'an import is all or nothing, so run the command again once the server is back\n');
    return EXIT.failure;
  };
  return new Promise((resolve) => {
    let answered = false;
    const req = http.request({
      socketPath: socketAddress(opts.socketPath),
      method: 'POST',
      path: RUN_PATH,
      agent: false,
      // The trailers carry the command's stderr.
      maxHeaderSize: 1024 * 1024,
      headers: {
        [HEADER.request]: encodeHeader(opts.request),
        [HEADER.peer]: opts.proof,
        'content-type': 'application/octet-stream',
        'content-length': String(opts.body.length),
      },
    }, (res) => {
      answered = true;
      if (res.statusCode !== 200) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => { text += d; });
        res.on('end', () => {
          io.stderr.write(`aigov: ${text.trim() || `the server answered ${res.statusCode}`}\n`);
          resolve(EXIT.failure);
        });
        res.on('error', () => resolve(stopped()));
        return;
      }
      res.pipe(io.stdout, { end: false });
      res.on('error', () => {});
      res.on('close', () => {
        const code = Number(res.trailers[HEADER.exit]);
        if (!res.complete || !Number.isInteger(code)) return resolve(stopped());
        const stderr = res.trailers[HEADER.stderr];
        if (stderr) io.stderr.write(Buffer.from(stderr, 'base64').toString('utf8'));
        resolve(code);
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      // Nothing listens on the socket: a server that died left it, and another CLI command holds the folder.
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT' || err.code === 'EACCES') return resolve(undefined);
      resolve(stopped());
    });
    req.end(opts.body);
  });
}
