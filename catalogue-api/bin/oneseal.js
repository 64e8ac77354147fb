#!/usr/bin/env node
// Committed entry point: npm links bins at install time, before `npm run build` has produced dist/.
require('../dist/cli/main.js');
