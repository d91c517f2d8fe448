import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time in a PGlite data folder. PGlite does not stop a second process
 * from opening the same folder, and two writers would corrupt it: `welfare-hub backup` or
 * `import` while the hub runs, or a second `npm start`. The lock file holds the owner's pid;
 * a lock left by a process that no longer exists (killed, crashed) is taken over.
 */
export class FolderBusy extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `La cartella dei dati ${folder} è già aperta da un altro processo (pid ${pid}): fermare prima il hub (o l'altro comando). ` +
        `The data folder ${folder} is open in another process (pid ${pid}): stop the hub (or the other command) first.`,
    );
  }
}

const LOCK = 'welfare-hub.lock';

/** Takes the folder's lock; returns the function that gives it back. */
export function lockFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && (owner === process.pid || alive(owner))) throw new FolderBusy(folder, owner);
      // A stale lock (its process is gone): remove it and try again.
      try {
        unlinkSync(file);
      } catch {
        // Another process removed it first: the next attempt decides.
      }
    }
  }
  throw new Error(`Impossibile prendere il blocco di ${file}.`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
