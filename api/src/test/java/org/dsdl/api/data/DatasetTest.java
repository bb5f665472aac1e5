package org.dsdl.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final ImageShape SHAPE = new ImageShape(1, 1, 1);
  private static final Split SPLIT = new Split(SHAPE, new float[] {0.5f}, new int[] {0}, new long[] {7});

  @Test
  void provenanceIsSortedByKeySoRunJsonListsItTheSameWayInEveryJvm() {
    Map<String, Object> given = new HashMap<>();
    for (String k : List.of("seed", "generator", "noise", "angles", "zoom")) {
      given.put(k, k.length());
    }
    Dataset d = new Dataset("t", List.of("a"), SHAPE, SPLIT, SPLIT, given);
    assertThat(d.provenance().keySet()).containsExactly("angles", "generator", "noise", "seed", "zoom");
    assertThat(d.provenance()).containsEntry("noise", 5);
    given.put("late", 1);
    assertThat(d.provenance()).doesNotContainKey("late");
  }

  @Test
  void provenanceRefusesNullsNamingTheKey() {
    Map<String, Object> given = new HashMap<>();
    given.put("path", null);
    assertThatThrownBy(() -> new Dataset("t", List.of("a"), SHAPE, SPLIT, SPLIT, given)).hasMessage("provenance value of path");
  }
}
