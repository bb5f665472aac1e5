package org.dsdl.app.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.model.OptimizerSpec;

/**
 * How the api's enums are spelled in a config and in run.json: an {@link Initializer} by its id
 * ({@code he-uniform}), written back the same way so a resolved config reads as the user wrote
 * it. The api has no Jackson; its values are bound here. A bad value's message comes from the
 * type and names what is allowed.
 */
public final class ApiValues extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module for {@link StrictBinding}. */
  public ApiValues() {
    super("dsdl-api-values");
    addSerializer(Initializer.class, new JsonSerializer<>() {
      @Override
      public void serialize(Initializer value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(value.id());
      }
    });
    addDeserializer(Initializer.class, new JsonDeserializer<>() {
      @Override
      public Initializer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Initializer.of(text(p, ctxt, Initializer.class));
      }
    });
  }

  /** A string value, or the binding's usual "expected a string" error for anything else. */
  static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
    return p.getText();
  }

  /**
   * Binds {@code training.optimizer.type} ({@code adam}, {@code sgd}, {@code rmsprop}, in any case)
   * to the engine's {@link OptimizerSpec.Kind}.
   */
  public static final class OptimizerKind extends JsonDeserializer<OptimizerSpec.Kind> {
    @Override
    public OptimizerSpec.Kind deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String type = text(p, ctxt, OptimizerSpec.Kind.class);
      try {
        return OptimizerSpec.Kind.valueOf(type.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("training.optimizer.type must be one of "
            + Arrays.stream(OptimizerSpec.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + type + "'", e);
      }
    }
  }
}
