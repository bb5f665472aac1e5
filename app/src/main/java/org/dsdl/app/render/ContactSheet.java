package org.dsdl.app.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.rundir.RunDirectory;

/**
 * A contact sheet of a dataset: one row per class (name on the left), the first {@code perClass}
 * training exemplars of each, magnified. Pixel values are mapped from the sheet's own min..max to
 * black..white, so normalised data is shown too.
 */
public final class ContactSheet {
  private static final int LABEL_WIDTH = 110;
  private static final int GAP = 2;

  private ContactSheet() {}

  /** A contact sheet: a row per class of the first {@code perClass} training exemplars, each scaled by {@code zoom}. */
  public static BufferedImage render(Dataset d, int perClass, int zoom) {
    Split train = d.train();
    ImageShape s = d.shape();
    int cell = s.width() * zoom;
    int rowHeight = s.height() * zoom;
    BufferedImage img = new BufferedImage(LABEL_WIDTH + perClass * (cell + GAP), d.classes() * (rowHeight + GAP), BufferedImage.TYPE_INT_RGB);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : train.images()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float range = max > min ? max - min : 1;
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(14, rowHeight / 3))));
      for (int c = 0; c < d.classes(); c++) {
        int y0 = c * (rowHeight + GAP);
        g.setColor(Color.BLACK);
        g.drawString(d.classNames().get(c), 4, y0 + rowHeight / 2 + 5);
        int shown = 0;
        for (int i = 0; i < train.size() && shown < perClass; i++) {
          if (train.labels()[i] != c) {
            continue;
          }
          int x0 = LABEL_WIDTH + shown * (cell + GAP);
          for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
              int o = i * s.size() + (y * s.width() + x) * s.channels();
              int r = level(train.images()[o], min, range);
              int rgb = s.channels() >= 3
                  ? (r << 16) | (level(train.images()[o + 1], min, range) << 8) | level(train.images()[o + 2], min, range)
                  : (r << 16) | (r << 8) | r;
              g.setColor(new Color(rgb));
              g.fillRect(x0 + x * zoom, y0 + y * zoom, zoom, zoom);
            }
          }
          shown++;
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes the contact sheet of {@code d} (ten exemplars per class, doubled) into a run directory. */
  public static void writeInto(Path runDir, Dataset d) throws IOException {
    BufferedImage sheet = render(d, 10, 2);
    OutputFiles.writeAtomically(runDir.resolve(RunDirectory.CONTACT_SHEET), out -> ImageIO.write(sheet, "png", out));
  }

  private static int level(float v, float min, float range) {
    return Math.max(0, Math.min(255, Math.round((v - min) / range * 255)));
  }
}
