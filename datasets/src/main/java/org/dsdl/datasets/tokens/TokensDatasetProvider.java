package org.dsdl.datasets.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.dsdl.api.data.DatasetProvider;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;

/**
 * The built-in dense-sample task: a few token categories (glyphs sharing stroke primitives), many
 * varied exemplars of each. Every exemplar has its own generator state derived from (seed, split,
 * class, index), so an exemplar does not change when the counts do, and its id is stable.
 */
public final class TokensDatasetProvider implements DatasetProvider<TokensParameters> {

  /** Exemplar ids are {@code split * SPLIT_STRIDE + class * CLASS_STRIDE + index}. */
  static final long SPLIT_STRIDE = 1_000_000_000_000L;
  static final long CLASS_STRIDE = 1_000_000L;

  @Override
  public String name() {
    return "tokens";
  }

  @Override
  public String description() {
    return "seeded generator of glyph tokens built from shared stroke primitives (dense-sample task)";
  }

  @Override
  public TokensParameters defaultParameters() {
    return TokensParameters.defaults();
  }

  @Override
  public Dataset load(TokensParameters p, DatasetContext context) {
    List<Glyph> glyphs = GlyphCatalog.glyphs(p.tokens(), context.seed());
    ImageShape shape = new ImageShape(p.size(), p.size(), 1);
    GlyphRenderer renderer = new GlyphRenderer(p);
    Split train = split(0, p.trainPerClass(), glyphs, shape, renderer, context.seed());
    Split test = split(1, p.testPerClass(), glyphs, shape, renderer, context.seed());
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("generator", "tokens");
    provenance.put("parameters", p.toString());
    provenance.put("glyphs", glyphs.stream().map(g -> g.name() + "=" + g.strokes().size() + " strokes").toList());
    return new Dataset(name(), GlyphRenderer.names(glyphs), shape, train, test, provenance);
  }

  private static Split split(int splitIndex, int perClass, List<Glyph> glyphs, ImageShape shape, GlyphRenderer renderer, long seed) {
    int n = perClass * glyphs.size();
    float[] images = new float[n * shape.size()];
    int[] labels = new int[n];
    long[] ids = new long[n];
    int i = 0;
    for (int c = 0; c < glyphs.size(); c++) {
      for (int k = 0; k < perClass; k++, i++) {
        long id = splitIndex * SPLIT_STRIDE + c * CLASS_STRIDE + k;
        renderer.render(glyphs.get(c), new SplittableRandom(mix(seed, id)), images, i * shape.size());
        labels[i] = c;
        ids[i] = id;
      }
    }
    return new Split(shape, images, labels, ids);
  }

  /** A well-spread generator seed for one exemplar (SplitMix64 finaliser over seed and id). */
  static long mix(long seed, long id) {
    long z = seed * 0x9E3779B97F4A7C15L + id;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
