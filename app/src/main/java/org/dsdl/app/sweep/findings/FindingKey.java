package org.dsdl.app.sweep.findings;

import java.util.List;
import java.util.Locale;

/**
 * What a finding is about, the same in every seed of a sweep: its topic and its subject (e.g.
 * {@code LAYER_IDENTITY} of {@code fc2}).
 *
 * @param topic the finding's topic, as {@code findings.json} names it
 * @param subject the class, layer or graph it is about
 */
public record FindingKey(String topic, String subject) {
  /** The topics the built-in {@code findings} visualizer writes, in the order it writes them. */
  static final List<String> TOPICS = List.of("CLASS_IDENTITY", "LAYER_IDENTITY", "COUPLING", "SETTLING", "ASSORTATIVITY", "PATHWAY");

  /** The topic in words, e.g. "layer identity". */
  public String topicText() {
    return topic.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The topic's place among the built-in topics (class identity first); unknown topics after them. */
  public int topicRank() {
    int i = TOPICS.indexOf(topic);
    return i < 0 ? TOPICS.size() : i;
  }
}
