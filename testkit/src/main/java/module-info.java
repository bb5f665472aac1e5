/**
 * The probe author's kit: build synthetic {@link org.dsdl.api.snapshot.Snapshot}s from given
 * activations, labels and weights, and run a probe over them as a run would (measure at every
 * checkpoint, save and restore its state, finish), all without TensorFlow.
 */
module org.dsdl.testkit {
  requires transitive org.dsdl.api;

  exports org.dsdl.testkit;
}
