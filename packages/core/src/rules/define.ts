import type { Node } from "../document/node.js";
import type {
  ClassicLoadBalancer,
  Cluster,
  EcrRepository,
  LifecyclePolicyResource,
  RepositoryPolicyResource,
  ScalableTarget,
  ScalingPolicy,
  Service,
  TargetGroup,
  TaskDefinition,
} from "../model/resources.js";

export type Severity = "error" | "warning" | "info";

export const RULE_DOCS_BASE = "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules";

export type MessageData = Record<string, string | number>;

export interface RuleContext<MessageId extends string = string> {
  /** Reports a finding on a node; the message is the rule's template filled with `data`. */
  report(node: Node, messageId: MessageId, data?: MessageData): void;
}

/** One check per kind of resource the rule looks at. */
export interface RuleChecks<MessageId extends string = string> {
  taskDefinition?(task: TaskDefinition, context: RuleContext<MessageId>): void;
  service?(service: Service, context: RuleContext<MessageId>): void;
  cluster?(cluster: Cluster, context: RuleContext<MessageId>): void;
  ecrRepository?(repository: EcrRepository, context: RuleContext<MessageId>): void;
  lifecyclePolicy?(policy: LifecyclePolicyResource, context: RuleContext<MessageId>): void;
  repositoryPolicy?(policy: RepositoryPolicyResource, context: RuleContext<MessageId>): void;
  targetGroup?(targetGroup: TargetGroup, context: RuleContext<MessageId>): void;
  classicLoadBalancer?(loadBalancer: ClassicLoadBalancer, context: RuleContext<MessageId>): void;
  scalableTarget?(target: ScalableTarget, context: RuleContext<MessageId>): void;
  scalingPolicy?(policy: ScalingPolicy, context: RuleContext<MessageId>): void;
}

/** The same check in the peer tools users already run, for cross-reference in docs and SARIF. */
export interface PeerIds {
  cfnLint?: string;
  checkov?: string;
  trivy?: string;
  securityHub?: string;
  kics?: string;
  /** AWS Control Tower proactive controls (CT.ECS.PR.*, CT.ECR.PR.*). */
  controlTower?: string;
  /** AWS Config managed rules. */
  awsConfig?: string;
}

export interface RuleDefinition<MessageId extends string = string> {
  /** kebab-case words that say what is wrong; also the file name and the doc page name */
  id: string;
  title: string;
  /** The severity in the recommended preset. */
  severity: Severity;
  /** false: off unless a preset or config turns it on (the strict preset does). */
  recommended?: boolean;
  description: string;
  /** Why it matters, in a sentence or two. */
  rationale: string;
  /** What to write instead. */
  fix: string;
  /** AWS documentation the rule rests on. */
  references: string[];
  peers?: PeerIds;
  messages: Record<MessageId, string>;
  check: RuleChecks<MessageId>;
}

export interface Rule<MessageId extends string = string> extends RuleDefinition<MessageId> {
  recommended: boolean;
  docsUrl: string;
}

export function defineRule<MessageId extends string>(definition: RuleDefinition<MessageId>): Rule<MessageId> {
  return { ...definition, recommended: definition.recommended ?? true, docsUrl: `${RULE_DOCS_BASE}/${definition.id}.md` };
}

export function formatMessage(template: string, data: MessageData = {}): string {
  const parts = templateParts(template);
  let message = parts[0]!;
  // parts alternate: text, placeholder (its name and the whole `{{ name }}`), text ...
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i]!;
    message += (name in data ? String(data[name]) : parts[i + 1]!) + parts[i + 2]!;
  }
  return message;
}

/** A template cut at its placeholders once: every finding of a rule formats the same few templates. */
const parsedTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(last, match.index), match[1]!, match[0]);
      last = match.index + match[0].length;
    }
    parts.push(template.slice(last));
    if (parsedTemplates.size < 1000) parsedTemplates.set(template, parts);
  }
  return parts;
}
