/**
 * The failure threshold of the ECS deployment circuit breaker.
 *
 * ECS API Reference, ServiceDeploymentCircuitBreaker (`threshold`):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html
 * "The deployment circuit breaker has a minimum threshold of 3 and a maximum threshold of 200"
 * and computes it as `0.5 * desired task count`; the field is an Integer. The page does not say how
 * a half is rounded: we round up (12.5 failures allowed means the 13th fails the deployment).
 * This is the default threshold; a service can set its own with a ThresholdConfiguration
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ThresholdConfiguration.html,
 * default BOUNDED_PERCENT 50), which this function does not model.
 */
export const CIRCUIT_BREAKER_MIN_THRESHOLD = 3;
export const CIRCUIT_BREAKER_MAX_THRESHOLD = 200;

/** Failed task launches after which ECS marks a rolling deployment FAILED, for `desiredCount` >= 0. */
export function circuitBreakerFailureThreshold(desiredCount: number): number {
  const half = Math.ceil(desiredCount / 2);
  return Math.min(CIRCUIT_BREAKER_MAX_THRESHOLD, Math.max(CIRCUIT_BREAKER_MIN_THRESHOLD, half));
}
