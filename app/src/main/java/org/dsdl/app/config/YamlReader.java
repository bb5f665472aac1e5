package org.dsdl.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsdl.app.DsdlException;

/**
 * Reads YAML (or JSON, a subset) into a tree, refusing in one line what would otherwise be read as
 * something other than what was written: a key given twice in one mapping (the last would win
 * silently), a YAML alias ({@code *name}: it would be read as the string "name"; anchors and
 * aliases are not supported), and lists or mappings nested more than {@link #MAX_DEPTH} deep.
 */
final class YamlReader {
  /** The deepest nesting of lists and mappings accepted; a config needs a handful of levels. */
  static final int MAX_DEPTH = 100;
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private final ObjectMapper mapper;

  /** A reader whose mapper binds with {@code mapper}'s rules; the nesting limit applies to its parser too. */
  YamlReader() {
    YAMLFactory factory = YAMLFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
        .build();
    this.mapper = StrictBinding.configure(YAMLMapper.builder(factory)).build();
  }

  /** The mapper that binds trees read here to records. */
  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads {@code text}; {@code what} names it in errors, e.g. {@code config file 'e.yaml'}.
   *
   * @return the tree, or null for an empty document
   */
  JsonNode read(String text, String what) {
    try {
      check(text, what);
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput(what + " is not valid YAML/JSON" + syntaxError(e), e);
    }
  }

  /** Walks the tokens once: duplicate keys, aliases and depth are found before anything is built. */
  private void check(String text, String what) throws JsonProcessingException {
    try (JsonParser p = mapper.createParser(text)) {
      Deque<Set<String>> open = new ArrayDeque<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int line = p.currentTokenLocation().getLineNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
          throw DsdlException.badInput(what + " at line " + line + ": YAML anchors and aliases (*" + p.getText()
              + ") are not supported; write the value out");
        }
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            if (open.size() == MAX_DEPTH) {
              throw DsdlException.badInput(what + " at line " + line + ": lists and mappings are nested more than "
                  + MAX_DEPTH + " deep");
            }
            open.push(new HashSet<>());
          }
          case END_OBJECT, END_ARRAY -> open.pop();
          case FIELD_NAME -> {
            if (!open.peek().add(p.currentName())) {
              String parent = path(p.getParsingContext().getParent());
              throw DsdlException.badInput(what + " at line " + line + ": key '" + p.currentName() + "' appears twice in "
                  + (parent.isEmpty() ? "the top level" : "'" + parent + "'") + "; give each key once");
            }
          }
          default -> { }
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /** A context's path written as config keys: {@code training.optimizer}, {@code probes[1]}. */
  private static String path(JsonStreamContext ctx) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
    }
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (sb.length() > 0 && !part.startsWith("[")) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /**
   * One line for a syntax error: where (the YAML parser's problem mark when it gives one) and the
   * unindented lines of its message (the indented ones quote the source with a caret under it).
   */
  static String syntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    List<String> said = new ArrayList<>();
    String line = null;
    String column = null;
    for (String l : message.split("\n")) {
      Matcher m = MARK.matcher(l);
      if (l.startsWith(" in ") && m.find()) {
        line = m.group(1);
        column = m.group(2);
      } else if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
        said.add(l.strip());
      }
    }
    if (line == null && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      line = Integer.toString(e.getLocation().getLineNr());
      column = Integer.toString(e.getLocation().getColumnNr());
    }
    return (line == null ? "" : " at line " + line + ", column " + column) + ": " + String.join(", ", said);
  }
}
