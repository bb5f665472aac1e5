/**
 * The plugin author's kit: build synthetic {@link org.dsdl.api.snapshot.Snapshot}s from given
 * activations, labels and weights, and run a probe over them as a run would (created with its
 * parameters and the model's layers, measure at every checkpoint, save and restore its state,
 * finish); build a {@link org.dsdl.api.run.RunRecord} for a visualizer to render. All without
 * TensorFlow.
 */
module org.dsdl.testkit {
  requires transitive org.dsdl.api;

  exports org.dsdl.testkit;
}
