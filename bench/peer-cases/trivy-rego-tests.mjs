// trivy-checks' rego unit tests for the ECS and ECR checks (checks/cloud/aws/<service>/<check>_test.rego)
// give their input in trivy's cloud state model, not as a source file. Each is written here as
// the CloudFormation resource that produces that state; `deny` is positive, `allow` negative.
// Used by extract-trivy.mjs.

const repository = (properties) => ({ Type: "AWS::ECR::Repository", Properties: properties });
const policy = (statement) => repository({ RepositoryPolicyText: { Version: "2012-10-17", Statement: [statement] } });
const taskDefinition = (properties) => ({ Type: "AWS::ECS::TaskDefinition", Properties: properties });
const efsVolume = (transitEncryption) =>
  taskDefinition({
    Volumes: [
      { Name: "data", EFSVolumeConfiguration: { FilesystemId: "fs-12345678", TransitEncryption: transitEncryption } },
    ],
    ContainerDefinitions: [{ Name: "app", Image: "app:1" }],
  });
const environment = (variables) =>
  taskDefinition({ ContainerDefinitions: [{ Name: "app", Image: "app:1", Environment: variables }] });
const cluster = (value) => ({
  Type: "AWS::ECS::Cluster",
  Properties: { ClusterSettings: [{ Name: "containerInsights", Value: value }] },
});

/** check file (without _test.rego) → test name → the resource */
export const regoTests = {
  "ecr/enable_image_scans": {
    test_allow_image_scanning_enabled: repository({ ImageScanningConfiguration: { ScanOnPush: true } }),
    test_deny_image_scanning_disabled: repository({ ImageScanningConfiguration: { ScanOnPush: false } }),
  },
  "ecr/enforce_immutable_repository": {
    test_allow_immutable_repository: repository({ ImageTagMutability: "IMMUTABLE" }),
    test_deny_immutable_repository: repository({ ImageTagMutability: "MUTABLE" }),
  },
  "ecr/no_public_access": {
    test_allow_without_public_access: policy({
      Action: ["ecr:*"],
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Effect: "Allow",
    }),
    test_deny_with_public_access_all: policy({ Action: ["ecr:*"], Principal: "*" }),
    test_deny_with_public_acces_any: policy({ Action: ["ecr:*"], Principal: { AWS: ["*"] }, Effect: "Allow" }),
  },
  "ecr/repository_customer_key": {
    test_allow_repo_with_kms: repository({ EncryptionConfiguration: { EncryptionType: "KMS", KmsKey: "key" } }),
    test_deny_repo_without_kms_encryption: repository({ EncryptionConfiguration: { EncryptionType: "AES256" } }),
    test_deny_repo_with_kms_encryption_without_key: repository({ EncryptionConfiguration: { EncryptionType: "KMS" } }),
  },
  "ecs/enable_container_insight": {
    test_allow_cluster_with_container_insights: cluster("enabled"),
    test_deny_cluster_without_container_insights: cluster("disabled"),
  },
  "ecs/enable_in_transit_encryption": {
    test_allow_in_transit_encryption_enabled: efsVolume("ENABLED"),
    test_deny_in_transit_encryption_disabled: efsVolume("DISABLED"),
  },
  "ecs/no_plaintext_secrets": {
    test_deny_definiton_with_plaintext_sensitive_information: environment([
      { Name: "ENVIRONMENT", Value: "development" },
      { Name: "DATABASE_PASSWORD", Value: "password123" },
    ]),
    test_allow_task_without_sensitive_information: environment([{ Name: "ENVIRONMENT", Value: "development" }]),
  },
};
