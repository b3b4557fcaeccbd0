#!/usr/bin/env node
/** The entry point: the only place that ends the process (through its exit code). */
import { processIo } from './io.js';
import { runCli } from './program.js';

// a reader that stops early (`bibfolio format | head`) closes the pipe: that ends the output, not with a stack trace
// (processIo writes nothing more after EPIPE)
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
