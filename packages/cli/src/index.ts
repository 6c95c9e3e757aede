// The `shipshape` command: argument parsing and commands only. What it shares with the actions
// lives in @shipshape/project (config, files, the lint run) and @shipshape/report (formats).
export { run, processIo } from "./main.js";
export type { Io } from "./io.js";
