import { parseEmbeddedJson } from "../document/embedded.js";
import { Obj } from "../model/obj.js";
import { makeLifecyclePolicy } from "../model/resources.js";
import type { DocumentReader } from "./reader.js";

/** A lifecycle policy file, or `aws ecr get-lifecycle-policy` output (the policy as a string). */
export const lifecyclePolicyJson: DocumentReader = {
  description: "ECR lifecycle policy",
  matches: (root) => {
    const props = new Obj(root);
    const rules = props.get("rules");
    if (props.str("lifecyclePolicyText") !== undefined) return true;
    if (rules?.kind !== "seq") return false;
    // `{"rules": []}` is a policy too (one PutLifecyclePolicy refuses, which the rule reports)
    if (rules.items.length === 0) return root.entries.length === 1;
    return rules.items.some((rule) => rule.kind === "map" && (new Obj(rule).has("selection") || new Obj(rule).has("rulePriority")));
  },
  read(root, file) {
    const props = new Obj(root);
    const origin = { node: root, file, format: "ecs-json" as const, name: props.str("repositoryName") ?? file, suppressed: new Map() };
    const text = props.get("lifecyclePolicyText");
    if (!text) return [makeLifecyclePolicy(origin, root)];
    const embedded = parseEmbeddedJson(text);
    return [makeLifecyclePolicy(origin, embedded?.node ?? text, embedded?.error)];
  },
};
