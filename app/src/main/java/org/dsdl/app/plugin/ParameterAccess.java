package org.dsdl.app.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the config binder (Jackson) may reach a plugin's parameter record, and making it so for
 * plugins in a layer dsdl defined itself.
 *
 * <p>Jackson builds the record through its canonical constructor and reads it through its
 * accessors, by reflection, so the packages of the record and of the plugin's own types among its
 * components must be open to Jackson. A plugin module exports nothing, and its author may not
 * know to {@code opens} them: for a plugin loaded from a folder, dsdl owns the module layer and
 * opens exactly those packages to Jackson through the layer's controller, as {@code --add-opens}
 * would. A plugin on dsdl's own module path (a layer dsdl did not define) cannot be opened from
 * inside: it is checked and, when closed, skipped with the line to add to its module-info.
 */
final class ParameterAccess {
  /** The module that binds parameters: {@code com.fasterxml.jackson.databind} (unnamed on the class path). */
  static final Module BINDER = ObjectMapper.class.getModule();
  static final String BINDER_NAME = "com.fasterxml.jackson.databind";

  private ParameterAccess() {}

  /**
   * Opens to Jackson every package of {@code record}'s own types (the record, the plugin types among
   * its components, recursively) whose module is in {@code controller}'s layer.
   */
  static void open(Class<?> record, ModuleLayer.Controller controller) {
    for (Class<?> c : reachable(record)) {
      Module m = c.getModule();
      if (m.isNamed() && m.getLayer() == controller.layer() && !m.isOpen(c.getPackageName(), BINDER)) {
        controller.addOpens(m, c.getPackageName(), BINDER);
      }
    }
  }

  /**
   * Why Jackson cannot reach {@code record}, as the fix a plugin author makes: {@code "its parameter
   * record P is in package Q, which module M does not open; add `opens Q to …;` …"}; empty if it can.
   */
  static Optional<String> problem(Class<?> record) {
    Set<String> closed = new LinkedHashSet<>();
    Module module = null;
    for (Class<?> c : reachable(record)) {
      Module m = c.getModule();
      String pkg = c.getPackageName();
      if (!m.isNamed() || isJdk(m) || m.isOpen(pkg, BINDER) || m.isExported(pkg, BINDER) && Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      if (module == null) {
        module = m;
      }
      if (m == module) { // the record's module, or the first other one: one module-info to fix at a time
        closed.add(pkg);
      }
    }
    if (closed.isEmpty()) {
      return Optional.empty();
    }
    List<String> packages = new ArrayList<>(closed);
    String opens = String.join(" and ", packages.stream().map(p -> "`opens " + p + " to " + BINDER_NAME + ";`").toList());
    if (packages.size() == 1) {
      return Optional.of("its parameter record " + record.getName() + " is in package " + packages.get(0) + ", which module "
          + module.getName() + " does not open; add " + opens + " (or `opens " + packages.get(0) + ";`) to its module-info.java");
    }
    return Optional.of("its parameter record " + record.getName() + " needs packages " + String.join(", ", packages)
        + ", which module " + module.getName() + " does not open; add " + opens + " (or `opens PACKAGE;` for each) to its module-info.java");
  }

  private static boolean isJdk(Module m) {
    return m.getLayer() == ModuleLayer.boot() && (m.getName().startsWith("java.") || m.getName().startsWith("jdk."));
  }

  /** The record and the classes its components use (type arguments and array elements too), through nested records. */
  static Set<Class<?>> reachable(Class<?> record) {
    Set<Class<?>> out = new LinkedHashSet<>();
    add(record, out);
    return out;
  }

  private static void add(Type t, Set<Class<?>> out) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) {
        add(c.getComponentType(), out);
      } else if (!c.isPrimitive() && out.add(c) && c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          add(rc.getGenericType(), out);
        }
      }
    } else if (t instanceof ParameterizedType p) {
      add(p.getRawType(), out);
      for (Type a : p.getActualTypeArguments()) {
        add(a, out);
      }
    } else if (t instanceof GenericArrayType g) {
      add(g.getGenericComponentType(), out);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        add(b, out);
      }
    }
  }
}
