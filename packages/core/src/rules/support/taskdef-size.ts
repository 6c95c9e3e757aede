import type { Node } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";

/**
 * Task-level cpu and memory as ECS reads them: an integer (CPU units, MiB), or a string with a
 * unit that ECS converts when the task definition is registered ("1 vCPU" / "1vcpu" = 1024 CPU
 * units, "2 GB" / "2GB" = 2048 MiB).
 */
export type TaskSize = { kind: "value"; value: number } | { kind: "unknown" } | { kind: "invalid"; text: string };

const plainNumber = /^\s*(\d+)\s*$/;
const vcpu = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*vcpu\s*$/i;
const gigabytes = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*gb\s*$/i;

/** Task cpu in CPU units; "unknown" for a value that is not a literal (an intrinsic function). */
export function taskCpuUnits(node: Node | undefined): TaskSize {
  return parseSize(node, vcpu);
}

/** Task memory in MiB; "unknown" for a value that is not a literal (an intrinsic function). */
export function taskMemoryMiB(node: Node | undefined): TaskSize {
  return parseSize(node, gigabytes);
}

function parseSize(node: Node | undefined, withUnit: RegExp): TaskSize {
  const text = scalarString(node);
  if (text === undefined) return { kind: "unknown" };
  const plain = plainNumber.exec(text);
  if (plain) return { kind: "value", value: Number(plain[1]) };
  const scaled = withUnit.exec(text);
  if (scaled) return { kind: "value", value: Math.round(Number(scaled[1]) * 1024) };
  return { kind: "invalid", text };
}
