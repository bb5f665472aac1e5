/** An example dsdl architecture: LeNet-5. */
module org.example.lenet5 {
  requires org.dsdl.api;

  provides org.dsdl.api.architecture.ArchitectureProvider with org.example.lenet5.LeNet5Provider;
}
