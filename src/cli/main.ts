#!/usr/bin/env node
/** The entry point: the only place that ends the process (through its exit code). */
import { processIo } from './io.js';
import { runCli } from './program.js';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
