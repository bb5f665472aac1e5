/** Built-in dataset plugins: the dense-sample {@code tokens} generator. */
module org.dsdl.datasets {
  requires org.dsdl.api;
  requires java.desktop;

  opens org.dsdl.datasets.tokens;

  provides org.dsdl.api.data.DatasetProvider with org.dsdl.datasets.tokens.TokensDatasetProvider;
}
