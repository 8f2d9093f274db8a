import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server that owns an embedded (PGlite) data folder carries out CLI commands for other processes of
 * the same OS user. It listens on a Unix socket in a private folder inside the data folder; no TCP port.
 *
 *   DATA_DIR/cli/          mode 0700, owned by the server's user
 *   DATA_DIR/cli/aigov.sock  mode 0600
 *   DATA_DIR/cli/peer-…    a proof file a client creates for one request (see verifyPeer)
 */
export const CONTROL_FOLDER = 'cli';
const SOCKET_NAME = 'aigov.sock';
const PEER_PROOF = /^peer-[0-9a-f]{32}$/;

export function controlFolder(dataDir: string): string {
  return path.join(path.resolve(dataDir), CONTROL_FOLDER);
}

export function controlSocketPath(dataDir: string): string {
  return path.join(controlFolder(dataDir), SOCKET_NAME);
}

export class ControlFolderError extends Error {}

/** The user this process runs as; undefined where the platform has none (Windows). */
export function ownUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/**
 * Makes the control folder, or checks the one found: a real folder (not a link), owned by this user, with
 * no access for group or others. A folder someone else owns is refused, never taken over.
 */
export function prepareControlFolder(dataDir: string, uid = ownUid()): string {
  const dir = controlFolder(dataDir);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) throw new ControlFolderError(`${dir} is not a folder`);
  if (uid !== undefined && st.uid !== uid) throw new ControlFolderError(`${dir} belongs to user ${st.uid}, not to this process's user ${uid}`);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  return dir;
}

/** Removes a socket left by a server that died (the caller holds the data folder's lock, so none is live). */
export function removeStaleSocket(socketPath: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(socketPath);
  } catch {
    return;
  }
  if (!st.isSocket()) throw new ControlFolderError(`${socketPath} exists and is not a socket`);
  fs.unlinkSync(socketPath);
}

export type PeerCheck = { ok: true } | { ok: false; reason: string };

/**
 * Node cannot read a Unix socket's peer credentials (SO_PEERCRED), so the client proves who it is: before
 * its request it creates an empty file in the control folder, which only this folder's owner can do, and
 * names it in the request. The server accepts the request only if that file is a regular file owned by
 * the server's own user, then removes it. The socket's 0600 mode already keeps other users from
 * connecting; this check refuses any request that still is not from the same user.
 */
export function verifyPeer(folder: string, proofName: string | undefined, uid = ownUid()): PeerCheck {
  if (!proofName || !PEER_PROOF.test(proofName)) return { ok: false, reason: 'the request carries no proof of its user' };
  const file = path.join(folder, proofName);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return { ok: false, reason: 'the request carries no proof of its user' };
  }
  try {
    fs.unlinkSync(file);
  } catch { /* the client removes it too */ }
  if (!st.isFile()) return { ok: false, reason: 'the proof of the user is not a plain file' };
  if (uid !== undefined && st.uid !== uid) return { ok: false, reason: `the request comes from user ${st.uid}, not from the server's user ${uid}` };
  return { ok: true };
}

/** Client side: the proof file for one request; remove() is safe to call after the server removed it. */
export function createPeerProof(folder: string): { name: string; remove(): void } {
  const name = `peer-${crypto.randomBytes(16).toString('hex')}`;
  const file = path.join(folder, name);
  fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
  return { name, remove: () => fs.rmSync(file, { force: true }) };
}

// sockaddr_un holds about 104 bytes (macOS) to 108 (Linux) with its terminating zero.
const SOCKET_PATH_MAX = 103;

/** The path to bind or connect: absolute, or relative to this process's folder when that alone fits. */
export function socketAddress(socketPath: string, cwd = process.cwd()): string {
  if (Buffer.byteLength(socketPath) <= SOCKET_PATH_MAX) return socketPath;
  const relative = path.relative(cwd, socketPath);
  return Buffer.byteLength(relative) <= SOCKET_PATH_MAX ? relative : socketPath;
}
