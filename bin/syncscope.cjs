#!/usr/bin/env node
'use strict';
// The `syncscope` command: serve the engine headless, or manage device profiles.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('syncscope: the engine is not built yet.\n  Run `npm run build` in ' + join(__dirname, '..') + ' (or `npm start`, which builds), then try again.');
  process.exit(1);
}
require(cli)
  .main(process.argv)
  .then((code) => {
    if (code !== 0) process.exit(code);
  });
