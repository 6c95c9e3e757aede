import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { presentBlock, taskVolumes } from "./support/taskdef-volumes.js";

export default defineRule({
  id: "fargate-host-volume",
  title: "Fargate task definitions use no host paths or Docker volumes",
  severity: "error",
  description:
    "In a task definition that requires FARGATE, no volume binds a path of the host (host.sourcePath, host_path in Terraform) and no volume uses dockerVolumeConfiguration.",
  rationale:
    "Fargate does not give access to the host: the sourcePath of a bind mount is not supported on Fargate, and Docker volumes are supported only on EC2 or external instances. ECS refuses such a task definition for Fargate.",
  fix: "On Fargate, use a volume with no host path (a bind mount on the task's ephemeral storage: give the volume only a name), an EFS volume (efsVolumeConfiguration), or an EBS volume configured at launch.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/docker-volumes.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html",
  ],
  messages: {
    hostSourcePath:
      'volume "{{volume}}" binds host path "{{path}}", but Fargate tasks cannot mount host paths: remove sourcePath (the volume then lives on the task\'s ephemeral storage) or use an EFS volume',
    dockerVolume:
      'volume "{{volume}}" uses dockerVolumeConfiguration, but Docker volumes are supported only on EC2 and external instances, not on Fargate: use a bind mount without a host path, or an EFS volume',
  },
  check: {
    taskDefinition(task, { report }) {
      if (!task.usesFargate) return;
      for (const volume of taskVolumes(task)) {
        const name = volume.str("name") ?? "(unnamed)";
        const sourcePath = presentBlock(volume, "host")?.get("sourcePath") ?? volume.get("hostPath");
        const path = scalarString(sourcePath);
        // null or "" is how Terraform plans write an unset host_path; an intrinsic is unknown
        if (sourcePath && path) report(sourcePath, "hostSourcePath", { volume: name, path });
        const docker = presentBlock(volume, "dockerVolumeConfiguration");
        if (docker) report(docker.node, "dockerVolume", { volume: name });
      }
    },
  },
});
