package dev.provbench.dataset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/** Reads cases from one Parquet file: columns id, input (a struct, or text), expected, metadata. */
final class ParquetCases {
  private ParquetCases() {}

  static List<EvalCase> read(StoragePath file) throws IOException {
    List<EvalCase> out = new ArrayList<>();
    Path path = new Path(file.absolute().toUri());
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path)
        .withConf(Storage.configuration()).build()) {
      Group g;
      while ((g = reader.read()) != null) {
        out.add(CaseParser.parse(toJson(g), file + ": row " + (out.size() + 1)));
      }
    }
    return out;
  }

  private static ObjectNode toJson(Group g) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    GroupType type = g.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type field = type.getType(i);
      if (g.getFieldRepetitionCount(i) == 0) continue;
      if (!field.isPrimitive()) {
        node.set(field.getName(), toJson(g.getGroup(i, 0)));
        continue;
      }
      switch (field.asPrimitiveType().getPrimitiveTypeName()) {
        case DOUBLE -> node.put(field.getName(), g.getDouble(i, 0));
        case FLOAT -> node.put(field.getName(), g.getFloat(i, 0));
        case INT32 -> node.put(field.getName(), g.getInteger(i, 0));
        case INT64 -> node.put(field.getName(), g.getLong(i, 0));
        case BOOLEAN -> node.put(field.getName(), g.getBoolean(i, 0));
        default -> node.put(field.getName(), g.getValueToString(i, 0));
      }
    }
    return node;
  }
}
