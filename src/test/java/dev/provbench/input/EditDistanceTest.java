package dev.provbench.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
      ''       | ''        | 0
      abc      | ''        | 3
      ''       | abc       | 3
      kitten   | sitting   | 3
      flaw     | lawn      | 2
      concurency | concurrency | 1
      trails   | trials    | 2
      naïve    | naive     | 1
      a😀b     | ab        | 1
      """)
  void countsEditsInCodePoints(String a, String b, int distance) {
    assertEquals(distance, EditDistance.of(a, b));
    assertEquals(distance, EditDistance.of(b, a));
  }
}
