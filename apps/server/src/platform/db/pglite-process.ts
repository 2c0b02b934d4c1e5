import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostScript = fileURLToPath(new URL('./pglite-host.mjs', import.meta.url));

export class DataFolderLockedError extends Error {
  readonly code = 'VIGIL_DATA_LOCKED';
}

export interface PgliteProcess {
  /** Directory holding the unix socket; `pg` takes it as `host`. */
  socketDir: string;
  stop(): Promise<void>;
}

/** Starts PGlite in a child process on `dataDir` ("memory://" for a throwaway database). */
export async function startPglite(dataDir: string): Promise<PgliteProcess> {
  const socketDir = mkdtempSync(join(tmpdir(), 'vigil-pg-'));
  const target = dataDir === 'memory://' ? dataDir : resolve(dataDir);
  const child: ChildProcess = fork(hostScript, [target, socketDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  await new Promise<void>((ok, fail) => {
    const onExit = (code: number | null) => fail(new Error(`embedded database exited (${code}) while starting`));
    child.once('exit', onExit);
    child.once('message', (msg: { ready?: boolean; error?: string; code?: string }) => {
      child.off('exit', onExit);
      if (msg.ready) return ok();
      fail(msg.code === 'VIGIL_DATA_LOCKED' ? new DataFolderLockedError(msg.error) : new Error(msg.error));
    });
  });

  return {
    socketDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.disconnect();
        await exited;
      }
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
