#!/usr/bin/env node
// The `pulse-mock` command. See run.ts for its options and exit statuses.
import { runMockCli } from './run.js';

void runMockCli(process.argv.slice(2), process.env);
