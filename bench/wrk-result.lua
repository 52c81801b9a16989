-- Prints one machine-readable line when wrk is done: requests, answers/s (requests less errors: a refusal is not an
-- answer), p50, p99 and max latency (µs), errors.
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT\t%d\t%.1f\t%d\t%d\t%d\t%d\n", summary.requests, (summary.requests - e.status - e.timeout) / secs,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status + e.connect + e.read + e.write + e.timeout))
end
