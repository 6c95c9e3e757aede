// The `with:` blocks of the example workflows in the anchors' README.md files (commits in
// SOURCES.md), copied as data: test/dropin-examples.test.ts runs them, unchanged, against
// shipshape's bundles. `${{ ... }}` expressions are left as written; the test fills them in
// from earlier steps' outputs, as the runner does.

/** amazon-ecs-deploy-task-definition README, "Usage". */
export const deployUsage = {
  "task-definition": "task-definition.json",
  service: "my-service",
  cluster: "my-cluster",
  "wait-for-service-stability": "true",
};

/** amazon-ecs-deploy-task-definition README, "Task definition container image values": render, then deploy. */
export const renderThenDeploy = {
  render: {
    "task-definition": "task-definition.json",
    "container-name": "my-container",
    image: "${{ steps.build-image.outputs.image }}",
  },
  deploy: {
    "task-definition": "${{ steps.task-def.outputs.task-definition }}",
    service: "my-service",
    cluster: "my-cluster",
    "wait-for-service-stability": "true",
  },
};

/** amazon-ecs-deploy-task-definition README, "Running Tasks": a task run before the service update, waited for. */
export const runTaskBeforeService = {
  "task-definition": "task-definition.json",
  service: "my-service",
  cluster: "my-cluster",
  "wait-for-service-stability": "true",
  "run-task": "true",
  "wait-for-task-stopped": "true",
};

/** amazon-ecs-deploy-task-definition README, "EBS Volume Configuration", standalone tasks: no service, so register only. */
export const registerOnlyRunTask = {
  "task-definition": "task-definition.json",
  cluster: "my-cluster",
  "run-task": "true",
  "run-task-launch-type": "EC2",
  "run-task-managed-ebs-volume-name": "ebs1",
  "run-task-managed-ebs-volume":
    '{"filesystemType":"xfs", "roleArn":"arn:aws:iam::<account-id>:role/github-actions-setup-stack-EBSRole-YwVmgS4g7gQE", "encrypted":false, "sizeInGiB":30}',
};

/** amazon-ecs-deploy-task-definition README, "AWS CodeDeploy Support". */
export const codeDeploy = {
  "task-definition": "task-definition.json",
  service: "my-service",
  cluster: "my-cluster",
  "wait-for-service-stability": "true",
  "codedeploy-appspec": "appspec.json",
  "codedeploy-application": "my-codedeploy-application",
  "codedeploy-deployment-group": "my-codedeploy-deployment-group",
};

/** amazon-ecs-render-task-definition README, "Usage" (the second example's first step). */
export const renderEnvironmentAndLabels = {
  "task-definition": "task-definition.json",
  "container-name": "web",
  image: "amazon/amazon-ecs-sample-1:latest",
  "environment-variables": "LOG_LEVEL=info\nENVIRONMENT=prod\n",
  "docker-labels": "SERVICE=service\nVERSION=version\n",
  secrets:
    "SECRET_KEY=arn:aws:ssm:region:0123456789:parameter/secret\nSECOND_SECRET_KEY=arn:aws:ssm:region:0123456789:parameter/secondsecret\n",
};
