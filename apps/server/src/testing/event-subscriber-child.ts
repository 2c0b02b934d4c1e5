// A process that delivers events to a slow subscriber until it is killed (dispatcher.int.test.ts
// kills it with SIGKILL half-way). Run as: node --import tsx event-subscriber-child.ts <database url>
import { connectDatabase } from '../platform/db/connect.ts';
import { eventDispatcher } from '../platform/events/dispatcher.ts';
import { effectWriter } from './event-fixtures.ts';

const database = await connectDatabase({ databaseUrl: process.argv[2]!, dataDir: '', listen: false });
const events = eventDispatcher(database);
effectWriter(events, 'test.killed', { delayMs: 20 });
await events.start();
process.send?.('started');
