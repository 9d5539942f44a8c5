// The packaging configuration against what the built app loads. electron-builder cannot run here
// (it needs Electron's binaries), so this lists what out/main requires, which workers it starts,
// which native and WebAssembly files its dependencies carry and which resources it reads, and
// checks each is packed (`files`), outside the archive where it must be (`asarUnpack`), or
// copied beside the app (`extraResources`). Builds out/ first when it is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')
const requireHere = createRequire(__filename)
const config = requireHere(join(ROOT, 'electron-builder.cjs')) as {
  files: string[]
  asarUnpack: string[]
  extraResources: { from: string; to: string; filter: string[] }[]
  afterPack: string
  nsis: Record<string, unknown>
  productName: string
  icon: string
}
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> }

const posix = (path: string) => path.split('\\').join('/')
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix(relative(ROOT, join(entry.parentPath, entry.name))))

/** electron-builder's `files` rule: the last matching pattern wins; a `!` pattern excludes. */
function packed(path: string): boolean {
  let included = false
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false
    } else if (minimatch(path, pattern, { dot: true })) included = true
  }
  // Production dependencies are added by electron-builder itself, unless a pattern excludes them.
  if (path.startsWith('node_modules/')) return !config.files.some((p) => p.startsWith('!') && minimatch(path, p.slice(1), { dot: true }))
  return included
}
const unpacked = (path: string) => config.asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true, matchBase: !pattern.includes('/') }))

// Calls that load a module or a package folder by name: require("x"), import("x"), and
// createRequire's functions (requireFromHere("x")).
const LOAD_CALL = /\b([A-Za-z_$][\w$]*)\(\s*"([^"]+)"\s*\)/g
const LOADERS = /^(require|import|\w*[rR]equire\w*)$/

interface Load {
  from: string
  loader: string
  specifier: string
}

function loadsIn(file: string): Load[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(LOAD_CALL)].filter((m) => LOADERS.test(m[1]!)).map((m) => ({ from: file, loader: m[1]!, specifier: m[2]! }))
}

// A worker made from a string (eval: true) or a Blob URL needs no file; one made from a path does.
const STARTS_WORKER_FROM_FILE = /new Worker\((?![^;]*(eval:\s*(true|!0)|createObjectURL))/
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier) || specifier === 'electron'

/** The packages installed with a production install of these, hoisted or nested. */
function dependencyClosure(names: string[]): Map<string, string> {
  const found = new Map<string, string>()
  const visit = (name: string, fromDir: string) => {
    let dir = fromDir
    for (;;) {
      const candidate = join(dir, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) {
        if (found.has(posix(relative(ROOT, candidate)))) return
        found.set(posix(relative(ROOT, candidate)), name)
        const manifest = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, candidate)
        return
      }
      if (dir === ROOT) return // an optional dependency for another platform, not installed here
      dir = join(dir, '..', '..').endsWith('node_modules') ? join(dir, '..', '..', '..') : ROOT
    }
  }
  for (const name of names) visit(name, ROOT)
  return found
}

let mainFiles: string[] = []
let loads: Load[] = []

beforeAll(() => {
  const { buildOnce } = requireHere(join(ROOT, 'scripts', 'launcher', 'build-once.cjs')) as { buildOnce: (root: string) => boolean }
  expect(buildOnce(ROOT), 'electron-vite build').toBe(true)
  mainFiles = filesUnder(join(ROOT, 'out', 'main')).filter((file) => file.endsWith('.js'))
  loads = mainFiles.flatMap(loadsIn)
}, 240_000)

