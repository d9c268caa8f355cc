package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ValidJSON}: 1 when the output is exactly one JSON value and, when the scorer has a {@code schema} option,
 * that value is valid against it (JSON Schema draft 2020-12 unless the schema names another in {@code $schema});
 * else 0 with the first problems as the note. Thread-safe: a compiled {@link Schema} is immutable.
 *
 * @param schema the compiled schema, or null to check syntax only.
 */
public record ValidJson(Schema schema) implements Scorer {
  public static final String NAME = "ValidJSON";
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** Compiles a schema given as JSON; fails with the library's message when it is not a schema. */
  public static Schema compile(JsonNode schema) {
    if (schema == null || !(schema.isObject() || schema.isBoolean())) {
      throw new IllegalArgumentException("a JSON schema must be an object, got " + (schema == null ? "nothing" : schema.getNodeType()));
    }
    Schema s = REGISTRY.getSchema(schema.toString());
    s.initializeValidators();
    return s;
  }

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    JsonNode value = JsonText.parse(a.output());
    if (value == null) return new Score(0, JsonText.problem(a.output()));
    if (schema == null) return new Score(1, null);
    List<Error> errors = schema.validate(value);
    if (errors.isEmpty()) return new Score(1, null);
    return new Score(0, errors.stream().limit(3).map(Error::toString).collect(Collectors.joining("; ")));
  }
}
