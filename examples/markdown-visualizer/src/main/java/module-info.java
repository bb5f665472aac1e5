/** An example dsdl visualizer: a Markdown summary of a run. */
module org.example.markdown {
  requires org.dsdl.api;

  provides org.dsdl.api.viz.VisualizerProvider with org.example.markdown.MarkdownVisualizerProvider;
}
