import type { Node } from "../document/node.js";
import type { Obj } from "../model/obj.js";
import { defineRule, type RuleContext } from "./define.js";

type MessageId = "noOnDemand" | "multipleBases";

/** A weight or base that is a literal number, undefined when absent, NaN for an intrinsic. */
function count(item: Obj, key: string): number | undefined {
  if (!item.has(key)) return undefined;
  return item.num(key) ?? Number.NaN;
}

function checkStrategy(list: Node | undefined, items: Obj[], report: RuleContext<MessageId>["report"]): void {
  if (list?.kind !== "seq" || items.length !== list.items.length) return; // absent, or built by an intrinsic
  const providers = items.map((item) => item.str("capacityProvider")?.toUpperCase());
  if (providers.includes(undefined)) return; // a provider from an intrinsic

  const spotIndex = providers.indexOf("FARGATE_SPOT");
  if (spotIndex >= 0) {
    const onDemandIndex = providers.indexOf("FARGATE");
    const onDemand = items[onDemandIndex];
    const base = onDemand ? count(onDemand, "base") : undefined;
    const weight = onDemand ? count(onDemand, "weight") : undefined;
    // An intrinsic (NaN) is taken as keeping on-demand capacity: unknown is never a violation.
    const keepsOnDemand = [base, weight].some((value) => value !== undefined && (Number.isNaN(value) || value >= 1));
    if (!keepsOnDemand) {
      const at = onDemand ? onDemand.node : items[spotIndex]!.get("capacityProvider")!;
      report(at, "noOnDemand", {
        found: onDemand ? "FARGATE has neither a base nor a weight" : "there is no FARGATE provider",
      });
    }
  }

  const withBase = items.filter((item) => (item.num("base") ?? 0) > 0);
  for (const item of withBase.slice(1)) {
    report(item.get("base")!, "multipleBases", {
      providers: withBase.map((other) => other.str("capacityProvider")!).join(", "),
    });
  }
}

export default defineRule({
  id: "capacity-provider-on-demand-base",
  title: "Spot capacity keeps an on-demand base",
  severity: "warning",
  description:
    "A capacity provider strategy (of a service, or a cluster's default) that uses FARGATE_SPOT also gives FARGATE a base of at least one task or a weight; and at most one provider in a strategy sets a base.",
  rationale:
    "Fargate Spot tasks can be interrupted with two minutes' notice and Spot capacity may be unavailable; a strategy of Spot alone can leave the service with no running task. ECS allows a base on only one provider of a strategy and rejects the strategy otherwise.",
  fix: "Add { capacityProvider: FARGATE, base: 1, weight: 1 } beside FARGATE_SPOT (base on the on-demand provider keeps that many tasks off Spot), and keep base on that one provider only.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
  ],
  messages: {
    noOnDemand:
      "the capacity provider strategy uses FARGATE_SPOT, but {{found}}: add FARGATE with base 1 (or a weight) so the service keeps on-demand tasks when Spot capacity is reclaimed",
    multipleBases:
      "more than one capacity provider sets a base ({{providers}}): ECS allows a base on only one provider; keep it on the on-demand one",
  },
  check: {
    service(service, { report }) {
      checkStrategy(
        service.props.get("capacityProviderStrategy"),
        service.props.objs("capacityProviderStrategy"),
        report,
      );
    },
    cluster(cluster, { report }) {
      checkStrategy(
        cluster.props.get("defaultCapacityProviderStrategy"),
        cluster.props.objs("defaultCapacityProviderStrategy"),
        report,
      );
    },
  },
});
