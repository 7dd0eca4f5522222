import { accessSync, constants, createWriteStream, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

/**
 * The one module that writes files a person chose (exports, reports, scheduled reports): a file is
 * written beside its target under a temporary name and renamed over it only when complete, so a
 * failed or cancelled export never leaves half a file under the chosen name, and an existing file is
 * replaced in one step. Writes wait for the disk (backpressure): memory stays at one chunk.
 */
export interface OutputFile {
  /** The resolved path the file will have. */
  readonly path: string;
  write(text: string): Promise<void>;
  /** Finishes the file and gives it its name. */
  commit(): Promise<void>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

function unwritable(path: string, err: unknown): SyncscopeError {
  const detail = err instanceof Error ? err.message.replace(/^[A-Z]+: /, '') : String(err);
  return new SyncscopeError(catalogError('history.output-unwritable', { file: path, detail }));
}

const closed = (s: WriteStream) =>
  new Promise<void>((ok, fail) => {
    s.once('error', fail);
    s.end(() => ok());
  });

export function openOutputFile(target: string): OutputFile {
  const path = resolve(target);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error('it is a folder');
    if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) throw new Error(`the folder ${dirname(path)} does not exist`);
  } catch (err) {
    throw unwritable(path, err);
  }
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const stream = createWriteStream(partial, { flags: 'w', mode: 0o644 });
  let failure: unknown = null;
  stream.on('error', (err) => (failure ??= err));
  const check = () => {
    if (failure) throw unwritable(path, failure);
  };
  return {
    path,
    write: async (text) => {
      check();
      if (!stream.write(text, 'utf8')) {
        await new Promise<void>((ok) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            ok();
          };
          stream.once('drain', done);
          stream.once('error', done);
        });
      }
      check();
    },
    commit: async () => {
      try {
        check();
        await closed(stream);
        renameSync(partial, path);
      } catch (err) {
        rmSync(partial, { force: true });
        throw err instanceof SyncscopeError ? err : unwritable(path, err);
      }
    },
    abort: async () => {
      stream.destroy();
      rmSync(partial, { force: true });
    },
  };
}

/** A path's stat, or null when it does not exist (also when a part of it is a file: ENOTDIR). */
function statOrNull(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw err;
  }
}

/**
 * Whether reports can be written into `folder` (resolved): an existing folder this process may write
 * in, or a missing one whose nearest existing parent is (it is created at the first run). Throws the
 * unwritable error naming why; returns the resolved path.
 */
export function checkOutputFolder(folder: string): string {
  const path = resolve(folder);
  let at = path;
  try {
    for (;;) {
      const st = statOrNull(at);
      if (st) {
        if (!st.isDirectory()) throw new Error(at === path ? 'it is a file, not a folder' : `${at} is a file, not a folder`);
        accessSync(at, constants.W_OK | constants.X_OK);
        return path;
      }
      const up = dirname(at);
      if (up === at) throw new Error('no part of the path exists');
      at = up;
    }
  } catch (err) {
    throw unwritable(path, err);
  }
}

/** A folder a person chose for reports: created when missing. */
export function ensureOutputFolder(folder: string): string {
  const path = resolve(folder);
  try {
    mkdirSync(path, { recursive: true });
    return path;
  } catch (err) {
    throw unwritable(path, err);
  }
}

/** A whole small file (a report) written through openOutputFile. */
export async function writeOutputFile(target: string, text: string): Promise<string> {
  const f = openOutputFile(target);
  try {
    await f.write(text);
    await f.commit();
    return f.path;
  } catch (err) {
    await f.abort();
    throw err;
  }
}
