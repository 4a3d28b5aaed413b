/**
 * Jest: TypeScript through ts-jest (type checking runs once, in `npm run
 * typecheck`), and json-rules-engine bound to the synchronous Promise exactly
 * as in the Apps Script bundle (build/sync-engine-binding.cjs).
 */
const { replacedModules } = require('./build/sync-engine-binding.cjs');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    'node_modules[\\\\/]json-rules-engine[\\\\/]dist[\\\\/].+\\.js$': '<rootDir>/build/jest-sync-engine-transform.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!json-rules-engine/)'],
  moduleNameMapper: Object.fromEntries(Object.entries(replacedModules).map(([name, file]) => [`^${name}$`, file])),
  testTimeout: 60000,
};
