package org.dsdl.visualizers.findings;

/**
 * One claim a run supports, or fails to: what emerged, in what, when, and how sure.
 *
 * @param topic what kind of claim
 * @param subject the class, layer or graph it is about
 * @param verdict whether it passed its control
 * @param statement one plain sentence, with its numbers
 * @param step the training step it happened at, or null for a claim without one
 * @param uncertainty the claim's uncertainty in words: the checkpoint interval an onset lies in, an interval, a null
 */
public record Finding(Topic topic, String subject, Verdict verdict, String statement, Long step, String uncertainty) {

  /** What a finding is about. */
  public enum Topic {
    /** A class's identity onset in the network's output (accuracy probe). */
    CLASS_IDENTITY,
    /** A layer's identity onset, against the untrained network and the control task (linear probe). */
    LAYER_IDENTITY,
    /** A layer's coupling onset (filter coupling). */
    COUPLING,
    /** The order in which layers settle into their final representation (CKA). */
    SETTLING,
    /** The coupling graph's class assortativity against its null. */
    ASSORTATIVITY,
    /** A layer's class pathways (class attribution graphs) against the untrained network and their exemplar-label null. */
    PATHWAY
  }

  /** Whether a claim passed its control. */
  public enum Verdict {
    /** It emerged during training, beyond the untrained network and its control. */
    EMERGED,
    /** It is already there in the untrained network, beyond its control. */
    PRESENT_AT_INITIALISATION,
    /** It does not pass its control: not distinguishable from the control or the untrained network. */
    NOT_DISTINGUISHABLE
  }

  /** Whether this finding is stated as one (it passed its control). */
  public boolean stated() {
    return verdict != Verdict.NOT_DISTINGUISHABLE;
  }
}
