import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

// The server serves the built app from apps/web/dist (with the .br and .gz files written beside
// each file); `vite` (dev) proxies the API to it. The manifest lists each chunk's imports, for
// `npm run bench -- web`.
export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
