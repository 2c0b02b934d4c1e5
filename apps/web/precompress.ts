import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a `.br` and a `.gz` beside every text file of the build, compressed once at the highest
 * levels, so the server sends them as they are (@fastify/static `preCompressed`) instead of
 * compressing on every request or not at all. Skipped where compression would not make it smaller.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'vigil:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name) && !name.startsWith('.vite/'));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const plain = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
            gzipAsync(plain, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < plain.length) await writeFile(`${path}.br`, br);
          if (gz.length < plain.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}
