/** Built-in dataset plugins: the dense-sample {@code tokens} generator, IDX (MNIST-format) files and image folders. */
module org.dsdl.datasets {
  requires org.dsdl.api;
  requires java.desktop;

  opens org.dsdl.datasets.tokens;
  opens org.dsdl.datasets.idx;
  opens org.dsdl.datasets.folder;

  provides org.dsdl.api.data.DatasetProvider with
      org.dsdl.datasets.tokens.TokensDatasetProvider,
      org.dsdl.datasets.idx.IdxDatasetProvider,
      org.dsdl.datasets.folder.FolderDatasetProvider;
}
