// Lint: typescript-eslint recommended + the house boundary rule: the pure folders
// (engine, url, lists, cli) must not touch extension APIs, so they run unchanged
// in Node, the content script and unit tests.
import tseslint from 'typescript-eslint';

const extensionApis = {
  paths: [
    { name: 'wxt/browser', message: 'Pure module: pass browser APIs in as parameters instead.' },
    { name: 'webextension-polyfill', message: 'Pure module: no extension APIs.' },
    { name: 'idb', message: 'Pure module: storage belongs to src/background.' },
  ],
  patterns: [
    { group: ['wxt/*', '**/background/**', '**/page/**', '**/ui/**'], message: 'Pure module: may only import other pure modules.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output*/**', 'screenshots/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'assets/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/url/**/*.ts', 'src/lists/**/*.ts', 'src/cli/**/*.ts', 'src/guardian/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', extensionApis],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Pure module: no extension APIs.' },
        { name: 'browser', message: 'Pure module: no extension APIs.' },
      ],
    },
  },
);
