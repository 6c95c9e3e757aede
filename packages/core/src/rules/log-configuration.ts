import { asObj } from "../model/obj.js";
import { defineRule } from "./define.js";

const FARGATE_LOG_DRIVERS = ["awslogs", "splunk", "awsfirelens"];
const AWSLOGS_OPTIONS = ["awslogs-group", "awslogs-region"];
const AWSLOGS_OPTIONS_ON_FARGATE = [...AWSLOGS_OPTIONS, "awslogs-stream-prefix"];
/** The awslogs options ECS documents (LogConfiguration, using_awslogs), and those Docker's awslogs driver adds. */
const KNOWN_AWSLOGS_OPTIONS = new Set([
  "awslogs-group",
  "awslogs-region",
  "awslogs-stream-prefix",
  "awslogs-datetime-format",
  "awslogs-multiline-pattern",
  "awslogs-create-group",
  "awslogs-endpoint",
  "mode",
  "max-buffer-size",
  // Docker's awslogs driver (docs.docker.com/engine/logging/drivers/awslogs), passed through on EC2
  "awslogs-stream",
  "awslogs-create-stream",
  "awslogs-credentials-endpoint",
  "awslogs-force-flush-interval-seconds",
  "awslogs-max-event-size",
  "awslogs-format",
  "tag",
]);

export default defineRule({
  id: "log-configuration",
  title: "Containers have a complete log configuration",
  severity: "warning",
  description:
    "Every container sets logConfiguration; an awslogs driver names awslogs-group and awslogs-region (and awslogs-stream-prefix on Fargate) and no option the driver does not know; on Fargate the driver is awslogs, splunk or awsfirelens.",
  rationale:
    "A container without a log configuration writes its output nowhere you can read it after the task stops. The awslogs driver needs a log group and a Region; on Fargate it also needs a stream prefix, and Fargate supports only the awslogs, splunk and awsfirelens drivers.",
  fix: 'Add logConfiguration with logDriver "awslogs" and options awslogs-group, awslogs-region and awslogs-stream-prefix (or use splunk / awsfirelens).',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
  ],
  peers: { cfnLint: "E3046, E3048, E3713", securityHub: "ECS.9", controlTower: "CT.ECS.PR.5" },
  messages: {
    missing:
      'container "{{container}}" has no logConfiguration, so its output is lost when the task stops: add one, e.g. logDriver "awslogs" with awslogs-group, awslogs-region and awslogs-stream-prefix',
    unsupportedDriver: `container "{{container}}" uses log driver "{{driver}}", which Fargate does not support: use one of ${FARGATE_LOG_DRIVERS.join(", ")}`,
    unknownOption:
      'container "{{container}}" passes "{{option}}" to the awslogs driver, which has no such option{{suggestion}}: the documented options are awslogs-group, awslogs-region, awslogs-stream-prefix, awslogs-create-group, awslogs-datetime-format, awslogs-multiline-pattern, awslogs-endpoint, mode and max-buffer-size',
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
        for (const { key, value } of options?.node.entries ?? [])
          if (!KNOWN_AWSLOGS_OPTIONS.has(key))
            report(value, "unknownOption", { container: container.name, option: key, suggestion: suggestion(key) });
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

/** The known option a misspelt one was meant to be: `awslogs_group`, `AWSLogs-Region`, `awslogs-stream-prefx`. */
function suggestion(option: string): string {
  const wanted = simplified(option);
  for (const known of KNOWN_AWSLOGS_OPTIONS) if (simplified(known) === wanted) return ` (did you mean "${known}"?)`;
  for (const known of KNOWN_AWSLOGS_OPTIONS)
    if (known.length > 6 && editDistanceAtMostOne(option.toLowerCase(), known)) return ` (did you mean "${known}"?)`;
  return "";
}

function simplified(option: string): string {
  return option.toLowerCase().replace(/[^a-z]/g, "");
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
