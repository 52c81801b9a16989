package nl.arbeidsmigratie.kg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;

/**
 * The official JSON Schemas of the Reconciliation Service API 0.2 (copied unchanged into
 * {@code src/test/resources/reconcile/schemas/} from {@code ../shared/reconciliation-api/0.2/schemas/}), checked with
 * networknt's json-schema-validator. Their {@code $id}s are mapped to the copies, so nothing is fetched.
 */
public final class Schemas {
    private static final String SPEC = "https://reconciliation-api.github.io/specs/0.2/schemas/";
    private static final String DRAFT = "https://reconciliation-api.github.io/specs/draft/schemas/";
    /**
     * The schemas say {@code "$schema": "http://json-schema.org/schema#"} ("the latest draft"), which no validator
     * can load; they are written in draft-07 (the newest keyword they use is {@code contains}), so that id is
     * registered as draft-07.
     */
    private static final Dialect LATEST = Dialect.builder("http://json-schema.org/schema#", Dialects.getDraft7()).build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialects(List.of(Dialects.getDraft7(), LATEST),
            b -> b.defaultDialectId(Dialects.getDraft7().getId()).schemaIdResolvers(r -> r.mapPrefix(SPEC, "classpath:reconcile/schemas/")
                    .mapPrefix(DRAFT, "classpath:reconcile/schemas/")
                    // the manifest's optional "authentication" refers to the Swagger 2.0 schema, which the spec ships as openapi.json
                    .mapPrefix("http://swagger.io/v2/schema.json", "classpath:reconcile/schemas/openapi.json")));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Schemas() {}

    /** The validation errors of {@code json} against schema {@code name} (e.g. "manifest"); empty when valid. */
    public static List<String> errors(String name, String json) {
        Schema s = SCHEMAS.computeIfAbsent(name, n -> REGISTRY.getSchema(SchemaLocation.of(SPEC + n + ".json")));
        return s.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static void assertValid(String name, String json) {
        assertEquals(List.of(), errors(name, json), name + ": " + (json.length() > 2000 ? json.substring(0, 2000) + "…" : json));
    }
}
