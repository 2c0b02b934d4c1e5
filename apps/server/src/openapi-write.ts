// `npm run openapi`: writes the OpenAPI 3.1 document generated from the routes' zod schemas to
// openapi.json at the repository root. The file is committed; openapi.int.test.ts fails when it
// no longer matches the code, so API changes show up in review.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './platform/config.ts';
import { connectDatabase } from './platform/db/connect.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../openapi.json', import.meta.url));

/** The document as committed: pretty-printed, with a trailing newline. */
export const formatSpec = (spec: unknown) => `${JSON.stringify(spec, null, 2)}\n`;

/**
 * Builds the whole app exactly as it serves, with a fixed configuration so that nothing in the
 * developer's environment (ports, limits, secrets) changes the document.
 */
export async function generateOpenApi(): Promise<string> {
  const database = await connectDatabase({ dataDir: 'memory://', poolSize: 1 });
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      VIGIL_SECRET: 'openapi-generation-only-openapi-generation-only',
      VIGIL_DATA_DIR: 'memory://',
      VIGIL_WEB_DIST: '/nonexistent',
    });
    const { app } = await buildApp({ config, database, logger: false });
    try {
      await app.ready();
      return formatSpec(app.swagger());
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await generateOpenApi();
  writeFileSync(OPENAPI_FILE, text);
  const paths = Object.keys((JSON.parse(text) as { paths: object }).paths).length;
  console.log(`wrote ${OPENAPI_FILE} (${paths} paths)`);
}
