package org.dsdl.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.architectures.vgg.VggParameters;
import org.dsdl.architectures.vgg.VggProvider;
import org.junit.jupiter.api.Test;

/** An architecture's initializer is an {@link Initializer}, bound from and written as its config spelling. */
class InitializerBindingTest {
  private final ParameterBinder binder = new ParameterBinder();
  private final PluginDescriptor vgg = new PluginDescriptor(PluginKind.ARCHITECTURE, "vgg", new VggProvider(), "test", "test");

  @Test
  void boundFromItsIdAndWrittenBackAsIt() {
    ObjectNode given = JsonNodeFactory.instance.objectNode().put("initializer", "glorot-uniform");
    ParameterBinder.Bound bound = binder.bind(vgg, given, "model (vgg)");
    assertThat(((VggParameters) bound.parameters()).initializer()).isEqualTo(Initializer.GLOROT_UNIFORM);
    assertThat(bound.resolved().get("initializer").asText()).isEqualTo("glorot-uniform");
    assertThat(binder.defaultsOf(new VggProvider()).get("initializer").asText()).isEqualTo("he-uniform");
  }

  @Test
  void anUnknownOneIsRefusedNamingTheChoices() {
    ObjectNode given = JsonNodeFactory.instance.objectNode().put("initializer", "zeros");
    assertThatThrownBy(() -> binder.bind(vgg, given, "model (vgg)"))
        .hasMessage("model (vgg): initializer must be one of [he-uniform, he-normal, glorot-uniform], got 'zeros'");
  }
}
