// PGlite rule 1: one process per data directory. Two processes on one directory silently lose writes,
// so the directory is guarded by an exclusive lock file holding the owner's pid.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`The data directory ${dir} is in use by another Valuegraph process (pid ${pid}). ` +
      'Stop that process, or point VALUEGRAPH_DATA_DIR at another directory.');
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Takes the lock or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  // Beside the directory, not in it: PGlite owns the directory's contents and backups copy it whole.
  const file = `${dir.replace(/[/\\]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx'); // O_EXCL: atomic create-if-absent
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => { if (!released) { released = true; rmSync(file, { force: true }); } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
      rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
