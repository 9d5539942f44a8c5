// Lets plain Node run the project's TypeScript scripts (e.g. scripts/bench-review.ts) straight from
// source: Node strips the types itself (--experimental-transform-types), and this hook resolves the
// extensionless relative imports the code base uses ("./x" → "./x.ts" or "./x/index.ts") and
// imports of package.json. Usage: node --experimental-transform-types --import ./scripts/ts-hooks.mjs FILE.ts
import { existsSync, statSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && context.parentURL?.startsWith('file:')) {
      const base = fileURLToPath(new URL(specifier, context.parentURL))
      for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          const url = pathToFileURL(candidate).href
          if (candidate.endsWith('.json')) return nextResolve(url, { ...context, importAttributes: { type: 'json' } })
          return nextResolve(url, context)
        }
      }
    }
    return nextResolve(specifier, context)
  },
})
