// One bundle, two steps: action.yml runs it as main and again as post; the state main saved tells them apart.
import { main } from "./main.js";
import { post } from "./post.js";
import { isPostStep } from "./state.js";

void (isPostStep() ? post() : main());
