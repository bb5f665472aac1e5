package org.dsdl.datasets.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetException;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;

/** Applies a {@link Selection} to {@link SourceData}: choose, balance, check, resize, normalise. */
public final class Selector {
  private Selector() {}

  /** The selected dataset; a class with too few exemplars or an unknown class is a {@link DatasetException}. */
  public static Dataset apply(String name, SourceData source, Selection sel, long seed) {
    List<Integer> chosen = resolveClasses(source.classNames(), sel.classes());
    List<String> names = chosen.stream().map(source.classNames()::get).toList();
    Split train = pick("training", source.train(), chosen, names, sel.trainPerClass(), sel.minPerClass(), seed);
    Split test = pick("held-out", source.test(), chosen, names, sel.testPerClass(), 1, seed ^ 0x5DEECE66DL);
    ImageShape shape = source.shape();
    if (sel.size() > 0 && (shape.height() != sel.size() || shape.width() != sel.size())) {
      ImageShape to = new ImageShape(sel.size(), sel.size(), shape.channels());
      train = Resize.bilinear(train, to);
      test = Resize.bilinear(test, to);
      shape = to;
    }
    if (sel.mean() != 0 || sel.std() != 1) {
      normalise(train.images(), sel.mean(), sel.std());
      normalise(test.images(), sel.mean(), sel.std());
    }
    Map<String, Object> provenance = new LinkedHashMap<>(source.provenance());
    provenance.put("sourceClasses", source.classNames());
    provenance.put("sourceShape", source.shape().toString());
    provenance.put("selection", sel.toString());
    return new Dataset(name, names, shape, train, test, provenance);
  }

  static List<Integer> resolveClasses(List<String> all, List<String> wanted) {
    List<Integer> out = new ArrayList<>();
    if (wanted.isEmpty()) {
      for (int i = 0; i < all.size(); i++) {
        out.add(i);
      }
      return out;
    }
    for (String w : wanted) {
      int index = all.indexOf(w);
      if (index < 0 && w.matches("\\d+") && Integer.parseInt(w) < all.size()) {
        index = Integer.parseInt(w);
      }
      if (index < 0) {
        throw new DatasetException("classes: unknown class '" + w + "'; the dataset's classes are " + all + " (or their indices 0.." + (all.size() - 1) + ")");
      }
      if (out.contains(index)) {
        throw new DatasetException("classes: '" + w + "' is chosen twice");
      }
      out.add(index);
    }
    if (out.size() < 2) {
      throw new DatasetException("classes: choose at least 2 classes, got " + wanted);
    }
    return out;
  }

  /** Up to {@code perClass} (0 = all) exemplars of each chosen class, relabelled, in class then source order. */
  private static Split pick(String what, Split split, List<Integer> chosen, List<String> names, int perClass, int min, long seed) {
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < chosen.size(); c++) {
      members.add(new ArrayList<>());
    }
    int[] map = new int[Math.max(1, maxLabel(split) + 1)];
    java.util.Arrays.fill(map, -1);
    for (int c = 0; c < chosen.size(); c++) {
      if (chosen.get(c) < map.length) {
        map[chosen.get(c)] = c;
      }
    }
    for (int i = 0; i < split.size(); i++) {
      int c = map[split.labels()[i]];
      if (c >= 0) {
        members.get(c).add(i);
      }
    }
    List<Integer> indices = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int c = 0; c < chosen.size(); c++) {
      List<Integer> m = members.get(c);
      SplittableRandom classRandom = rnd.split();
      int want = perClass == 0 ? m.size() : perClass;
      if (m.size() < Math.max(want, min)) {
        throw new DatasetException("class '" + names.get(c) + "' has " + m.size() + " " + what + " exemplars; "
            + (m.size() < min ? "at least " + min + " are needed (minPerClass)" : want + " were asked for (" + (what.equals("training") ? "trainPerClass" : "testPerClass") + ")"));
      }
      int[] idx = m.stream().mapToInt(Integer::intValue).toArray();
      for (int i = idx.length - 1; i > 0; i--) {
        int j = classRandom.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      int[] taken = java.util.Arrays.copyOf(idx, want);
      java.util.Arrays.sort(taken);
      for (int i : taken) {
        indices.add(i);
        labels.add(c);
      }
    }
    Split s = split.select(indices.stream().mapToInt(Integer::intValue).toArray());
    return new Split(s.shape(), s.images(), labels.stream().mapToInt(Integer::intValue).toArray(), s.ids());
  }

  private static int maxLabel(Split s) {
    int max = -1;
    for (int l : s.labels()) {
      max = Math.max(max, l);
    }
    return max;
  }

  private static void normalise(float[] px, double mean, double std) {
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) ((px[i] - mean) / std);
    }
  }
}
