package dev.provbench.analysis.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One JSON document: {@code run}, {@code simulated}, {@code load_step} (on a run with a load ladder: the
 * {@code step} the ordinary tables show, its {@code concurrency}, the ladder's {@code steps}), {@code insights}
 * ({@code text}, {@code basis}) and {@code tables} ({@code id}, {@code title}, {@code coverage}, {@code columns},
 * {@code rows} as objects keyed by column name, raw values, null for missing).
 */
final class JsonOutput {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOutput() {}

  static String render(WriteUp writeUp) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run", writeUp.run());
    root.put("simulated", writeUp.simulated());
    if (writeUp.comparedWith() != null) root.put("compared_with", writeUp.comparedWith());
    WriteUp.LoadStep step = writeUp.loadStep();
    if (step != null) root.putObject("load_step").put("step", step.step()).put("concurrency", step.concurrency()).put("steps", step.steps());
    ArrayNode insights = root.putArray("insights");
    writeUp.insights().forEach(i -> insights.addObject().put("text", i.text()).put("basis", i.basis()));
    ArrayNode tables = root.putArray("tables");
    for (AnalysisTable t : writeUp.tables()) {
      ObjectNode table = tables.addObject().put("id", t.id()).put("title", t.title()).put("coverage", t.coverage());
      ArrayNode columns = table.putArray("columns");
      t.columns().forEach(c -> columns.add(c.name()));
      ArrayNode rows = table.putArray("rows");
      for (List<Object> r : t.rows()) {
        ObjectNode row = rows.addObject();
        for (int c = 0; c < r.size(); c++) put(row, t.columns().get(c).name(), r.get(c));
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the analysis as JSON", e);
    }
  }

  private static void put(ObjectNode row, String name, Object v) {
    if (v == null) row.putNull(name);
    else if (v instanceof Long l) row.put(name, l);
    else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) row.putNull(name);
      else row.put(name, d);
    } else row.put(name, v.toString());
  }
}
