import autocannon from 'autocannon';
import { readCpuMs } from './processes';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** The server under load, to charge it the CPU time it spent. */
  serverPid: number;
}

export interface ScenarioFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** Mean bytes per response on the wire, headers included. */
  responseBytes: number;
  /** Server CPU time per request (user + system), ms; null off Linux. */
  serverCpuMsPerRequest: number | null;
  errors: number;
  timeouts: number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

async function drive(request: LoadRequest, connections: number, seconds: number) {
  // autocannon's own histogram keeps whole milliseconds; budgets of a few ms need the exact times.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let bytes = 0;
  let failure: number | null = null;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        connections,
        duration: seconds,
        // A slow response must count, not vanish; well above any plausible loopback latency.
        timeout: 10,
      },
      (error: unknown, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, responseBytes, responseTime) => {
    if (statusCode < 200 || statusCode > 299) {
      failure ??= statusCode;
      return;
    }
    bytes += responseBytes;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await finished;
  return { result, latencies: latencies.subarray(0, count).sort(), bytes, failure: failure as number | null };
}

/**
 * Warms the route up, then measures it. Any non-2xx answer fails the scenario:
 * fast error responses would otherwise flatter the figures.
 */
export async function measure(name: string, request: LoadRequest, options: LoadOptions): Promise<ScenarioFigures> {
  if (options.warmupSeconds > 0) await drive(request, options.connections, options.warmupSeconds);
  const cpuBefore = readCpuMs(options.serverPid);
  const { result, latencies, bytes, failure } = await drive(request, options.connections, options.durationSeconds);
  const cpuAfter = readCpuMs(options.serverPid);
  if (failure || result.non2xx > 0) {
    throw new Error(`${name}: ${result.non2xx} responses were not 2xx (first: HTTP ${failure ?? '?'})`);
  }
  if (latencies.length === 0) throw new Error(`${name}: no successful responses (${result.errors} errors)`);
  let sum = 0;
  for (const value of latencies) sum += value;
  const requests = latencies.length;
  return {
    connections: options.connections,
    durationSeconds: round(result.duration, 2),
    requests,
    requestsPerSecond: round(requests / result.duration, 0),
    latencyMs: {
      mean: round(sum / requests),
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[requests - 1]!),
    },
    responseBytes: Math.round(bytes / requests),
    serverCpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / requests, 3),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
