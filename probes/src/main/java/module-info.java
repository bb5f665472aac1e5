/**
 * The built-in probes: identity (accuracy, class selectivity, representational similarity, class
 * geometry, linear probes) and coupling (filter coupling, CKA, weight coupling, the coupling graph).
 */
module org.dsdl.probes {
  requires org.dsdl.api;
  requires ejml.core;
  requires ejml.ddense;
  requires org.jgrapht.core;

  opens org.dsdl.probes.accuracy;
  opens org.dsdl.probes.selectivity;
  opens org.dsdl.probes.rsa;
  opens org.dsdl.probes.geometry;
  opens org.dsdl.probes.linear;
  opens org.dsdl.probes.coupling;
  opens org.dsdl.probes.cka;
  opens org.dsdl.probes.weights;
  opens org.dsdl.probes.graph;
  opens org.dsdl.probes.attribution;

  provides org.dsdl.api.probe.ProbeProvider with
      org.dsdl.probes.accuracy.AccuracyProbeProvider,
      org.dsdl.probes.selectivity.SelectivityProbeProvider,
      org.dsdl.probes.rsa.RsaProbeProvider,
      org.dsdl.probes.geometry.ClassGeometryProbeProvider,
      org.dsdl.probes.linear.LinearProbeProvider,
      org.dsdl.probes.coupling.FilterCouplingProbeProvider,
      org.dsdl.probes.cka.CkaProbeProvider,
      org.dsdl.probes.weights.WeightCouplingProbeProvider,
      org.dsdl.probes.graph.CouplingGraphProbeProvider,
      org.dsdl.probes.attribution.ClassAttributionProbeProvider;
}
