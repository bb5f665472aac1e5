/** An example dsdl probe: how sparse each layer's activations are. */
module org.example.sparsity {
  requires org.dsdl.api;

  provides org.dsdl.api.probe.ProbeProvider with org.example.sparsity.SparsityProbeProvider;
}
