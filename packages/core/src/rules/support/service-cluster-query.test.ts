import { describe, expect, it } from "vitest";
import { clusterQueryProblem } from "./service-cluster-query.js";

describe("clusterQueryProblem", () => {
  it.each([
    "attribute:ecs.instance-type == t2.small",
    "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
    "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
    "task:group == service:production",
    "not(task:group == database)",
    "runningTasksCount == 1",
    "agentVersion < 1.14.5",
    "registeredAt < 2018-02-13",
    "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
    "(attribute:a exists or attribute:b !exists) && !(attribute:c not_in [x])",
    "attribute:ecs.instance-type =~ (t2|t3).*",
    "attribute:stack equals prod",
  ])("accepts the documented form %s", (expression) => {
    expect(clusterQueryProblem(expression)).toBeUndefined();
  });

  it.each([
    ["", "empty"],
    ["(attribute:ecs.instance-type == t2.small", "( is not closed"],
    ["attribute:ecs.instance-type == t2.small)", ") has no matching ("],
    ["attribute:ecs.instance-type = t2.small", "known operator"],
    ["instance-type == t2.small", "is not a subject"],
    ["attribute:ecs.availability-zone in us-east-1a", "expects a list"],
    ["attribute:ecs.instance-type ==", "has no value"],
    ["attribute:a == b and", "ends where a condition is expected"],
    ["attribute:a == b c", 'unexpected "c"'],
  ])("refuses %j", (expression, problem) => {
    expect(clusterQueryProblem(expression)).toContain(problem);
  });
});
