package org.dsdl.api.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The api module is the contract with plugin authors: this lists its exported packages and every
 * public type and member, and compares the list with {@code api-surface.txt}. A difference fails
 * with the new list written to {@code target/api-surface.actual.txt}: review it, and if the change
 * is intended, copy it over {@code src/test/resources/api-surface.txt} in the same commit.
 */
class ApiSurfaceTest {
  static List<String> surface() throws Exception {
    Path classes = Path.of("target/classes");
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    List<String> lines = new ArrayList<>();
    lines.add("module " + module.name());
    for (ModuleDescriptor.Requires r : new TreeSet<>(module.requires())) {
      if (!r.name().startsWith("java.")) {
        lines.add("requires " + r.modifiers().stream().map(Object::toString).sorted().toList() + " " + r.name());
      }
    }
    for (String pkg : new TreeSet<>(module.exports().stream().map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : "")).toList())) {
      lines.add("exports " + pkg);
      TreeSet<String> types = new TreeSet<>();
      try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          String name = f.getFileName().toString().replace(".class", "");
          if (name.equals("package-info")) {
            continue;
          }
          types.add(Class.forName(pkg + "." + name, false, ApiSurfaceTest.class.getClassLoader()).getName());
        }
      }
      for (String type : types) {
        Class<?> c = Class.forName(type, false, ApiSurfaceTest.class.getClassLoader());
        if (!isPublic(c)) {
          continue;
        }
        lines.add("  " + kind(c) + " " + c.getName().replace(pkg + ".", "")
            + (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && c.getSuperclass() != Record.class
                && c.getSuperclass() != Enum.class ? " extends " + c.getGenericSuperclass().getTypeName() : "")
            + (c.getGenericInterfaces().length > 0 ? " implements " + String.join(", ",
                Stream.of(c.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName).toList()) : ""));
        TreeSet<String> members = new TreeSet<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers()) && !k.isSynthetic()) {
            members.add(k.toGenericString());
          }
        }
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
            members.add(m.toGenericString());
          }
        }
        for (Field fld : c.getDeclaredFields()) {
          if (Modifier.isPublic(fld.getModifiers()) && !fld.isSynthetic()) {
            members.add(fld.toGenericString());
          }
        }
        members.forEach(m -> lines.add("    " + m));
      }
    }
    return lines;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
  }

  private static String kind(Class<?> c) {
    if (c.isAnnotation()) {
      return "@interface";
    }
    if (c.isInterface()) {
      return c.isSealed() ? "sealed interface" : "interface";
    }
    if (c.isRecord()) {
      return "record";
    }
    if (c.isEnum()) {
      return "enum";
    }
    return (Modifier.isAbstract(c.getModifiers()) ? "abstract " : "") + (Modifier.isFinal(c.getModifiers()) ? "final " : "") + "class";
  }

  @Test
  void thePublicApiIsWhatItWasDeclaredToBe() throws Exception {
    List<String> actual = surface();
    Path out = Path.of("target/api-surface.actual.txt");
    Files.write(out, actual, StandardCharsets.UTF_8);
    List<String> expected;
    try (InputStream in = ApiSurfaceTest.class.getResourceAsStream("/api-surface.txt")) {
      assertThat(in).as("src/test/resources/api-surface.txt exists").isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(actual)
        .as("the api module's public surface changed; review " + out.toAbsolutePath()
            + " and, if the change is intended, copy it to api/src/test/resources/api-surface.txt")
        .containsExactlyElementsOf(expected);
  }
}
