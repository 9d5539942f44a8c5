// Lets plain Node run the project's TypeScript scripts (e.g. scripts/bench-review.ts) straight from
// source: Node strips the types itself (--experimental-transform-types), and this hook resolves the
// extensionless relative imports the code base uses ("./x" → "./x.ts" or "./x/index.ts") and
// imports of JSON files such as package.json. Usage: node --experimental-transform-types --import ./scripts/ts-hooks.mjs FILE.ts
import { existsSync, readFileSync, statSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    const ours = context.parentURL?.startsWith('file:') && !context.parentURL.includes('/node_modules/')
    if (ours && (specifier.startsWith('.') || specifier.startsWith('/')) && !/\.(m?js|cjs|json|node)$/.test(specifier)) {
      const base = fileURLToPath(new URL(specifier, context.parentURL))
      for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          return nextResolve(pathToFileURL(candidate).href, context)
        }
      }
    }
    return nextResolve(specifier, context)
  },
  // `import { version } from '../package.json'` works in the bundle; here the project's own JSON
  // becomes a module with a default export and one named export per top-level key (packages'
  // JSON is left to Node: a package's require() of its package.json expects plain JSON).
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.endsWith('.json') && !url.includes('/node_modules/')) {
      const data = JSON.parse(readFileSync(fileURLToPath(url), 'utf8'))
      const named = Object.keys(data).map((k, i) => `const v${i} = data[${JSON.stringify(k)}];\nexport { v${i} as ${JSON.stringify(k)} };`)
      return { format: 'module', shortCircuit: true, source: `const data = ${JSON.stringify(data)};\nexport default data;\n${named.join('\n')}` }
    }
    const result = nextLoad(url, context)
    // The bundle gives every module CommonJS's __filename and __dirname; from source, as ES
    // modules, the few that use them get them from import.meta.url.
    if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/') && result.source) {
      const source = result.source.toString()
      if (/\b__(file|dir)name\b/.test(source)) {
        const shim = "import { fileURLToPath as __toPath } from 'node:url'; import { dirname as __dirOf } from 'node:path'; const __filename = __toPath(import.meta.url); const __dirname = __dirOf(__filename);"
        return { ...result, format: 'module-typescript', source: `${shim}\n${source}` }
      }
    }
    return result
  },
})
