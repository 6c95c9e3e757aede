import rule from "./service-assigns-public-ip.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "public IP disabled",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0abc"], "assignPublicIp": "DISABLED" }
  }
}`,
    },
    {
      name: "assignPublicIp not set (DISABLED by default)",
      file: "service.json",
      code: `{ "serviceName": "web", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc"] } } }`,
    },
    {
      name: "CloudFormation value from a parameter",
      file: "stack.yaml",
      code: serviceTemplate(`
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0abc]
          AssignPublicIp: !Ref PublicIp
`),
    },
  ],
  invalid: [
    {
      name: "public IP enabled",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "networkConfiguration": {
    "awsvpcConfiguration": {
      "subnets": ["subnet-0abc"],
      "assignPublicIp": "ENABLED"
    }
  }
}`,
      errors: [{ messageId: "publicIp", line: 6, column: 25, message: "ENABLED" }],
    },
    {
      name: "CloudFormation public IP enabled",
      file: "stack.yaml",
      code: serviceTemplate(`
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0abc]
          AssignPublicIp: ENABLED
`),
      errors: [{ messageId: "publicIp", line: 8, column: 27 }],
    },
  ],
});
