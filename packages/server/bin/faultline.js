#!/usr/bin/env node
// The installed `faultline` command: runs the compiled CLI (built by `npm ci` / `npm run build`).
import '../dist/cli/run.js';
