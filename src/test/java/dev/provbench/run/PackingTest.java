package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Model shares packed into task slots: each share in exactly one partition, windows spread evenly, bounds kept. */
class PackingTest {

  /** Shares of the given windows, one model each. */
  private static List<PartitionSpec> shares(int... windows) {
    List<PartitionSpec> out = new ArrayList<>();
    for (int i = 0; i < windows.length; i++) out.add(new PartitionSpec(i, 0, i, 0, 1, windows[i], 1.0 / windows.length));
    return out;
  }

  /** Packs and returns each partition's total window, after checking every share is in exactly one partition. */
  private static List<Integer> windows(int slots, int... shareWindows) {
    List<PartitionSpec> shares = shares(shareWindows);
    List<PackedPartition> packed = CellPlanner.pack(shares, slots);
    List<PartitionSpec> placed = packed.stream().flatMap(p -> p.shares().stream())
        .sorted(Comparator.comparingInt(PartitionSpec::index)).toList();
    assertEquals(shares, placed, "every share exactly once");
    for (int i = 0; i < packed.size(); i++) assertEquals(i, packed.get(i).index());
    return packed.stream().map(PackedPartition::window).toList();
  }

  @Test
  void sharesArePackedIntoTheSlots() {
    assertEquals(List.of(15, 15), windows(2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));     // the demo on 2 slots
    assertEquals(List.of(3, 3, 3), windows(8, 3, 3, 3));                          // more slots than shares
    assertEquals(List.of(9), windows(1, 3, 3, 3));
    assertEquals(List.of(9), windows(0, 3, 3, 3));                                // no slot known: one task
    assertEquals(List.of(8, 8), windows(2, 8, 4, 2, 1, 1));                       // largest first, fewest in flight
    assertEquals(List.of(7, 7, 6), windows(3, 4, 3, 3, 3, 3, 2, 1, 1));
  }

  @Test
  void packingIsTheSameEachTime() {
    List<PartitionSpec> shares = shares(5, 1, 4, 2, 2, 3, 1);
    assertEquals(CellPlanner.pack(shares, 3), CellPlanner.pack(shares, 3));
  }

  @Test
  void eachLaneKeepsItsOwnWindow() {
    int[] windows = {1, 2, 3};
    AtomicInteger[] now = IntStream.range(0, 3).mapToObj(i -> new AtomicInteger()).toArray(AtomicInteger[]::new);
    AtomicInteger[] max = IntStream.range(0, 3).mapToObj(i -> new AtomicInteger()).toArray(AtomicInteger[]::new);
    List<WindowedIterator.Lane<Integer, Integer>> lanes = new ArrayList<>();
    for (int lane = 0; lane < 3; lane++) {
      int l = lane;
      lanes.add(new WindowedIterator.Lane<>(IntStream.range(0, 30).boxed().iterator(), windows[l], item -> {
        max[l].accumulateAndGet(now[l].incrementAndGet(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        now[l].decrementAndGet();
        return l;
      }));
    }
    int[] seen = new int[3];
    try (WindowedIterator<Integer, Integer> it = new WindowedIterator<>(lanes, "lanes-test")) {
      while (it.hasNext()) seen[it.next()]++;
    }
    for (int l = 0; l < 3; l++) {
      assertEquals(30, seen[l], "lane " + l + " results");
      assertEquals(windows[l], max[l].get(), "lane " + l + " in flight at most");
      assertTrue(max[l].get() <= windows[l]);
    }
  }
}
