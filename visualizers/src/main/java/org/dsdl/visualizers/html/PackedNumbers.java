package org.dsdl.visualizers.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A compact text form of a report's number arrays (the page's bytes, which the browser must read and parse, are most
 * of its render time): each number as a few base-64 characters instead of its decimal text, decoding to exactly the
 * double the JSON text would give (the report's numbers have a few significant digits, see {@link ReportData}).
 *
 * <p>A packed array is a string: a header, then the values. The header is the stride {@code s} (one digit, 1–9: the
 * array is rows of {@code s} values, e.g. an edge's source, target and weight), then per column a kind and a width
 * (one digit each): kind {@code '0'}–{@code '9'} is a fixed exponent {@code E}, the value is {@code n / 10^E}; kind
 * {@code 'p'} gives each value its own exponent. Then each value in order, as {@code width} characters of the
 * alphabet {@code A–Z a–z 0–9 - _}, most significant first, forming a code: 0 is null; otherwise {@code z = code − 1}
 * (kind {@code 'p'}: {@code x = z mod 13}, {@code z = ⌊z / 13⌋}) and {@code n = z/2} for even {@code z},
 * {@code −(z+1)/2} for odd; the value is {@code n / 10^E} (kind {@code 'p'}: {@code n / 10^x}). Both {@code n} and
 * the power of ten are exact doubles, so the quotient is the double nearest the decimal, which is what parsing the
 * decimal gives. The page decodes with the same steps ({@code unpack} in report.js).
 */
final class PackedNumbers {
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  /** The most characters a value may take: 48 bits, codes the page adds up exactly in a double. */
  static final int MAX_WIDTH = 8;
  /** Exponents kind 'p' gives its values: 0–12. */
  static final int EXPONENTS = 13;

  private PackedNumbers() {}

  /**
   * The array packed, or the array itself where packing does not apply: an element that is not a number or null,
   * a negative zero, a length not a multiple of {@code stride}, or a value needing more than {@link #MAX_WIDTH}
   * characters.
   */
  static JsonNode pack(ArrayNode values, int stride) {
    if (stride < 1 || stride > 9 || values.size() % stride != 0 || values.isEmpty()) {
      return values;
    }
    StringBuilder header = new StringBuilder().append(stride);
    long[][] codes = new long[stride][];
    int[] widths = new int[stride];
    for (int c = 0; c < stride; c++) {
      BigDecimal[] column = new BigDecimal[values.size() / stride];
      for (int i = 0; i < column.length; i++) {
        JsonNode v = values.get(i * stride + c);
        if (v.isNull()) {
          continue;
        }
        if (!v.isNumber() || v.isDouble() && Double.doubleToRawLongBits(v.doubleValue()) == Long.MIN_VALUE) {
          return values; // not a number, or -0.0 (which decodes as 0)
        }
        column[i] = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(Double.toString(v.doubleValue()));
      }
      int exponent = exponentOf(column);
      long[] fixed = fixedCodes(column, exponent);
      long[] own = ownExponentCodes(column);
      int wf = width(fixed);
      int wo = width(own);
      if (wf > MAX_WIDTH && wo > MAX_WIDTH) {
        return values;
      }
      if (wf <= wo) {
        header.append(exponent).append(wf);
        codes[c] = fixed;
        widths[c] = wf;
      } else {
        header.append('p').append(wo);
        codes[c] = own;
        widths[c] = wo;
      }
    }
    StringBuilder out = header;
    for (int i = 0; i < codes[0].length; i++) {
      for (int c = 0; c < stride; c++) {
        long code = codes[c][i];
        for (int k = widths[c] - 1; k >= 0; k--) {
          out.append(ALPHABET.charAt((int) ((code >>> (6 * k)) & 63)));
        }
      }
    }
    return TextNode.valueOf(out.toString());
  }

  /**
   * Packs, in place, the large number arrays of the report's second part ({@link ReportParts#more()}): vector frames, matrix
   * rows (and gives each matrix its smallest and largest value, {@code "range"}), graph frames.
   */
  static void packMore(ObjectNode more) {
    for (JsonNode v : more.path("vectors")) {
      packEach((ArrayNode) v.get("v"), 1);
    }
    for (JsonNode m : more.path("matrices")) {
      // the page unpacks a frame when it shows it; its colour scale spans every frame, so their smallest and largest value come along
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (JsonNode frame : m.get("v")) {
        for (JsonNode row : frame) {
          for (JsonNode x : row) {
            if (x.isNumber()) {
              lo = Math.min(lo, x.asDouble());
              hi = Math.max(hi, x.asDouble());
            }
          }
        }
        packEach((ArrayNode) frame, 1);
      }
      if (lo <= hi) {
        ((ObjectNode) m).putArray("range").add(lo).add(hi);
      }
    }
    for (JsonNode g : more.path("graphs")) {
      packEach((ArrayNode) g.get("edges"), 3); // source, target, weight
      for (JsonNode frame : g.get("attrs")) {
        if (frame.isArray()) {
          packEach((ArrayNode) frame, 1);
        }
      }
    }
  }

  private static void packEach(ArrayNode arrays, int stride) {
    for (int i = 0; i < arrays.size(); i++) {
      if (arrays.get(i).isArray()) {
        arrays.set(i, pack((ArrayNode) arrays.get(i), stride));
      }
    }
  }

  /** The exponent that makes every value of the column an integer (0 when they are), or -1 when it would exceed 9. */
  private static int exponentOf(BigDecimal[] column) {
    int e = 0;
    for (BigDecimal v : column) {
      if (v != null) {
        e = Math.max(e, Math.max(0, v.stripTrailingZeros().scale()));
      }
    }
    return e > 9 ? -1 : e;
  }

  /** Codes with the column's one exponent {@code e} ({@link #exponentOf}); null when it has none within 0–9. */
  private static long[] fixedCodes(BigDecimal[] column, int e) {
    if (e < 0) {
      return null;
    }
    long[] codes = new long[column.length];
    for (int i = 0; i < column.length; i++) {
      if (column[i] != null) {
        BigInteger n = column[i].movePointRight(e).toBigIntegerExact();
        BigInteger code = zigzag(n).add(BigInteger.ONE);
        if (code.bitLength() > 6 * MAX_WIDTH) {
          return null;
        }
        codes[i] = code.longValueExact();
      }
    }
    return codes;
  }

  /** Codes with each value's own exponent (0–12); null when a value needs a larger one. */
  private static long[] ownExponentCodes(BigDecimal[] column) {
    long[] codes = new long[column.length];
    for (int i = 0; i < column.length; i++) {
      if (column[i] != null) {
        BigDecimal v = column[i].stripTrailingZeros();
        int x = Math.max(0, v.scale());
        if (x >= EXPONENTS) {
          return null;
        }
        BigInteger n = v.movePointRight(x).toBigIntegerExact();
        BigInteger code = zigzag(n).multiply(BigInteger.valueOf(EXPONENTS)).add(BigInteger.valueOf(x + 1L));
        if (code.bitLength() > 6 * MAX_WIDTH) {
          return null;
        }
        codes[i] = code.longValueExact();
      }
    }
    return codes;
  }

  private static BigInteger zigzag(BigInteger n) {
    return n.signum() >= 0 ? n.shiftLeft(1) : n.negate().shiftLeft(1).subtract(BigInteger.ONE);
  }

  /** Characters each code needs (at least 1); above {@link #MAX_WIDTH} for none. */
  private static int width(long[] codes) {
    if (codes == null) {
      return MAX_WIDTH + 1;
    }
    long max = 0;
    for (long c : codes) {
      max = Math.max(max, c);
    }
    int w = 1;
    while (w < MAX_WIDTH && max >= 1L << (6 * w)) {
      w++;
    }
    return w;
  }
}
