package org.dsdl.visualizers.tensorboard;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.visualizers.common.Heatmaps;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * TensorBoard event file {@code tensorboard/events.out.tfevents.0.dsdl}: a {@code file_version}
 * event, then per measurement an {@code Event} (step = training step, wall time = seconds from the
 * run's start to the checkpoint, as the run recorded it, so TensorBoard's relative axis is run time) holding a scalar summary
 * tagged {@code probe/metric[/layer]}, or, for matrices up to {@value #MAX_IMAGE_CELLS} cells, an
 * image summary of the heat map. Built with TensorFlow Java's own protocol buffers; rewritten
 * whole (atomically) at each render.
 */
final class TensorBoardVisualizer implements Visualizer {
  static final String DIR = "tensorboard";
  static final String FILE = "events.out.tfevents.0.dsdl";
  static final int MAX_IMAGE_CELLS = 64 * 64;

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    Path dir = run.directory().resolve(DIR);
    Files.createDirectories(dir);
    Path target = dir.resolve(FILE);
    OutputFiles.writeAtomically(target, out -> {
      TfRecords.write(out, Event.newBuilder().setWallTime(0).setFileVersion("brain.Event:2").build().toByteArray());
      for (Measurement m : run.measurements()) {
        Summary.Value value = value(m);
        if (value != null) {
          Checkpoint c = m.key().checkpoint();
          Event e = Event.newBuilder().setWallTime(run.info().wallSeconds(c).orElse(0)).setStep(c.step()).setSummary(Summary.newBuilder().addValue(value)).build();
          TfRecords.write(out, e.toByteArray());
        }
      }
    });
    return List.of(target);
  }

  static String tag(Measurement m) {
    return m.key().probe() + "/" + m.key().metric() + (m.key().layer() == null ? "" : "/" + m.key().layer());
  }

  private static Summary.Value value(Measurement m) throws IOException {
    if (m instanceof ScalarMeasurement s) {
      return Summary.Value.newBuilder().setTag(tag(m)).setSimpleValue((float) s.value()).build();
    }
    if (m instanceof MatrixMeasurement x && x.values().length * (long) x.columnLabels().size() <= MAX_IMAGE_CELLS && x.values().length > 0) {
      var image = Heatmaps.image(x.values(), Math.max(1, 256 / Math.max(x.values().length, x.columnLabels().size())));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return Summary.Value.newBuilder().setTag(tag(m)).setImage(Summary.Image.newBuilder()
          .setHeight(image.getHeight()).setWidth(image.getWidth()).setColorspace(3)
          .setEncodedImageString(ByteString.copyFrom(png.toByteArray()))).build();
    }
    return null;
  }
}