describe('the packaging configuration (electron-builder.cjs)', () => {
  it('packs every built file the app runs: main (with its chunks and worker), preload and renderer', () => {
    const built = ['out/main', 'out/preload', 'out/renderer'].flatMap((dir) => filesUnder(join(ROOT, dir))).filter((file) => !file.endsWith('.map'))
    expect(built).toContain(posix(packageJson.main.replace(/^\.\//, '')))
    expect(built.filter((file) => !packed(file))).toEqual([])
    expect(packed('package.json')).toBe(true)
  })

  it('ships every package the main bundle requires as a production dependency', () => {
    const packages = [...new Set(loads.filter((load) => !load.specifier.startsWith('.') && !isBuiltin(load.specifier)).map((load) => packageOf(load.specifier)))]
    expect(packages).toContain('better-sqlite3')
    expect(packages.filter((name) => !(name in packageJson.dependencies))).toEqual([])
    expect(packages.filter((name) => !packed(`node_modules/${name}/package.json`))).toEqual([])
  })

  it('unpacks the worker-thread entries and every chunk they load', () => {
    const workerEntries = mainFiles.filter((file) => /\bparentPort\b/.test(readFileSync(join(ROOT, file), 'utf8')) && !loads.some((l) => l.specifier.startsWith('.') && file.endsWith(l.specifier.replace(/^\.\.?\//, ''))))
    expect(workerEntries).toContain('out/main/extract-worker.js')
    const reached = new Set<string>()
    const walk = (file: string) => {
      if (reached.has(file)) return
      reached.add(file)
      for (const load of loadsIn(file).filter((l) => l.specifier.startsWith('.'))) walk(posix(join(file, '..', load.specifier)).replace(/^(?!out)/, ''))
    }
    workerEntries.forEach(walk)
    expect(reached.size).toBeGreaterThan(workerEntries.length)
    expect([...reached].filter((file) => !unpacked(file))).toEqual([])
  })

  it('unpacks the native modules, WebAssembly, worker-starting packages and package folders read at run time', () => {
    const required = [...new Set(loads.filter((l) => !l.specifier.startsWith('.') && !isBuiltin(l.specifier)).map((l) => packageOf(l.specifier)))]
    const closure = dependencyClosure(required)
    const mustUnpack: string[] = []
    for (const dir of closure.keys()) {
      const files = filesUnder(join(ROOT, dir)).filter((file) => !file.slice(dir.length).includes('/node_modules/'))
      mustUnpack.push(...files.filter((file) => file.endsWith('.node') || file.endsWith('.wasm')))
      // A package that starts worker threads from its own files needs them on disk.
      // (A worker made from a string, with eval: true, or a browser Worker, needs no file.)
      const startsWorker = (file: string) => {
        const text = readFileSync(join(ROOT, file), 'utf8')
        return text.includes('worker_threads') && STARTS_WORKER_FROM_FILE.test(text)
      }
      if (files.some((file) => /\.c?js$/.test(file) && startsWorker(file))) mustUnpack.push(...files)
    }
    // Packages found through createRequire are looked up for their folder (the OCR model).
    for (const load of loads.filter((l) => l.loader !== 'require' && l.loader !== 'import')) mustUnpack.push(...filesUnder(join(ROOT, 'node_modules', packageOf(load.specifier))))
    expect(mustUnpack.some((file) => file.startsWith('node_modules/better-sqlite3/') && file.endsWith('.node'))).toBe(true)
    expect(mustUnpack.some((file) => file.startsWith('node_modules/@tesseract.js-data/eng/'))).toBe(true)
    expect(mustUnpack.some((file) => file.startsWith('node_modules/tesseract.js/'))).toBe(true)
    expect(mustUnpack.filter((file) => !unpacked(file))).toEqual([])
  })

  it("packs the data folders the reader takes from a package's own folder (pdf.js's CMaps and standard fonts)", () => {
    const text = mainFiles.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n')
    // pdf.ts resolves pdfjs-dist's folder at run time and joins these names to it; fs reads them
    // from the archive (Electron's fs reads app.asar in worker threads too), so packed is enough.
    const folders = [...new Set([...text.matchAll(/join\)?\(root,\s*"(cmaps|standard_fonts)"\)/g)].map((m) => m[1]!))]
    expect(folders.sort()).toEqual(['cmaps', 'standard_fonts'])
    expect(packageJson.dependencies).toHaveProperty('pdfjs-dist')
    for (const folder of folders) {
      const files = filesUnder(join(ROOT, 'node_modules', 'pdfjs-dist', folder))
      expect(files.length).toBeGreaterThan(0)
      expect(files.filter((file) => !packed(file))).toEqual([])
    }
  })

  it('copies every resources folder the main process reads beside the app', () => {
    const text = mainFiles.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n')
    const folders = [...new Set([...text.matchAll(/join\)?\(\w+,\s*"resources",\s*"([^"]+)"\)/g)].map((m) => m[1]!))]
    expect(folders).toContain('demo')
    for (const folder of folders) {
      const rule = config.extraResources.find((r) => posix(r.to) === `resources/${folder}`)
      expect(rule, `extraResources for resources/${folder}`).toBeDefined()
      const files = filesUnder(join(ROOT, rule!.from)).map((file) => file.slice(rule!.from.length + 1))
      expect(files.length).toBeGreaterThan(0)
      expect(files.filter((file) => !rule!.filter.some((pattern) => minimatch(file, pattern, { dot: true })))).toEqual([])
    }
  })

  it('installs per user without administrator rights, with the product name and a 512 px icon', () => {
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(config.productName).toBe('Progress Desk')
    const png = readFileSync(join(ROOT, config.icon))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true)
  })
})
