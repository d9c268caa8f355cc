package dev.provbench.run;

import dev.provbench.results.ResultSchema;

import java.sql.Timestamp;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet layout of a results file, derived from {@link ResultSchema#SCHEMA} (less the {@code run_id}
 * partition column), and the conversion of a row into it. Executors write these files themselves, so a
 * chunk is durable as soon as it is committed. Timestamps are microseconds since the epoch (UTC), lists
 * use the standard three-level layout: Spark, DuckDB and other engines read them alike. Thread-safe.
 */
final class ParquetCellFormat {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType(message(ResultSchema.SCHEMA));
  private static final SimpleGroupFactory GROUPS = new SimpleGroupFactory(SCHEMA);

  private ParquetCellFormat() {}

  static Group toGroup(Row row) {
    Group g = GROUPS.newGroup();
    fill(g, row, fileFields());
    return g;
  }

  private static List<StructField> fileFields() {
    return List.of(ResultSchema.SCHEMA.fields()).subList(0, ResultSchema.SCHEMA.fields().length - 1);
  }

  private static void fill(Group g, Row row, List<StructField> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (row.isNullAt(i)) continue;
      StructField f = fields.get(i);
      Object v = row.get(i);
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) g.append(f.name(), (String) v);
      else if (t.equals(DataTypes.IntegerType)) g.append(f.name(), (Integer) v);
      else if (t.equals(DataTypes.LongType)) g.append(f.name(), (Long) v);
      else if (t.equals(DataTypes.DoubleType)) g.append(f.name(), (Double) v);
      else if (t.equals(DataTypes.BooleanType)) g.append(f.name(), (Boolean) v);
      else if (t.equals(DataTypes.TimestampType)) g.append(f.name(), micros((Timestamp) v));
      else if (t instanceof ArrayType a && a.elementType() instanceof StructType s) {
        Group list = g.addGroup(f.name());
        for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) v)) {
          fill(list.addGroup("list").addGroup("element"), (Row) element, List.of(s.fields()));
        }
      } else if (t instanceof ArrayType a && a.elementType().equals(DataTypes.IntegerType)) {
        Group list = g.addGroup(f.name());
        for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) v)) {
          list.addGroup("list").append("element", (Integer) element);
        }
      } else {
        throw new IllegalStateException("no Parquet mapping for column " + f.name() + " of type " + t);
      }
    }
  }

  private static long micros(Timestamp t) {
    return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000;
  }

  private static String message(StructType schema) {
    StringBuilder sb = new StringBuilder("message provbench_cell {\n");
    for (StructField f : fileFieldsOf(schema)) sb.append(field(f, "  "));
    return sb.append("}\n").toString();
  }

  private static List<StructField> fileFieldsOf(StructType schema) {
    return List.of(schema.fields()).stream().filter(f -> !f.name().equals("run_id")).toList();
  }

  private static String field(StructField f, String indent) {
    String rep = f.nullable() ? "optional" : "required";
    DataType t = f.dataType();
    if (t instanceof ArrayType a && a.elementType() instanceof StructType s) {
      StringBuilder sb = new StringBuilder(indent + rep + " group " + f.name() + " (LIST) {\n");
      sb.append(indent).append("  repeated group list {\n");
      sb.append(indent).append("    required group element {\n");
      for (StructField inner : s.fields()) sb.append(field(inner, indent + "      "));
      return sb.append(indent).append("    }\n").append(indent).append("  }\n").append(indent).append("}\n").toString();
    }
    if (t instanceof ArrayType a && a.elementType().equals(DataTypes.IntegerType)) {
      return indent + rep + " group " + f.name() + " (LIST) {\n" + indent + "  repeated group list {\n" + indent
          + "    required int32 element;\n" + indent + "  }\n" + indent + "}\n";
    }
    String type;
    if (t.equals(DataTypes.StringType)) type = "binary " + f.name() + " (STRING)";
    else if (t.equals(DataTypes.IntegerType)) type = "int32 " + f.name();
    else if (t.equals(DataTypes.LongType)) type = "int64 " + f.name();
    else if (t.equals(DataTypes.DoubleType)) type = "double " + f.name();
    else if (t.equals(DataTypes.BooleanType)) type = "boolean " + f.name();
    else if (t.equals(DataTypes.TimestampType)) type = "int64 " + f.name() + " (TIMESTAMP(MICROS,true))";
    else throw new IllegalStateException("no Parquet mapping for column " + f.name() + " of type " + t);
    return indent + rep + " " + type + ";\n";
  }
}
