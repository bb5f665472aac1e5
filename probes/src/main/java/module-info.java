/** The built-in probes: accuracy, class selectivity, representational similarity, class geometry, linear probes. */
module org.dsdl.probes {
  requires org.dsdl.api;
  requires ejml.core;
  requires ejml.ddense;

  opens org.dsdl.probes.accuracy;
  opens org.dsdl.probes.selectivity;
  opens org.dsdl.probes.rsa;
  opens org.dsdl.probes.geometry;
  opens org.dsdl.probes.linear;

  provides org.dsdl.api.probe.ProbeProvider with
      org.dsdl.probes.accuracy.AccuracyProbeProvider,
      org.dsdl.probes.selectivity.SelectivityProbeProvider,
      org.dsdl.probes.rsa.RsaProbeProvider,
      org.dsdl.probes.geometry.ClassGeometryProbeProvider,
      org.dsdl.probes.linear.LinearProbeProvider;
}
