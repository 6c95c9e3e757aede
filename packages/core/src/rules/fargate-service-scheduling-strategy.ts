import { defineRule } from "./define.js";
import { fargateReason, serviceFargateEvidence, serviceIsDaemon, settingsBlock } from "./support/service-settings.js";

const CONTROLLERS_WITHOUT_DAEMON = ["CODE_DEPLOY", "EXTERNAL"];

export default defineRule({
  id: "fargate-service-scheduling-strategy",
  title: "Fargate, CodeDeploy and external services use the REPLICA scheduling strategy",
  severity: "error",
  description:
    "A service that runs on Fargate (launchType or capacity provider), or whose deployment controller is CODE_DEPLOY or EXTERNAL, does not set schedulingStrategy DAEMON.",
  rationale:
    "The daemon scheduler places one task on every container instance, and Fargate has no container instances; ECS documents that tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller do not support the DAEMON strategy, and CreateService rejects the service.",
  fix: "Remove schedulingStrategy (REPLICA is the default) and set desiredCount; to run one task per instance, run the service on EC2 with the ECS deployment controller.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html#service_scheduler_daemon",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
  ],
  peers: { cfnLint: "E3044" },
  messages: {
    daemon: 'schedulingStrategy is DAEMON but {{reason}}, which supports only REPLICA: remove schedulingStrategy (or set "REPLICA") and set desiredCount',
  },
  check: {
    service(service, { report }) {
      if (!serviceIsDaemon(service)) return;
      const node = service.props.get("schedulingStrategy")!;
      if (serviceFargateEvidence(service)) {
        report(node, "daemon", { reason: fargateReason(service) });
        return;
      }
      const controller = settingsBlock(service.props, "deploymentController");
      const type = controller.state === "present" ? controller.obj.str("type")?.toUpperCase() : undefined;
      if (type && CONTROLLERS_WITHOUT_DAEMON.includes(type))
        report(node, "daemon", { reason: `the deployment controller is ${type}` });
    },
  },
});
