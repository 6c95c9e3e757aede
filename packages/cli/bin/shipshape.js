#!/usr/bin/env node
import { processIo, run } from "../lib/shipshape.bundle.mjs";

process.exitCode = await run(process.argv.slice(2), processIo());
