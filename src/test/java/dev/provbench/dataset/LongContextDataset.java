package dev.provbench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes {@code data/long-context.jsonl}: retrieval questions over invented survey reports. Each report describes
 * places that never existed, with facts written {@code The <attribute> of <place> is <value>.} among descriptive
 * sentences; each case asks {@code What is the <attribute> of <place>?} about one of them, and other places share
 * the attribute with other values, so a careless reader has something wrong to say. Long cases carry a report of
 * about 13,600 characters on average (3,500 prompt tokens with the job's messages), short ones about 1,100 (300 tokens).
 * Deterministic: one seed, no clock. Regenerate with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.provbench.dataset.LongContextDataset}.
 */
public final class LongContextDataset {
  public static final Path FILE = Path.of("data/long-context.jsonl");
  static final int LONG_CASES = 16;
  static final int SHORT_CASES = 16;
  static final int LONG_CHARS = 12_900;
  static final int SHORT_CHARS = 1_000;
  private static final long SEED = 20_240_611L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] HEADS = {"Vel", "Mar", "Ost", "Brin", "Tal", "Kor", "Esk", "Hal", "Dun", "Quen", "Ros",
      "Fen", "Lor", "Wyn", "Cal", "Ard", "Tam", "Gil", "Orm", "Sel", "Bra", "Nim", "Pell", "Yar"};
  private static final String[] TAILS = {"den", "wick", "mere", "holt", "stad", "ford", "reach", "moor", "gate", "vale",
      "crest", "haven", "by", "thorpe", "combe", "ness"};
  private static final String[] KINDS = {"Port %s", "%s Station", "Fort %s", "%s Works", "%s Landing", "Upper %s",
      "%s Crossing", "Lower %s", "%s Junction", "%s Quay"};
  private static final String[] FIRST_NAMES = {"Ilsa", "Teodor", "Marit", "Oskar", "Wenna", "Bram", "Liesl", "Corin",
      "Hedda", "Aurel", "Sanne", "Piet", "Edda", "Falk", "Runa", "Ivo", "Greta", "Lenz", "Maren", "Tobin"};
  private static final String[] SURNAMES = {"Marrow", "Tallow", "Quill", "Hesketh", "Brannock", "Vey", "Olderby",
      "Pennick", "Sorrel", "Dawkin", "Ferrow", "Galloway", "Ashdown", "Pruett", "Wrenfield", "Coble"};
  private static final String[] EXPORTS = {"salted cod", "blue slate", "juniper oil", "copper wire", "felt hats",
      "glass beads", "peat bricks", "tin lanterns", "hemp rope", "amber resin", "dried kelp", "clay pipes"};
  private static final String[] COLOURS = {"amber", "violet", "teal", "crimson", "ochre", "slate grey", "pale green",
      "indigo", "saffron", "rust red"};
  private static final String[] STONES = {"granite", "sandstone", "basalt", "limestone", "flint", "marble", "shale"};

  /** An attribute and how its values are made. */
  private record Attribute(String name, Function<SplittableRandom, String> value) {}

  private static final List<Attribute> ATTRIBUTES = List.of(
      new Attribute("harbour master", LongContextDataset::person),
      new Attribute("founding year", r -> String.valueOf(1600 + r.nextInt(350))),
      new Attribute("chief engineer", LongContextDataset::person),
      new Attribute("main export", r -> pick(r, EXPORTS)),
      new Attribute("signal colour", r -> pick(r, COLOURS)),
      new Attribute("resident population", r -> String.valueOf(120 + r.nextInt(9_000))),
      new Attribute("registry code", r -> (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + "-"
          + (1000 + r.nextInt(9000))),
      new Attribute("night ferry captain", LongContextDataset::person),
      new Attribute("building stone", r -> pick(r, STONES)),
      new Attribute("elevation", r -> (5 + r.nextInt(900)) + " metres"),
      new Attribute("oldest bridge", r -> place(r) + " Bridge"),
      new Attribute("archive keeper", LongContextDataset::person));

  private static final String[] FILLERS = {
      "Visitors arriving by the %s road pass %s orchards and %s sheds before the first houses come into view.",
      "In %s the lanes around %s fill with carts, and the market runs until the lamps are lit.",
      "Survey teams counted %d %s along the shore, most of them in need of fresh paint.",
      "A narrow path leads from %s towards %s, crossing %d small streams on the way.",
      "Older residents still speak about the winter when the %s froze solid and the %s had to be carried by hand.",
      "Our inspectors noted %s gutters, %s fences and a well-kept square with a fountain that no longer runs.",
      "Fishing boats leave before dawn and return by noon, when the gulls gather over the %s sheds.",
      "Records held by the district office mention %d repairs to the sea wall during the last decade.",
      "Children walk to the schoolhouse at %s, which also serves as a meeting hall on feast days.",
      "Travellers are advised to carry %s coats, as the wind off the %s can turn within the hour.",
      "The weekly post arrives on %s, carried up from %s in a covered wagon.",
      "Several families keep %s goats on the slopes above the village, and their cheese is sold as far as %s."};
  private static final String[] ADJECTIVES = {"walled", "quiet", "crowded", "weathered", "sheltered", "windswept",
      "terraced", "narrow", "sunlit", "damp", "tidy", "crooked"};
  private static final String[] THINGS = {"moorings", "boathouses", "lamp posts", "net lofts", "stone steps", "sluices",
      "warehouses", "chimneys"};
  private static final String[] GUTTERS = {"clean", "blocked", "new", "rusted", "sagging"};
  private static final String[] COATS = {"warm", "waxed", "heavy", "woollen", "oiled"};
  private static final String[] SEASONS = {"spring", "early summer", "the harvest weeks", "late autumn", "midwinter"};
  private static final String[] DAYS = {"Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"};
  private static final String[] WATERS = {"estuary", "harbour", "mill race", "canal", "bay", "lake"};

  private LongContextDataset() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, jsonl());
    System.out.println("wrote " + FILE);
  }

  /** The whole file: long cases first, then short ones, one JSON object a line. */
  public static String jsonl() {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= LONG_CASES; i++) out.append(line(String.format("long-%02d", i), "long", LONG_CHARS, 2, random.split()));
    for (int i = 1; i <= SHORT_CASES; i++) out.append(line(String.format("short-%02d", i), "short", SHORT_CHARS, 0, random.split()));
    return out.toString();
  }

  /** One place of a report: its name and its facts, attribute name to value. */
  private record Place(String name, Map<String, String> facts) {}

  /** A case whose report reaches {@code chars} characters, with {@code fillers} descriptive sentences after each fact. */
  private static String line(String id, String length, int chars, int fillers, SplittableRandom r) {
    String region = place(r);
    List<Place> places = new ArrayList<>();
    Map<String, Set<String>> valuesByAttribute = new LinkedHashMap<>();
    StringBuilder report = new StringBuilder("Survey of the " + region + " District, volume " + (2 + r.nextInt(30))
        + "\n\nThis report describes the settlements of the " + region + " District as our inspectors found them."
        + " Facts are recorded in the register's standard form.\n");
    while (report.length() < chars) {
      Place p = newPlace(r, places, valuesByAttribute);
      places.add(p);
      report.append('\n').append(section(p, places, fillers, r));
    }
    Place asked = places.get(r.nextInt(places.size()));
    List<String> shared = asked.facts().keySet().stream()
        .filter(a -> places.stream().anyMatch(o -> o != asked && o.facts().containsKey(a))).toList();
    String attribute = shared.isEmpty() ? asked.facts().keySet().iterator().next() : pick(r, shared.toArray(String[]::new));
    ObjectNode row = JSON.createObjectNode().put("id", id);
    row.putObject("input").put("document", report.toString().strip())
        .put("question", "What is the " + attribute + " of " + asked.name() + "?");
    row.put("expected", asked.facts().get(attribute));
    row.putObject("metadata").put("length", length);
    try {
      return JSON.writeValueAsString(row) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A place with a new name and five or six attributes, each value unlike the report's others for it. */
  private static Place newPlace(SplittableRandom r, List<Place> places, Map<String, Set<String>> valuesByAttribute) {
    String name;
    do {
      name = String.format(pick(r, KINDS), place(r));
    } while (isTaken(name, places));
    List<Attribute> pool = new ArrayList<>(ATTRIBUTES);
    Map<String, String> facts = new LinkedHashMap<>();
    int count = 5 + r.nextInt(2);
    while (facts.size() < count && !pool.isEmpty()) {
      Attribute a = pool.remove(r.nextInt(pool.size()));
      Set<String> used = valuesByAttribute.computeIfAbsent(a.name(), k -> new LinkedHashSet<>());
      // A few tries: an attribute with few values (colours, stones) may have none left in this report.
      for (int tries = 0; tries < 20; tries++) {
        String value = a.value().apply(r);
        if (used.add(value)) {
          facts.put(a.name(), value);
          break;
        }
      }
    }
    return new Place(name, facts);
  }

  private static boolean isTaken(String name, List<Place> places) {
    return places.stream().anyMatch(p -> p.name().equals(name));
  }

  /** A heading, then the facts, each followed by {@code fillers} descriptive sentences, and one sentence to close. */
  private static String section(Place p, List<Place> places, int fillers, SplittableRandom r) {
    StringBuilder s = new StringBuilder(p.name()).append("\n");
    for (Map.Entry<String, String> fact : p.facts().entrySet()) {
      s.append("The ").append(fact.getKey()).append(" of ").append(p.name()).append(" is ").append(fact.getValue()).append(". ");
      for (int i = 0; i < fillers; i++) s.append(filler(r, p, places)).append(' ');
    }
    return s.append(filler(r, p, places)).append("\n").toString();
  }

  private static String filler(SplittableRandom r, Place p, List<Place> places) {
    int i = r.nextInt(FILLERS.length);
    List<Place> others = places.stream().filter(o -> o != p).toList();
    String other = others.isEmpty() ? place(r) : others.get(r.nextInt(others.size())).name();
    return switch (i) {
      case 0 -> String.format(FILLERS[i], place(r), pick(r, ADJECTIVES), pick(r, ADJECTIVES));
      case 1 -> String.format(FILLERS[i], pick(r, SEASONS), p.name());
      case 2 -> String.format(FILLERS[i], 3 + r.nextInt(60), pick(r, THINGS));
      case 3 -> String.format(FILLERS[i], p.name(), other, 2 + r.nextInt(9));
      case 4 -> String.format(FILLERS[i], pick(r, WATERS), pick(r, THINGS));
      case 5 -> String.format(FILLERS[i], pick(r, GUTTERS), pick(r, ADJECTIVES));
      case 6 -> String.format(FILLERS[i], pick(r, ADJECTIVES));
      case 7 -> String.format(FILLERS[i], 2 + r.nextInt(40));
      case 8 -> String.format(FILLERS[i], p.name());
      case 9 -> String.format(FILLERS[i], pick(r, COATS), pick(r, WATERS));
      case 10 -> String.format(FILLERS[i], pick(r, DAYS), other);
      default -> String.format(FILLERS[i], pick(r, ADJECTIVES), other);
    };
  }

  private static String person(SplittableRandom r) {
    return pick(r, FIRST_NAMES) + " " + pick(r, SURNAMES);
  }

  private static String place(SplittableRandom r) {
    return pick(r, HEADS) + pick(r, TAILS);
  }

  private static String pick(SplittableRandom r, String[] from) {
    return from[r.nextInt(from.length)];
  }
}
