package org.dsdl.app.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, stratified choices of exemplars and the order of minibatches. */
public final class Sampling {
  private Sampling() {}

  /**
   * Up to {@code perClass} exemplars of each class, chosen uniformly by the seed; returned in
   * ascending index order, so the subset depends on the seed only, not on later code.
   */
  public static int[] stratified(int[] labels, int classes, int perClass, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Integer> chosen = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
      shuffle(idx, rnd.split());
      for (int k = 0; k < Math.min(perClass, idx.length); k++) {
        chosen.add(idx[k]);
      }
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** The order in which epoch {@code epoch} visits the {@code n} training exemplars. */
  public static int[] epochOrder(int n, long shuffleSeed, int epoch) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    shuffle(idx, new SplittableRandom(Seeds.mix(shuffleSeed, epoch)));
    return idx;
  }

  private static void shuffle(int[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
