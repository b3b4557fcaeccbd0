#!/usr/bin/env node
/** The entry point: the only place that exits the process. */
import { runCli } from './program.js';
import { processIo } from './io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
