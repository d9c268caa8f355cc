import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a factuality dataset of the reference shape with as many stories as asked, three cases each (a correct,
 * a different and a superset submission), to standard output as JSON. The stories are invented from a few frames
 * with drawn names, places and numbers; the same arguments give the same file.
 *
 * <pre>java data/generate/FactualityCases.java 200 7 &gt; data/factuality-600.json</pre>
 *
 * Arguments: stories (default 200), seed (default 7).
 */
public class FactualityCases {
  static final String[] FIRST = {"Mirela", "Tomas", "Ines", "Oskar", "Dalia", "Renzo", "Hedda", "Piet", "Liora",
      "Anselm", "Maren", "Teodor", "Greta", "Ilya", "Noor", "Caspar", "Wilma", "Bruno", "Selka", "Arvid", "Odile",
      "Fenna", "Ludo", "Marit"};
  static final String[] LAST = {"Dunst", "Veeder", "Halloran", "Kessling", "Marwick", "Oyelaran", "Prusk", "Quill",
      "Rasmund", "Sorensby", "Tallow", "Ubaldi", "Vantongeren", "Wexley", "Yarrow", "Zelenka", "Brandt", "Corwin",
      "Dellacroix", "Essery"};
  static final String[] TOWN = {"Grell Point", "Orrin", "Marrowby", "Esk Hollow", "Tamsett", "Pellard", "Cairnlow",
      "Dunmere", "Hob's Reach", "Larkfield", "Wickerby", "Stavely Cross"};
  static final String[] COLOUR = {"green", "red", "blue", "yellow", "grey", "white", "orange", "violet"};
  static final String[] ANIMAL = {"goat", "heron", "spaniel", "mule", "parrot", "tortoise", "ferret", "pony"};
  static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve"};

  record Case(String id, String story, String question, String expert, String different, String superset) {}

  public static void main(String[] args) {
    int stories = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 7);
    List<Case> cases = new ArrayList<>();
    for (int s = 1; s <= stories; s++) cases.add(story(String.format("g%03d", s), random));
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String prompt = c.story() + "\n\nQuestion: " + c.question();
      out.append(entry(c.id() + "-correct", prompt, c.expert(), c.expert(), "1", c.id(), "correct")).append(",\n");
      out.append(entry(c.id() + "-different", prompt, c.different(), c.expert(), "0", c.id(), "different")).append(",\n");
      out.append(entry(c.id() + "-superset", prompt, c.superset(), c.expert(), "0.6", c.id(), "superset"));
      out.append(i + 1 < cases.size() ? ",\n" : "\n");
    }
    System.out.print(out.append("]\n"));
  }

  static Case story(String id, Random r) {
    String name = pick(FIRST, r) + " " + pick(LAST, r);
    String first = name.split(" ")[0];
    String town = pick(TOWN, r);
    String colour = pick(COLOUR, r);
    String animal = pick(ANIMAL, r);
    int years = 3 + r.nextInt(40);
    int other = years + 1 + r.nextInt(9);
    int count = 2 + r.nextInt(11);
    int steps = 40 + r.nextInt(160);
    return switch (r.nextInt(6)) {
      case 0 -> new Case(id, name + " kept the lighthouse above " + town + " for " + years + " years. Every evening "
          + first + " climbed " + steps + " steps to light the lamp and logged the weather in a " + colour
          + " ledger. A " + animal + " named Pim lived in the keeper's cottage.",
          "For how many years did " + name + " keep the lighthouse?", years + " years", other + " years",
          years + " years, logging the weather in a " + colour + " ledger");
      case 1 -> new Case(id, "The bakery on the square in " + town + " belongs to " + name + ", who bakes "
          + NUMBER_WORDS[count] + " kinds of bread every morning. The ovens are lit at four, and the " + colour
          + " shutters open at seven. A " + animal + " sleeps by the door.",
          "How many kinds of bread does " + name + " bake every morning?", count + " kinds",
          "The shutters are " + colour + ".", NUMBER_WORDS[count] + " kinds, baked after the ovens are lit at four");
      case 2 -> new Case(id, name + " runs the ferry that crosses to " + town + ". The boat is painted " + colour
          + ", carries " + steps + " passengers at most, and has a " + animal + " as its mascot. The crossing takes "
          + years + " minutes.",
          "What colour is the ferry that " + name + " runs?", colour, pick(COLOUR, r, colour),
          colour + ", with a " + animal + " as its mascot");
      case 3 -> new Case(id, "In " + town + ", " + name + " trains a " + animal + " called Juniper for the summer "
          + "fair. Juniper has won " + NUMBER_WORDS[count] + " ribbons, all of them " + colour + ". Training starts "
          + "at dawn and lasts " + years + " minutes.",
          "What kind of animal is Juniper?", "a " + animal, "a " + pick(ANIMAL, r, animal),
          "a " + animal + " that has won " + count + " ribbons");
      case 4 -> new Case(id, "The " + town + " library was founded by " + name + " and holds " + steps
          + " atlases. Its reading room has " + NUMBER_WORDS[count] + " long tables under a " + colour
          + " ceiling, and a stuffed " + animal + " guards the stairs.",
          "Who founded the " + town + " library?", name, pick(FIRST, r, first) + " " + pick(LAST, r),
          name + ", who also collected its " + steps + " atlases");
      default -> new Case(id, name + " walks the " + town + " canal path every Sunday, a loop of " + count
          + " kilometres past " + NUMBER_WORDS[Math.min(12, 2 + count % 9)] + " locks. " + first + " always "
          + "stops at a " + colour + " kiosk for tea and feeds the " + animal + " that waits there.",
          "How long is the loop that " + name + " walks?", count + " kilometres", (count + 3) + " kilometres",
          count + " kilometres, stopping at a " + colour + " kiosk for tea");
    };
  }

  static String pick(String[] values, Random r) {
    return values[r.nextInt(values.length)];
  }

  /** A value other than {@code not}. */
  static String pick(String[] values, Random r, String not) {
    String v;
    do v = pick(values, r); while (v.equalsIgnoreCase(not));
    return v;
  }

  static String entry(String id, String input, String output, String expected, String gold, String story, String kind) {
    return "{\"id\": " + json(id) + ", \"input\": {\"input\": " + json(input) + ", \"output\": " + json(output)
        + ", \"expected\": " + json(expected) + "}, \"expected\": " + gold + ", \"metadata\": {\"story\": "
        + json(story) + ", \"kind\": " + json(kind) + "}}";
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
