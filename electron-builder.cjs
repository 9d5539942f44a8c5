// Packaging with electron-builder (`npm run dist`): installers for the current platform in dist/.
// tests/unit/packaging/packaging-config.test.ts checks these patterns against what the built main
// process actually loads, so a new worker, native module or resource cannot be left out unnoticed.
module.exports = {
  appId: 'uk.gov.public-standards.progress-desk',
  productName: 'Progress Desk',
  copyright: 'Committee on Standards in Public Life',
  directories: { output: 'dist', buildResources: 'build' },
  icon: 'resources/icon.png',
  // The built app (out/) and package.json; electron-builder adds the production dependencies.
  files: ['package.json', 'out/**/*', '!out/**/*.map'],
  asar: true,
  asarUnpack: [
    // Worker threads start from a file path: the letter reader and the chunks it shares with the main bundle.
    'out/main/extract-worker.js',
    'out/main/chunks/**',
    // Native modules (better-sqlite3, the canvas pdfjs renders scanned pages on) are loaded with dlopen, which cannot read inside an archive.
    '**/*.node',
    // WebAssembly (the tesseract core, pdfjs's image decoders) is read by path inside worker threads.
    '**/*.wasm',
    // OCR: tesseract.js starts its own worker thread from its package folder and reads the
    // English model from @tesseract.js-data/eng's folder.
    'node_modules/tesseract.js/**',
    'node_modules/@tesseract.js-data/eng/**',
  ],
  // The demo data is read from <resources>/resources/demo (src/main/paths.ts, resourcesDir).
  extraResources: [{ from: 'resources/demo', to: 'resources/demo', filter: ['**/*'] }],
  afterPack: './scripts/packaging/after-pack.cjs',
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  // Per user, no administrator rights: civil-service desktops are locked down.
  nsis: { oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true, shortcutName: 'Progress Desk' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  dmg: { title: 'Progress Desk' },
  linux: { target: ['AppImage', 'deb'], category: 'Office', synopsis: 'Tracks the implementation of a committee’s recommendations', maintainer: 'Progress Desk secretariat <progress-desk@public-standards.gov.uk>' },
  deb: { packageName: 'progress-desk' },
}
