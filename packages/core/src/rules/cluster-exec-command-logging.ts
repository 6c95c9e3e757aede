import { defineRule } from "./define.js";
import { settingsBlock } from "./support/service-settings.js";

export default defineRule({
  id: "cluster-exec-command-logging",
  title: "ECS Exec sessions are logged",
  severity: "warning",
  description:
    "A cluster whose configuration sets executeCommandConfiguration does not set its logging to NONE.",
  rationale:
    "ECS Exec opens an interactive shell in a running container; with logging NONE nothing records the commands run there, so a session that read secrets or changed a container leaves no trace. DEFAULT sends the session output to the awslogs configuration of the task, OVERRIDE to a log group or bucket of your choice.",
  fix: "Set executeCommandConfiguration.logging to DEFAULT, or to OVERRIDE with a logConfiguration naming a CloudWatch log group or an S3 bucket (with encryption on), and a kmsKeyId to encrypt the session data.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
  ],
  peers: { checkov: "CKV_AWS_223, CKV_AWS_224 (Terraform)" },
  messages: {
    loggingOff:
      "ECS Exec logging is NONE: commands run in the cluster's containers leave no record; set logging to DEFAULT, or OVERRIDE with a log group or S3 bucket",
  },
  check: {
    cluster(cluster, { report }) {
      const configuration = settingsBlock(cluster.props, "configuration");
      if (configuration.state !== "present") return;
      const exec = settingsBlock(configuration.obj, "executeCommandConfiguration");
      if (exec.state !== "present") return;
      if (exec.obj.str("logging")?.toUpperCase() === "NONE") report(exec.obj.get("logging")!, "loggingOff");
    },
  },
});
