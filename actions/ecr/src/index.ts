// One bundle, two steps: action.yml runs it as main and again as post.
import { run } from "@shipshape/action-kit";
import { main } from "./main.js";
import { post } from "./post.js";

void run(main, post);
