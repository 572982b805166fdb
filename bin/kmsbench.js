#!/usr/bin/env node
// The kmsbench command line; the TypeScript sources are compiled to dist/ by `npm install` (prepare).
import '../dist/cli/main.js';
