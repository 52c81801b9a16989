-- Ad-hoc SPARQL whose text changes on every request (a number in it counts up, per wrk thread), so that no cache
-- anywhere can answer: four shapes in turn. PREFIX is the path of the endpoint (/kg/sparql or /ds/sparql).
local shapes = {
  "SELECT ?s ?l { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(?s != <urn:x:%d>) } LIMIT 50",
  "SELECT ?t (COUNT(*) AS ?n) { ?s a ?t FILTER(?s != <urn:x:%d>) } GROUP BY ?t",
  "ASK { ?s ?p \"%d\" }",
  "SELECT ?p ?o { <https://w3id.org/arbeidsmigratie/id/wet/wtta> ?p ?o FILTER(?o != %d) }",
}
local counter = 0
local id = 0
local threads = 0

local function enc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function(args)
  endpoint = args[1] or "/kg/sparql"
end

request = function()
  counter = counter + 1
  local n = counter * 64 + id
  local q = string.format(shapes[(counter % #shapes) + 1], n)
  return wrk.format("GET", endpoint .. "?query=" .. enc(q), { ["Accept"] = "application/sparql-results+json" })
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT\t%d\t%.1f\t%d\t%d\t%d\t%d\n", summary.requests, (summary.requests - e.status - e.timeout) / secs,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status + e.connect + e.read + e.write + e.timeout))
end
