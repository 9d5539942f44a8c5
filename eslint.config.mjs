// Lint rules, including the architecture's one hard line: the core and the shared contract never
// import Electron (so they run under Vitest, the CLI and the browser harness), and shared code
// never imports Node built-ins (the renderer imports it too).
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const noElectron = { name: 'electron', message: 'The core and shared code must stay Electron-free; put Electron code in src/main/index.ts, window.ts or ipc.ts.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
    rules: {
      // Formatting is left to the author; these rules are about correctness.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }],
      // Not even lazily: a dynamic import or require of Electron would fail under Vitest, the CLI and the harness.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value='electron']", message: noElectron.message },
        { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: noElectron.message },
      ],
    },
  },
  {
    // The renderer is a web page: Electron reaches it only through the preload's bridge.
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The renderer talks to the main process only through window.bridge (src/renderer/src/api.ts).' }], patterns: [{ group: ['electron/*'], message: 'The renderer talks to the main process only through window.bridge.' }] }],
    },
  },
  {
    // Components and views ask their stores; only stores call the core through the API client.
    files: ['src/renderer/src/components/**/*.{ts,vue}', 'src/renderer/src/views/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the main process only through window.bridge (src/renderer/src/api.ts).' }],
          patterns: [
            { group: ['electron/*'], message: 'The renderer talks to the main process only through window.bridge.' },
            { group: ['**/api', '**/api.ts', '**/shared/api/client', '**/shared/api/client.ts'], message: 'Components and views do not call the core: move the call into a store (src/renderer/src/stores).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['node:*', 'electron/*'], message: 'Shared code runs in the renderer too: no Node built-ins, no Electron.' }] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
