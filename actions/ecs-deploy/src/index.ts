// The entry point action.yml runs: nothing but the step itself.
import { run } from "./main.js";

void run();
