package nl.arbeidsmigratie.kg.query;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

/**
 * A prepared question with its parameters checked and typed: the values to substitute into the parsed query, and
 * the canonical key of the answer.
 */
public record BoundQuery(PreparedQuery query, AnswerKey key, Map<Var, Node> bindings) {}
