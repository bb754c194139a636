// Reads one member out of a zip archive (yauzl) into an executable file, atomically: a racing
// process sees either no file or the whole one.
import { chmodSync, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AbortedError } from '../core/errors.js';

/** Extracts `member` of `zipFile` to `target` (mode 0755). Throws when the member is missing. */
export async function extractZipMember(zipFile: string, member: string, target: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw new AbortedError(`extracting ${member} interrupted`);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
  );
  try {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => (e.fileName === member ? resolve(e) : zip.readEntry()));
      zip.on('end', () => resolve(undefined));
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entry) throw new Error(`${zipFile} has no ${member}`);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
    );
    await pipeline(stream, createWriteStream(tmp, { mode: 0o755 }), { signal });
    chmodSync(tmp, 0o755);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (signal.aborted) throw new AbortedError(`extracting ${member} interrupted`);
    throw err;
  } finally {
    zip.close();
  }
}
