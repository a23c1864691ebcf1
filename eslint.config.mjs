// JS lint for the site's scripts and the JS tests: ESLint's recommended rules, no network needed.
import js from '@eslint/js'
import globals from 'globals'

export default [
  { ignores: ['node_modules/', 'benchmarks/node_modules/', 'site/', '.venv/', '.cache/', 'build/'] },
  js.configs.recommended,
  {
    files: ['docs/assets/javascripts/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      // document$ is Material's observable of shown pages (instant navigation).
      globals: { ...globals.browser, document$: 'readonly' }
    }
  },
  {
    files: ['tests/js/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node }
  }
]
