import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { connectDatabase } from '../apps/server/src/platform/db/connect.ts';
const database = await connectDatabase({ dataDir: 'memory://' });
const client = await database.pool.connect();
await client.query('create table t (a int, b text)');
try {
  const t = setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 5000);
  await pipeline(Readable.from(['1\tx\n', '2\ty\n']), client.query(copyFrom('copy t (a, b) from stdin')));
  clearTimeout(t);
  console.log('rows', (await client.query('select count(*) from t')).rows);
} catch (e) { console.log('ERR', (e as Error).message); }
client.release();
await database.close();
