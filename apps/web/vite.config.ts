import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves the built app from apps/web/dist; `vite` (dev) proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
