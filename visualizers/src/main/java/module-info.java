/** The built-in visualizers. */
module org.dsdl.visualizers {
  requires org.dsdl.api;

  opens org.dsdl.visualizers.csv;

  provides org.dsdl.api.viz.VisualizerProvider with org.dsdl.visualizers.csv.CsvVisualizerProvider;
}
