import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = fileURLToPath(new URL('./dist/office', import.meta.url));

/**
 * Writes .br and .gz beside each text file, so the server (@fastify/static, preCompressed)
 * sends the office compressed without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'flytthit-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|svg|html)$/.test(file.fileName)) continue;
        const body = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (body.length < 1024) continue;
        const path = join(outDir, file.fileName);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * The staff office: a single-page app served by the server under /office (see
 * src/server/modules/office). Built into dist/office; file names under assets/ carry a
 * content hash, so the server may cache them forever.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web/office', import.meta.url)),
  base: '/office/',
  plugins: [react(), precompress()],
  // `npx vite --config vite.config.ts` serves the office with hot reload; the API is the
  // server's (`npm run dev` on port 3000).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // The CSP allows fonts and scripts from this host only (no data: fonts), so nothing is
    // inlined into the CSS or the HTML.
    assetsInlineLimit: 0,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
});
