import { ConfigError, loadConfig, loadDotEnv } from './platform/config.ts';
import { DataFolderLockedError } from './platform/db/pglite-process.ts';
import { startServer } from './server.ts';

loadDotEnv();
try {
  await startServer(loadConfig());
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataFolderLockedError) {
    console.error(`vigil: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
