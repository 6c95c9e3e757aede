/**
 * How shipshape shows what it found and planned, for the CLI and the actions alike: the five
 * lint formats, a finding as a workflow-command annotation, the rolling plan as text, and the
 * one job-summary style. Pure: strings in, strings out.
 */
export {
  annotation,
  countBySeverity,
  type FormatContext,
  type FormatName,
  type Formatter,
  formatters,
  isFormatName,
} from "./formatters/index.js";
export { renderPlan } from "./plan.js";
export {
  renderTrafficShiftMarkdown,
  renderTrafficShiftMermaid,
  renderTrafficShiftTable,
  type TrafficShiftPlanView,
  type TrafficShiftRow,
  trafficShiftJson,
  trafficShiftRows,
} from "./traffic-shift.js";
export * as summary from "./summary.js";
export { escapeCommandData, escapeCommandProperty, plural } from "./text.js";
export { toolVersion } from "./version.js";
