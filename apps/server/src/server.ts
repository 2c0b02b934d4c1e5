import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { connectDatabase } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrate.ts';
import { seedDemoIfEmpty } from './modules/demo/demo.service.ts';

/** Connects, migrates, seeds the demo data on an empty development database, and listens. */
export async function startServer(config: Config) {
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database.db);
  const { app } = await buildApp({ config, database });
  app.log.info({ store: database.describe, migrationsApplied: applied.length }, 'database ready');

  if (config.seedDemo) {
    const logins = await seedDemoIfEmpty(database.db, { seed: 1 });
    if (logins) {
      console.log('\nDemo data seeded. Sign in with one of these (password for all: see below):');
      for (const l of logins.users) console.log(`  ${l.username.padEnd(14)} ${l.roles.join(', ')}`);
      console.log(`  password: ${logins.password}\n  (administrators and intelligence staff enrol an authenticator app at first sign-in)\n`);
    }
  }

  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);

  await app.listen({ host: config.host, port: config.port });
  console.log(`Vigil is running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.describe})`);
  return { app, database };
}
