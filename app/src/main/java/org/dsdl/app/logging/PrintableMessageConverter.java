package org.dsdl.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.dsdl.app.config.Printable;

/**
 * Logback's {@code %msg} with control characters escaped: a class name or file name holding a
 * newline or a terminal escape sequence can neither forge a log line nor drive the terminal.
 * Named {@code %pmsg} in {@code logback.xml}.
 */
public final class PrintableMessageConverter extends MessageConverter {
  /** Created by Logback from its configuration. */
  public PrintableMessageConverter() {}

  @Override
  public String convert(ILoggingEvent event) {
    return Printable.of(super.convert(event));
  }
}
