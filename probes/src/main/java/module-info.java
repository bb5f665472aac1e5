/** The built-in probes. */
module org.dsdl.probes {
  requires org.dsdl.api;

  opens org.dsdl.probes.accuracy;

  provides org.dsdl.api.probe.ProbeProvider with org.dsdl.probes.accuracy.AccuracyProbeProvider;
}
