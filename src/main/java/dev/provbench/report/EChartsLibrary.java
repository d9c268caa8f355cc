package dev.provbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts, the charting library the report page inlines: {@code echarts.min.js} of the
 * {@code org.webjars.npm:echarts} jar on the classpath, licence header included. Chosen because it is an Apache
 * project, well kept, one file with no other dependency, and has what the page needs built in: a canvas renderer that
 * copes with many points, hover tooltips, legend toggles and zoom. Read once per JVM; immutable.
 */
final class EChartsLibrary {
  private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
  private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  /** The library's version, e.g. {@code 5.3.1}. */
  static final String VERSION = version();
  /** The minified library, as the page inlines it. */
  static final String SCRIPT = read(WEBJAR + VERSION + "/dist/echarts.min.js");

  private EChartsLibrary() {}

  private static String version() {
    Properties pom = new Properties();
    try (InputStream in = open(POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM, e);
    }
    return pom.getProperty("version");
  }

  private static String read(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = EChartsLibrary.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the classpath: the report needs the"
          + " org.webjars.npm:echarts jar");
    }
    return in;
  }
}
