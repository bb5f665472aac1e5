/** The built-in probes: accuracy, class selectivity, representational similarity and class geometry. */
module org.dsdl.probes {
  requires org.dsdl.api;
  requires ejml.core;
  requires ejml.ddense;

  opens org.dsdl.probes.accuracy;
  opens org.dsdl.probes.selectivity;
  opens org.dsdl.probes.rsa;
  opens org.dsdl.probes.geometry;

  provides org.dsdl.api.probe.ProbeProvider with
      org.dsdl.probes.accuracy.AccuracyProbeProvider,
      org.dsdl.probes.selectivity.SelectivityProbeProvider,
      org.dsdl.probes.rsa.RsaProbeProvider,
      org.dsdl.probes.geometry.ClassGeometryProbeProvider;
}
