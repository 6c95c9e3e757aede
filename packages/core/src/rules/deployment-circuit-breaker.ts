import { defineRule } from "./define.js";
import { type SettingsBlock, serviceRollingState, settingsBlock } from "./support/service-settings.js";

export default defineRule({
  id: "deployment-circuit-breaker",
  title: "Rolling deployments use the circuit breaker with rollback",
  severity: "warning",
  description:
    "A service deployed with the ECS rolling update sets deploymentConfiguration.deploymentCircuitBreaker with enable: true and rollback: true.",
  rationale:
    "Without the deployment circuit breaker a deployment whose tasks never become healthy keeps launching replacements indefinitely; with it, ECS marks the deployment FAILED after a threshold of failed launches and, with rollback, returns the service to the last deployment that completed.",
  fix: "Set deploymentConfiguration.deploymentCircuitBreaker to { enable: true, rollback: true } (DeploymentCircuitBreaker: {Enable: true, Rollback: true} in CloudFormation, a deployment_circuit_breaker block in Terraform).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html",
  ],
  messages: {
    missing:
      "the service has no deployment circuit breaker: a failing rolling deployment keeps launching tasks; set deploymentCircuitBreaker to { enable: true, rollback: true }",
    notEnabled: "deploymentCircuitBreaker.enable is {{value}}: set enable to true (and rollback to true)",
    noRollback:
      "deploymentCircuitBreaker.rollback is {{value}}: a failed deployment stops but leaves the service on the failing revision; set rollback to true",
  },
  check: {
    service(service, { report }) {
      if (serviceRollingState(service) !== "rolling") return;
      const configuration = settingsBlock(service.props, "deploymentConfiguration");
      if (configuration.state === "unknown") return;
      let breaker: SettingsBlock =
        configuration.state === "present"
          ? settingsBlock(configuration.obj, "deploymentCircuitBreaker")
          : { state: "absent" };
      // Terraform: deployment_circuit_breaker is a top-level block of aws_ecs_service.
      if (breaker.state === "absent") breaker = settingsBlock(service.props, "deploymentCircuitBreaker");
      if (breaker.state === "unknown") return;
      if (breaker.state === "absent") {
        report(configuration.state === "present" ? configuration.node : service.props.node, "missing");
        return;
      }
      const settings = breaker.obj;
      const enable = settings.bool("enable");
      if (settings.has("enable") && enable === undefined) return; // an intrinsic
      if (enable !== true) {
        report(settings.get("enable") ?? breaker.node, "notEnabled", {
          value: settings.has("enable") ? "false" : "not set",
        });
        return;
      }
      const rollback = settings.bool("rollback");
      if (settings.has("rollback") && rollback === undefined) return;
      if (rollback !== true) {
        report(settings.get("rollback") ?? breaker.node, "noRollback", {
          value: settings.has("rollback") ? "false" : "not set",
        });
      }
    },
  },
});
