/** The built-in visualizers: csv, findings, html, png, npy, tensorboard. */
module org.dsdl.visualizers {
  requires org.dsdl.api;
  requires org.slf4j;
  requires java.desktop;
  requires com.fasterxml.jackson.databind;
  requires org.jfree.jfreechart;
  requires static org.jfree.svg; // optional (GPL-3.0-or-later, not bundled): png's svg: true
  requires tensorflow.nativelib;
  requires com.google.protobuf;

  opens org.dsdl.visualizers.csv;
  opens org.dsdl.visualizers.findings;
  opens org.dsdl.visualizers.html;
  opens org.dsdl.visualizers.png;
  opens org.dsdl.visualizers.npy;
  opens org.dsdl.visualizers.tensorboard;

  provides org.dsdl.api.viz.VisualizerProvider with
      org.dsdl.visualizers.csv.CsvVisualizerProvider,
      org.dsdl.visualizers.findings.FindingsVisualizerProvider,
      org.dsdl.visualizers.html.HtmlVisualizerProvider,
      org.dsdl.visualizers.png.PngVisualizerProvider,
      org.dsdl.visualizers.npy.NpyVisualizerProvider,
      org.dsdl.visualizers.tensorboard.TensorBoardVisualizerProvider;
}
