"""Python linked-data clients against a running server, with their own defaults.

Usage: /usr/bin/python3 clients.py BASE_URL   (e.g. http://127.0.0.1:3030)

Debian's python3-rdflib and python3-sparqlwrapper (.ci/run installs them). Prints one line per check; any failed
check raises, so the exit status is non-zero and the last lines say which check and why.
"""
import sys
from io import BytesIO

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

BASE = sys.argv[1].rstrip("/")
ENDPOINT = BASE + "/kg/sparql"
KG = "https://w3id.org/arbeidsmigratie/"
AM = Namespace(KG + "def#")
LAW = URIRef(KG + "id/wet/wet-goed-verhuurderschap")
PROBLEMS = "PREFIX am: <%s> SELECT ?p WHERE { ?p a am:Problem } ORDER BY ?p LIMIT 5" % AM
CONSTRUCT = "CONSTRUCT { <%s> ?p ?o } WHERE { <%s> ?p ?o }" % (LAW, LAW)


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError("%s failed %s" % (name, detail))
    print("ok", name)


def sparqlwrapper():
    sparql = SPARQLWrapper(ENDPOINT)  # defaults: GET, XML results, format=xml&output=xml&results=xml
    sparql.setQuery(PROBLEMS)
    doc = sparql.query().convert()
    rows = doc.getElementsByTagName("result")
    check("SPARQLWrapper SELECT, default settings (XML)", len(rows) == 5, len(rows))

    sparql.setReturnFormat(JSON)
    data = sparql.query().convert()
    check("SPARQLWrapper SELECT as JSON", len(data["results"]["bindings"]) == 5, data)

    sparql.setReturnFormat(CSV)
    text = sparql.query().convert().decode("utf-8")
    check("SPARQLWrapper SELECT as CSV", text.splitlines()[0].strip() == "p" and len(text.strip().splitlines()) == 6, text)

    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setQuery(CONSTRUCT)
    g = sparql.query().convert()  # default for CONSTRUCT: RDF/XML, parsed by rdflib
    check("SPARQLWrapper CONSTRUCT, default settings (RDF/XML)", len(g) > 5 and (LAW, None, None) in g, len(g))

    sparql.setReturnFormat(TURTLE)
    body = sparql.query().convert()
    g = Graph().parse(data=body, format="turtle")
    check("SPARQLWrapper CONSTRUCT as Turtle", len(g) > 5 and (LAW, None, None) in g, len(g))

    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setQuery("SELECT * WHERE { ?s ?p ?o }")
    response = sparql.query()
    cap = response.info().get("x-sparql-maxrows")
    check("SPARQLWrapper sees the row cap", cap is not None and int(cap) > 0, response.info())


def rdflib_dereferencing():
    for path, least in (("/id/wet/wet-goed-verhuurderschap", 5), ("/def", 200), ("/def/0.1.0", 200),
                        ("/id/dataset/arbeidsmigratie-kg", 20), ("/graph/inferred", 100), ("/dumps/void.ttl", 50)):
        g = Graph()
        g.parse(BASE + path)  # rdflib's own content negotiation (RDF/XML first)
        check("rdflib Graph().parse(%s)" % path, len(g) >= least, len(g))
    g = Graph().parse(BASE + "/id/wet/wet-goed-verhuurderschap")
    check("rdflib reads the law's labels", len(list(g.objects(LAW, RDFS.label))) >= 2)
    for fmt in ("turtle", "json-ld", "nt", "application/rdf+xml"):
        g = Graph().parse(BASE + "/id/wet/wet-goed-verhuurderschap", format=fmt)
        check("rdflib Graph().parse(…, format=%s)" % fmt, (LAW, RDF.type, None) in g, len(g))


def rdflib_sparqlstore():
    store = SPARQLStore(ENDPOINT)
    g = Graph(store=store)
    rows = list(g.query(PROBLEMS))
    check("rdflib SPARQLStore SELECT", len(rows) == 5, rows)
    check("rdflib SPARQLStore ASK", bool(g.query("ASK { ?s ?p ?o }")))
    triples = list(g.triples((LAW, None, None)))
    check("rdflib SPARQLStore triples()", len(triples) > 5, len(triples))
    check("rdflib SPARQLStore membership", (LAW, RDF.type, None) in g)
    constructed = g.query(CONSTRUCT)
    check("rdflib SPARQLStore CONSTRUCT", len(constructed.graph) > 5, len(constructed.graph))


if __name__ == "__main__":
    sparqlwrapper()
    rdflib_dereferencing()
    rdflib_sparqlstore()
    print("all python client checks passed")
