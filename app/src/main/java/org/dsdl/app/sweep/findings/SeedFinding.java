package org.dsdl.app.sweep.findings;

/**
 * One finding of one run, as its {@code findings.json} states it.
 *
 * @param topic what kind of claim, e.g. {@code LAYER_IDENTITY}
 * @param subject the class, layer or graph it is about
 * @param verdict whether it passed its control
 * @param step the training step it happened at, or null for a claim without one
 */
public record SeedFinding(String topic, String subject, Verdict verdict, Long step) {
  /** The finding's key across seeds: its topic and subject. */
  public FindingKey key() {
    return new FindingKey(topic, subject);
  }
}
