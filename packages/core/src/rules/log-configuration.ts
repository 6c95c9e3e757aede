import { asObj } from "../model/obj.js";
import { defineRule } from "./define.js";

const FARGATE_LOG_DRIVERS = ["awslogs", "splunk", "awsfirelens"];
const AWSLOGS_OPTIONS = ["awslogs-group", "awslogs-region"];
const AWSLOGS_OPTIONS_ON_FARGATE = [...AWSLOGS_OPTIONS, "awslogs-stream-prefix"];

export default defineRule({
  id: "log-configuration",
  title: "Containers have a complete log configuration",
  severity: "warning",
  description:
    "Every container sets logConfiguration; an awslogs driver names awslogs-group and awslogs-region (and awslogs-stream-prefix on Fargate); on Fargate the driver is awslogs, splunk or awsfirelens.",
  rationale:
    "A container without a log configuration writes its output nowhere you can read it after the task stops. The awslogs driver needs a log group and a Region; on Fargate it also needs a stream prefix, and Fargate supports only the awslogs, splunk and awsfirelens drivers.",
  fix: 'Add logConfiguration with logDriver "awslogs" and options awslogs-group, awslogs-region and awslogs-stream-prefix (or use splunk / awsfirelens).',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
  ],
  peers: { cfnLint: "E3046, E3048, E3713", securityHub: "ECS.9" },
  messages: {
    missing:
      'container "{{container}}" has no logConfiguration, so its output is lost when the task stops: add one, e.g. logDriver "awslogs" with awslogs-group, awslogs-region and awslogs-stream-prefix',
    unsupportedDriver: `container "{{container}}" uses log driver "{{driver}}", which Fargate does not support: use one of ${FARGATE_LOG_DRIVERS.join(", ")}`,
    missingOption:
      'container "{{container}}" uses the awslogs driver without the "{{option}}" option{{why}}: add "{{option}}" to the log options',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers) {
        const { props } = container;
        if (!props.has("logConfiguration")) {
          report(props.node, "missing", { container: container.name });
          continue;
        }
        const logConfiguration = props.obj("logConfiguration");
        if (!logConfiguration) continue; // an intrinsic function: known only at deploy time
        const driver = logConfiguration.str("logDriver");
        if (driver === undefined) continue;
        if (task.usesFargate && !FARGATE_LOG_DRIVERS.includes(driver)) {
          report(logConfiguration.get("logDriver")!, "unsupportedDriver", { container: container.name, driver });
          continue;
        }
        if (driver !== "awslogs") continue;
        const optionsNode = logConfiguration.get("options");
        const options = asObj(optionsNode);
        if (optionsNode && !options) continue; // options from an intrinsic function
        for (const option of task.usesFargate ? AWSLOGS_OPTIONS_ON_FARGATE : AWSLOGS_OPTIONS)
          if (!options?.has(option))
            report(optionsNode ?? logConfiguration.node, "missingOption", {
              container: container.name,
              option,
              why: option === "awslogs-stream-prefix" ? " (required on Fargate)" : "",
            });
      }
    },
  },
});
