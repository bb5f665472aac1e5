package org.dsdl.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.api.plugin.PluginProvider;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.app.DsdlException;
import org.junit.jupiter.api.Test;

/** The binder takes a plugin's parameter type from its default parameters: the provider does not name it. */
class ParameterBinderTest {
  /** A plugin's parameters. */
  public record Scale(@Param("the factor") double factor, @Param("how often") int times) {}

  private static final PluginProvider<Scale> SCALED = new PluginProvider<>() {
    @Override
    public String name() {
      return "scaled";
    }

    @Override
    public String description() {
      return "test plugin";
    }

    @Override
    public Scale defaultParameters() {
      return new Scale(1.5, 2);
    }
  };

  private static final class Plain implements WithoutParameters {
    @Override
    public String name() {
      return "plain";
    }

    @Override
    public String description() {
      return "test plugin without parameters";
    }
  }

  private static PluginDescriptor descriptor(PluginProvider<?> provider) {
    return new PluginDescriptor(PluginKind.PROBE, provider.name(), provider, "built-in", "unknown");
  }

  @Test
  void theParameterTypeIsTheDefaultsRecordClass() {
    assertThat(ParameterBinder.parametersType(SCALED)).isEqualTo(Scale.class);
    assertThat(ParameterBinder.parametersType(new Plain())).isEqualTo(NoParameters.class);
  }

  @Test
  void bindsTheGivenKeysOverTheDefaultsIntoThatType() {
    ObjectNode given = JsonNodeFactory.instance.objectNode().put("factor", 3.0);
    ParameterBinder.Bound bound = new ParameterBinder().bind(descriptor(SCALED), given, "probes[0] (scaled)");
    assertThat(bound.parameters()).isEqualTo(new Scale(3.0, 2));
    assertThat(new ParameterBinder().bind(descriptor(new Plain()), JsonNodeFactory.instance.objectNode(), "probes[1] (plain)").parameters())
        .isEqualTo(NoParameters.INSTANCE);
    ObjectNode unknown = JsonNodeFactory.instance.objectNode().put("speed", 1);
    assertThatThrownBy(() -> new ParameterBinder().bind(descriptor(SCALED), unknown, "probes[0] (scaled)"))
        .isInstanceOf(DsdlException.class).hasMessageContaining("unknown parameter 'speed'").hasMessageContaining("allowed: factor, times");
  }

  @Test
  void documentsTheComponentsOfThatType() {
    assertThat(new ParameterBinder().document(SCALED))
        .extracting(ParameterBinder.ParameterDoc::name, ParameterBinder.ParameterDoc::type, d -> d.defaultValue().asText(),
            ParameterBinder.ParameterDoc::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("factor", "double", "1.5", "the factor"),
            org.assertj.core.groups.Tuple.tuple("times", "int", "2", "how often"));
  }
}
