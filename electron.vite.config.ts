import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { withContentSecurityPolicyMeta } from './src/main/security/content-security-policy'

// The built index.html carries the renderer's CSP as a <meta>, from the same constant as the
// headers. Build only: the dev server injects inline styles, which the policy forbids.
const contentSecurityPolicyMeta: Plugin = { name: 'progress-desk-csp-meta', apply: 'build', transformIndexHtml: withContentSecurityPolicyMeta }

// One build for the three Electron targets. The main build also emits the CLI and the loopback
// harness: both are plain Node programs that reuse the Electron-free core.
export default defineConfig({
  main: {
    build: {
      // Kysely is ESM-only; the main output is CommonJS (the sandboxed preload must be), so bundle it.
      externalizeDeps: { exclude: ['kysely'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          harness: resolve(__dirname, 'src/main/harness/serve.ts'),
          // Letter parsers run in worker threads; the pool finds this file beside the built code.
          'extract-worker': resolve(__dirname, 'src/main/core/letters/worker/extract-worker.ts'),
          bench: resolve(__dirname, 'src/main/bench/run-bench.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [vue(), contentSecurityPolicyMeta],
    build: {
      // electron-vite leaves the renderer unminified: 1.2 MB of script for Chromium to parse before
      // the first view shows, where minified it is about a third of that.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
