import type { Node } from "../document/node.js";
import { Obj, scalarNumber, scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { block, keyNodeOf, listItems, nonEcsController, setting } from "./support/deployment-strategy.js";

/**
 * API Reference, DeploymentLifecycleHook
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html):
 * targetType AWS_LAMBDA (the default) or PAUSE; hookTargetArn, a Lambda function ARN, required for
 * AWS_LAMBDA and not applicable to PAUSE; roleArn, the role ECS uses to call the Lambda function;
 * lifecycleStages required, from the eight stages below, and "PAUSE hooks cannot be configured at
 * TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages"; timeoutConfiguration.timeoutInMinutes
 * 1 to 20160 (DeploymentLifecycleHookDuration) and action ROLLBACK or CONTINUE.
 */
const STAGES = [
  "RECONCILE_SERVICE",
  "PRE_SCALE_UP",
  "POST_SCALE_UP",
  "TEST_TRAFFIC_SHIFT",
  "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT",
  "PRODUCTION_TRAFFIC_SHIFT",
  "POST_PRODUCTION_TRAFFIC_SHIFT",
];
const NO_PAUSE_STAGES = ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"];
const TARGET_TYPES = ["AWS_LAMBDA", "PAUSE"];
const TIMEOUT_ACTIONS = ["ROLLBACK", "CONTINUE"];
const TIMEOUT_MINUTES = { min: 1, max: 20160 };
/** arn:partition:lambda:region:account:function:name, with an optional version or alias. */
const LAMBDA_FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/;

export default defineRule({
  id: "deployment-lifecycle-hooks",
  title: "Deployment lifecycle hooks are complete and at stages that allow them",
  severity: "error",
  description:
    "Each deploymentConfiguration.lifecycleHooks entry has a valid targetType (AWS_LAMBDA, the default, or PAUSE) and lifecycleStages from the documented stages; a Lambda hook names a Lambda function ARN in hookTargetArn and an IAM role ARN in roleArn; a PAUSE hook has no hookTargetArn and is not at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT; a timeoutConfiguration has timeoutInMinutes from 1 to 20160 and action ROLLBACK or CONTINUE; hooks belong to services under the ECS deployment controller.",
  rationale:
    "ECS runs lifecycle hooks itself, only in the deployments of its own controller (not CodeDeploy's or an external one). It refuses a PAUSE hook at the stages where traffic is moving and a Lambda hook without its function or the role to invoke it; an unknown stage name is refused too, and a hook that never runs is a check that never happens.",
  fix: "Give each Lambda hook hookTargetArn (arn:aws:lambda:REGION:ACCOUNT:function:NAME) and roleArn (a role ECS can assume with lambda:InvokeFunction); put PAUSE hooks at a stage before or after a traffic shift, such as POST_TEST_TRAFFIC_SHIFT or PRE_PRODUCTION_TRAFFIC_SHIFT; use the ECS deployment controller.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/pause-lifecycle-hooks.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentlifecyclehook.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
  ],
  messages: {
    needsEcsController:
      "lifecycle hooks run only in deployments of the ECS deployment controller, not {{controller}}: remove them or set deploymentController type ECS",
    unknownTargetType: 'hook targetType "{{value}}" is not AWS_LAMBDA or PAUSE',
    missingStages: "this lifecycle hook has no lifecycleStages: name the stages it runs at, such as POST_TEST_TRAFFIC_SHIFT",
    unknownStage: 'lifecycle stage "{{value}}" is not one of {{stages}}',
    pauseAtForbiddenStage:
      "a PAUSE hook is not allowed at {{stage}}, where traffic is shifting: pause at {{instead}} instead, or use a Lambda hook",
    missingTarget: "this Lambda hook has no hookTargetArn: name the Lambda function to invoke",
    notLambdaArn: "hookTargetArn {{value}} is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)",
    targetOnPause: "a PAUSE hook has no target: remove hookTargetArn, or set targetType AWS_LAMBDA",
    missingRole: "this Lambda hook has no roleArn: ECS needs a role that may invoke the function",
    notRoleArn: "roleArn {{value}} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)",
    timeoutRange: "timeoutInMinutes {{value}} is out of range: use a whole number from 1 to 20160 (14 days)",
    unknownTimeoutAction: 'timeout action "{{value}}" is not ROLLBACK or CONTINUE',
  },
  check: {
    service(service, { report }) {
      const hooks = service.deployment.lifecycleHooks;
      if (!hooks) return;
      const controller = nonEcsController(service);
      if (controller) report(keyNodeOf(hooks), "needsEcsController", { controller: controller.value });

      for (const item of listItems(hooks)) {
        if (item.kind !== "map") continue;
        const hook = new Obj(item);
        const typeNode = setting(hook.get("targetType"));
        const typeValue = scalarString(typeNode)?.toUpperCase();
        if (typeNode && typeValue === undefined) continue; // an intrinsic: the kind of hook is unknown
        if (typeValue !== undefined && !TARGET_TYPES.includes(typeValue)) {
          report(typeNode!, "unknownTargetType", { value: typeValue });
          continue;
        }
        const pause = typeValue === "PAUSE";

        const stages = setting(hook.get("lifecycleStages"));
        if (!stages || (stages.kind === "seq" && stages.items.length === 0)) report(item, "missingStages");
        for (const stage of stages?.kind === "seq" ? stages.items : []) {
          const name = scalarString(stage);
          if (name === undefined) continue;
          if (!STAGES.includes(name)) report(stage, "unknownStage", { value: name, stages: STAGES.join(", ") });
          else if (pause && NO_PAUSE_STAGES.includes(name))
            report(stage, "pauseAtForbiddenStage", { stage: name, instead: `POST_${name}` });
        }

        const target = setting(hook.get("hookTargetArn"));
        if (pause) {
          if (target) report(target, "targetOnPause");
        } else {
          if (!target) report(item, "missingTarget");
          else checkShape(target, LAMBDA_FUNCTION_ARN, "notLambdaArn", report);
          const role = setting(hook.get("roleArn"));
          if (!role) report(item, "missingRole");
          else checkShape(role, ROLE_ARN, "notRoleArn", report);
        }

        const timeout = block(hook.get("timeoutConfiguration"));
        if (timeout?.kind === "map") checkTimeout(new Obj(timeout), report);
      }
    },
  },
});

type Report = (node: Node, messageId: "notLambdaArn" | "notRoleArn" | "timeoutRange" | "unknownTimeoutAction", data: Record<string, string | number>) => void;

function checkShape(node: Node, shape: RegExp, messageId: "notLambdaArn" | "notRoleArn", report: Report): void {
  const value = node.kind === "scalar" && typeof node.value === "string" ? node.value : undefined;
  if (value !== undefined && !shape.test(value)) report(node, messageId, { value: JSON.stringify(value) });
}

function checkTimeout(timeout: Obj, report: Report): void {
  const minutes = setting(timeout.get("timeoutInMinutes"));
  const value = scalarNumber(minutes);
  if (minutes && minutes.kind === "scalar" && (value === undefined || !Number.isInteger(value) || value < TIMEOUT_MINUTES.min || value > TIMEOUT_MINUTES.max))
    report(minutes, "timeoutRange", { value: value ?? JSON.stringify(minutes.value) });
  const action = setting(timeout.get("action"));
  const actionValue = scalarString(action);
  if (action && actionValue !== undefined && !TIMEOUT_ACTIONS.includes(actionValue.toUpperCase()))
    report(action, "unknownTimeoutAction", { value: actionValue });
}
