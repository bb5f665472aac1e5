/** Built-in architecture plugins: {@code vgg} (with its presets) and {@code resnet-mini}. */
module org.dsdl.architectures {
  requires org.dsdl.api;

  opens org.dsdl.architectures.vgg;
  opens org.dsdl.architectures.resnet;

  provides org.dsdl.api.architecture.ArchitectureProvider with
      org.dsdl.architectures.vgg.VggProvider,
      org.dsdl.architectures.resnet.ResNetMiniProvider;
}
