import rule from "./ecr-repository-policy-public.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";

const policyText = (statement: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

testRule(rule, {
  valid: [
    {
      name: "CloudFormation policy for named accounts",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Sid: CrossAccountPull
            Effect: Allow
            Principal:
              AWS: [arn:aws:iam::111122223333:root]
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
`),
    },
    {
      name: "everyone, narrowed to the organization",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryPolicyText:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: ecr:BatchGetImage
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-a1b2c3d4e5
`),
    },
    {
      name: "Deny for everyone",
      code: json({ repositoryName: "web", policyText: policyText({ Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" }) }),
    },
    {
      name: "a service principal",
      code: json({ repositoryName: "web", policyText: policyText({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "ecr:BatchGetImage" }) }),
    },
    {
      name: "policy text from an intrinsic",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryPolicyText: !Sub '{"Statement": []}'
`),
    },
  ],
  invalid: [
    {
      name: "SetRepositoryPolicy JSON, Principal * (trivy AVD-AWS-0032)",
      code: json({
        repositoryName: "web",
        policyText: policyText({ Sid: "Open", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:PutImage"] }),
      }),
      errors: [{ messageId: "publicStatement", line: 3, column: 17, message: 'statement "Open" allows ecr:BatchGetImage, ecr:PutImage to every AWS principal' }],
    },
    {
      name: "CloudFormation AWS: '*' with a condition that does not narrow",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: ecr:*
            Condition:
              Bool:
                aws:SecureTransport: "true"
`),
      errors: [{ messageId: "publicStatement", line: 10, column: 20, message: "statement #1 allows ecr:*" }],
    },
    {
      name: "CloudFormation JSON policy text as a string",
      file: "stack.json",
      code: json({
        Resources: {
          Repo: {
            Type: "AWS::ECR::Repository",
            Properties: { RepositoryPolicyText: policyText({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "ecr:BatchGetImage" }) },
          },
        },
      }),
      errors: [{ messageId: "publicStatement", line: 6, column: 33 }],
    },
    {
      name: "policy text that is not JSON",
      code: json({ repositoryName: "web", policyText: "{ not json" }),
      errors: [{ messageId: "unreadable", line: 3, column: 17 }],
    },
  ],
});
