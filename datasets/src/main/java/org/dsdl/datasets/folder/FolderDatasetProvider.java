package org.dsdl.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.dsdl.api.data.DatasetException;
import org.dsdl.api.data.DatasetProvider;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.datasets.select.Resize;
import org.dsdl.datasets.select.Selector;
import org.dsdl.datasets.select.SourceData;

/**
 * Images in folders, one per class (sorted by name): PNG, JPEG, BMP or GIF, read with ImageIO,
 * converted to grayscale or kept RGB, resized to the configured size. Train and held-out come
 * from {@code train/} and {@code test/} when both exist, else from a seeded stratified split.
 * Images of more than {@link #MAX_PIXELS} pixels are refused (their headers are read first).
 * Exemplar ids are {@code split × 10^12 + class × 10^6 + index in the class's sorted file list}.
 */
public final class FolderDatasetProvider implements DatasetProvider<FolderParameters> {
  /**
   * The most pixels an image file may have: 16 megapixels (e.g. 4096 × 4096). Its header is read
   * first, so a larger image is refused before it is decoded (decoding takes 4 bytes a pixel and
   * the conversion 4 more per channel).
   */
  public static final long MAX_PIXELS = 16L * 1024 * 1024;

  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  @Override
  public String name() {
    return "folder";
  }

  @Override
  public String description() {
    return "image files in one folder per class (PNG/JPEG/BMP, up to 16 megapixels each), grayscale or RGB, resized; train/test folders or a seeded split";
  }

  @Override
  public FolderParameters defaultParameters() {
    return FolderParameters.defaults();
  }

  @Override
  public Dataset load(FolderParameters p, DatasetContext context) {
    if (p.directory().isBlank()) {
      throw new DatasetException("directory is not set: give the folder that holds one sub-folder per class");
    }
    Path root = Path.of(p.directory());
    if (!Files.isDirectory(root)) {
      throw new DatasetException("directory " + root + " does not exist or is not a folder");
    }
    ImageShape shape = new ImageShape(p.size(), p.size(), "rgb".equals(p.color()) ? 3 : 1);
    boolean presplit = Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("test"));
    List<String> classes = classFolders(presplit ? root.resolve("train") : root);
    Split train;
    Split test;
    if (presplit) {
      if (!classFolders(root.resolve("test")).equals(classes)) {
        throw new DatasetException(root.resolve("test") + " has class folders " + classFolders(root.resolve("test"))
            + " but " + root.resolve("train") + " has " + classes);
      }
      train = read(root.resolve("train"), classes, shape, 0);
      test = read(root.resolve("test"), classes, shape, 1);
    } else {
      Split all = read(root, classes, shape, 0);
      int[][] parts = stratifiedSplit(all.labels(), classes.size(), p.testFraction(), context.seed());
      train = all.select(parts[0]);
      test = all.select(parts[1]);
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("format", "folder");
    provenance.put("directory", root.toString());
    provenance.put("split", presplit ? "train/ and test/ folders" : "seeded stratified, testFraction " + p.testFraction());
    provenance.put("color", p.color());
    return Selector.apply(name(), new SourceData(classes, shape, train, test, provenance), p.selection(), context.seed());
  }

  private static List<String> classFolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
      if (names.size() < 2) {
        throw new DatasetException(dir + " must hold one sub-folder per class (at least 2); found " + names);
      }
      return names;
    } catch (IOException e) {
      throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Split read(Path dir, List<String> classes, ImageShape shape, int splitIndex) {
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    List<List<Path>> perClass = new ArrayList<>();
    long count = 0;
    for (String name : classes) {
      try (Stream<Path> s = Files.list(dir.resolve(name))) {
        perClass.add(s.filter(f -> EXTENSIONS.stream().anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList());
      } catch (IOException e) {
        throw new DatasetException("cannot list " + dir.resolve(name) + ": " + e.getMessage(), e);
      }
      count += perClass.get(perClass.size() - 1).size();
    }
    if (count * shape.size() > Integer.MAX_VALUE - 8) {
      throw new DatasetException(String.format(Locale.ROOT, "%s holds %,d images: at %s they are %,d values, more than one array"
          + " holds (%,d); use a smaller size or fewer images", dir, count, shape, count * shape.size(), Integer.MAX_VALUE - 8));
    }
    for (int c = 0; c < classes.size(); c++) {
      List<Path> files = perClass.get(c);
      for (int k = 0; k < files.size(); k++) {
        images.add(pixels(files.get(k), shape));
        labels.add(c);
        ids.add(splitIndex * 1_000_000_000_000L + c * 1_000_000L + k);
      }
    }
    float[] px = new float[images.size() * shape.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, px, i * shape.size(), shape.size());
    }
    return new Split(shape, px, labels.stream().mapToInt(Integer::intValue).toArray(), ids.stream().mapToLong(Long::longValue).toArray());
  }

  /** One image's pixels in [0, 1], converted to the shape's channels and resized. */
  static float[] pixels(Path file, ImageShape shape) {
    BufferedImage img = decode(file);
    int w = img.getWidth();
    int h = img.getHeight();
    int ch = shape.channels();
    float[] native_ = new float[w * h * ch];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        float r = ((rgb >> 16) & 0xFF) / 255f;
        float g = ((rgb >> 8) & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
        int o = (y * w + x) * ch;
        if (ch == 1) {
          native_[o] = 0.299f * r + 0.587f * g + 0.114f * b;
        } else {
          native_[o] = r;
          native_[o + 1] = g;
          native_[o + 2] = b;
        }
      }
    }
    if (w == shape.width() && h == shape.height()) {
      return native_;
    }
    float[] out = new float[shape.size()];
    Resize.image(native_, 0, new ImageShape(h, w, ch), out, 0, shape);
    return out;
  }

  /**
   * Decodes an image after reading its size from its header: one of more than {@link #MAX_PIXELS}
   * pixels is refused, naming the file and its size, before any memory is spent on it.
   */
  static BufferedImage decode(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DatasetException("cannot read image " + file + ": not a PNG, JPEG, BMP or GIF image, or corrupt");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > MAX_PIXELS) {
          throw new DatasetException(String.format(Locale.ROOT,
              "image %s is %,d x %,d = %,d pixels; the folder dataset reads images of at most %,d pixels (16 megapixels):"
                  + " shrink it first", file, width, height, width * height, MAX_PIXELS));
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DatasetException d) {
        throw d;
      }
      throw new DatasetException("cannot read image " + file + ": " + e.getMessage(), e);
    }
  }

  /** Per class, a seeded {@code fraction} of exemplars (at least one) for held-out, the rest for training. */
  static int[][] stratifiedSplit(int[] labels, int classes, double fraction, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      List<Integer> m = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          m.add(i);
        }
      }
      java.util.Collections.shuffle(m, new java.util.Random(rnd.nextLong()));
      int nTest = Math.max(1, (int) Math.round(m.size() * fraction));
      test.addAll(m.subList(0, Math.min(nTest, m.size())));
      train.addAll(m.subList(Math.min(nTest, m.size()), m.size()));
    }
    return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(), test.stream().mapToInt(Integer::intValue).sorted().toArray()};
  }
}
