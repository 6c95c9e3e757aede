// The entry point action.yml runs: nothing but the step itself.
import { run } from "@shipshape/action-kit";
import { main } from "./main.js";

void run(main);
