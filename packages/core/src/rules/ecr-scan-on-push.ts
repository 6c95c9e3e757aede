import { scalarBool } from "../model/obj.js";
import { defineRule } from "./define.js";
import { ecrPropertyName, ecrSettingBlock } from "./support/ecr-settings.js";

export default defineRule({
  id: "ecr-scan-on-push",
  title: "ECR repositories scan images on push",
  severity: "warning",
  description: "An ECR repository should set imageScanningConfiguration.scanOnPush to true.",
  rationale:
    "Without scan on push (and without a registry-level scanning configuration), ECR does not scan pushed images for known vulnerabilities unless someone starts a scan by hand.",
  fix: "Set imageScanningConfiguration.scanOnPush (ImageScanningConfiguration.ScanOnPush in CloudFormation, image_scanning_configuration.scan_on_push in Terraform) to true, or configure scanning for the whole registry (PutRegistryScanningConfiguration, e.g. enhanced scanning) and turn this rule off.",
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageScanningConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced-enabling.html",
  ],
  peers: { checkov: "CKV_AWS_163", trivy: "AVD-AWS-0030", securityHub: "ECR.1" },
  messages: {
    scanOff:
      "{{property}} is {{value}}: pushed images are not scanned for vulnerabilities; set it to true (or configure scanning at the registry level)",
    missingScanOnPush:
      "{{block}} does not set scanOnPush, which defaults to false: set {{property}} to true (or configure scanning at the registry level)",
    missingConfiguration:
      "The repository has no {{block}}, so ECR does not scan pushed images: set {{property}} to true (or configure scanning at the registry level)",
  },
  check: {
    ecrRepository(repository, { report }) {
      const block = ecrPropertyName(repository.format, "imageScanningConfiguration");
      const property = ecrPropertyName(repository.format, "imageScanningConfiguration.scanOnPush");
      const configuration = ecrSettingBlock(repository.props, "imageScanningConfiguration");
      if (configuration.state === "unknown") return;
      if (configuration.state === "absent") {
        report(repository.props.node, "missingConfiguration", { block, property });
        return;
      }
      const scanOnPush = configuration.settings.get("scanOnPush");
      if (scanOnPush === undefined || (scanOnPush.kind === "scalar" && scanOnPush.value === null)) {
        report(configuration.node, "missingScanOnPush", { block, property });
        return;
      }
      if (scalarBool(scanOnPush) === false) report(scanOnPush, "scanOff", { property, value: "false" });
    },
  },
});
