/** One jest run over every package; TypeScript is stripped by swc and type-checked by `tsc -b`. */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/schemas',
    '<rootDir>/templates',
    '<rootDir>/runtime',
    '<rootDir>/seeds',
    '<rootDir>/catalogue-api',
    '<rootDir>/portal',
    '<rootDir>/designer',
  ],
  testMatch: ['**/src/**/__tests__/**/*.spec.ts', '**/web/**/__tests__/**/*.spec.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  testTimeout: 60000,
  moduleNameMapper: { '^@oneseal/([a-z-]+)$': '<rootDir>/$1/src/index.ts' },
};
