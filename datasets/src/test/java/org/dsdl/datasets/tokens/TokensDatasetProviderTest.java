package org.dsdl.datasets.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.junit.jupiter.api.Test;

class TokensDatasetProviderTest {
  private final TokensDatasetProvider provider = new TokensDatasetProvider();

  private static TokensParameters small(int train, int test) {
    TokensParameters d = TokensParameters.defaults();
    return new TokensParameters(d.tokens(), train, test, train, d.size(), d.shift(), d.scale(), d.rotation(), d.strokeMin(),
        d.strokeMax(), d.distortion(), d.clutter(), d.noise());
  }

  @Test
  void defaultsAreADenseSampleTask() {
    TokensParameters d = provider.defaultParameters();
    assertThat(d.tokens()).isEqualTo(5);
    assertThat(d.trainPerClass()).isGreaterThanOrEqualTo(500);
    assertThat(d.minPerClass()).isEqualTo(500);
    Dataset ds = provider.load(d, new DatasetContext(1));
    assertThat(ds.classNames()).containsExactly("T", "L", "X", "N", "Z");
    assertThat(ds.train().countsPerClass(5)).containsOnly(500);
    assertThat(ds.test().countsPerClass(5)).containsOnly(100);
    assertThat(ds.shape().toString()).isEqualTo("32x32x1");
  }

  @Test
  void sameSeedGivesIdenticalDataAndOtherSeedsDiffer() {
    Dataset a = provider.load(small(20, 5), new DatasetContext(7));
    Dataset b = provider.load(small(20, 5), new DatasetContext(7));
    Dataset c = provider.load(small(20, 5), new DatasetContext(8));
    assertThat(a.train()).isEqualTo(b.train());
    assertThat(a.test()).isEqualTo(b.test());
    assertThat(Arrays.equals(a.train().images(), c.train().images())).isFalse();
    assertThat(a.train().ids()).isEqualTo(c.train().ids());
  }

  @Test
  void anExemplarDoesNotChangeWhenTheCountsDo() {
    Dataset few = provider.load(small(10, 2), new DatasetContext(3));
    Dataset more = provider.load(small(30, 4), new DatasetContext(3));
    int size = few.shape().size();
    // exemplar 4 of class 2: index 2*10+4 in the first, 2*30+4 in the second
    float[] x = Arrays.copyOfRange(few.train().images(), (2 * 10 + 4) * size, (2 * 10 + 5) * size);
    float[] y = Arrays.copyOfRange(more.train().images(), (2 * 30 + 4) * size, (2 * 30 + 5) * size);
    assertThat(x).isEqualTo(y);
    assertThat(few.train().ids()[2 * 10 + 4]).isEqualTo(more.train().ids()[2 * 30 + 4]);
  }

  @Test
  void pixelsAreInTheUnitRangeAndIdsUnique() {
    Dataset ds = provider.load(small(20, 5), new DatasetContext(5));
    for (float v : ds.train().images()) {
      assertThat(v).isBetween(0f, 1f);
    }
    Set<Long> ids = new HashSet<>();
    Arrays.stream(ds.train().ids()).forEach(ids::add);
    Arrays.stream(ds.test().ids()).forEach(ids::add);
    assertThat(ids).hasSize(ds.train().size() + ds.test().size());
  }

  @Test
  void everyDefaultGlyphSharesAPrimitiveWithAnother() {
    List<Glyph> glyphs = GlyphCatalog.glyphs(5, 0);
    for (Glyph g : glyphs) {
      boolean shares = glyphs.stream().filter(o -> o != g).anyMatch(o -> o.strokes().stream().anyMatch(g.strokes()::contains));
      assertThat(shares).as(g.name()).isTrue();
    }
  }

  @Test
  void manyTokensAreDistinctCombinations() {
    List<Glyph> glyphs = GlyphCatalog.glyphs(40, 9);
    assertThat(glyphs).hasSize(40);
    assertThat(glyphs.stream().map(g -> Set.copyOf(g.strokes())).distinct()).hasSize(40);
    assertThat(GlyphCatalog.glyphs(40, 9)).isEqualTo(glyphs);
  }

  @Test
  void refusesFewerThanTheDenseSampleMinimumUnlessLowered() {
    TokensParameters d = TokensParameters.defaults();
    assertThatThrownBy(() -> new TokensParameters(5, 100, 100, 500, 32, d.shift(), d.scale(), d.rotation(), d.strokeMin(),
        d.strokeMax(), d.distortion(), d.clutter(), d.noise()))
        .hasMessageContaining("trainPerClass is 100 but minPerClass is 500");
    assertThatThrownBy(() -> new TokensParameters(1, 500, 100, 500, 32, d.shift(), d.scale(), d.rotation(), d.strokeMin(),
        d.strokeMax(), d.distortion(), d.clutter(), d.noise()))
        .hasMessageContaining("tokens must be between 2 and 100");
  }
}
