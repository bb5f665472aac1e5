/** The built-in probes: accuracy, class selectivity and representational similarity. */
module org.dsdl.probes {
  requires org.dsdl.api;
  requires ejml.core;
  requires ejml.ddense;

  opens org.dsdl.probes.accuracy;
  opens org.dsdl.probes.selectivity;
  opens org.dsdl.probes.rsa;

  provides org.dsdl.api.probe.ProbeProvider with
      org.dsdl.probes.accuracy.AccuracyProbeProvider,
      org.dsdl.probes.selectivity.SelectivityProbeProvider,
      org.dsdl.probes.rsa.RsaProbeProvider;
}
