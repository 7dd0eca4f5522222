import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CSP_META } from './shared/security/csp';

/**
 * Puts the one policy (shared/security/csp.ts) into index.html as a meta tag. The dev server's page
 * also needs the inline script @vitejs/plugin-react injects for fast refresh, so only there
 * script-src allows inline scripts; built pages get the policy unchanged.
 */
export function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'syncscope-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml() {
      const content = dev ? CSP_META.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") : CSP_META;
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }];
    },
  };
}

// main: Electron glue, the engine host (the engine in Electron's utilityProcess, plain Node) and the
// plain-Node CLI (`syncscope serve`, `syncscope device …`); the host and the CLI share the engine chunk
// and never load `electron`. preload: one CommonJS file, nothing external, because a sandboxed preload
// cannot require modules. renderer: the React UI, served by Electron (app://) or by `serve`.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'engine-host': resolve(__dirname, 'electron/core/host/engine-host.ts'),
          cli: resolve(__dirname, 'electron/core/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // One ~0.8 MB bundle (React, Mantine, uPlot, the error catalog) loaded from local disk or the lab
      // server: splitting it buys nothing here, and the 500 kB web-page warning only alarms newcomers.
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
