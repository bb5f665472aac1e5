package org.dsdl.app.fakes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.render.VisualizerFactory;

/**
 * A {@link VisualizerFactory} whose visualizers record what they are shown: the checkpoint of every
 * snapshot handed to their hooks and the run record they render. Each writes {@code NAME.txt}.
 */
public final class RecordingVisualizers implements VisualizerFactory {
  /**
   * One call to a recording visualizer.
   *
   * @param visualizer its name
   * @param checkpoint the snapshot's checkpoint, or -1 for a render
   * @param measured checkpoints the record held at a render, or -1 for a hook
   */
  public record Call(String visualizer, int checkpoint, int measured) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public Visualizer create(PluginUse use) {
    String name = use.alias();
    return new Visualizer() {
      @Override
      public List<Path> render(RunRecord run) throws IOException {
        synchronized (calls) {
          calls.add(new Call(name, -1, run.info().checkpoints().size()));
        }
        Path f = run.directory().resolve(name + ".txt");
        Files.writeString(f, run.info().checkpoints().size() + " checkpoints\n");
        return List.of(f);
      }

      @Override
      public void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) {
        synchronized (calls) {
          calls.add(new Call(name, snapshot.checkpoint().index(), -1));
        }
      }
    };
  }

  /** The calls so far, in order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }
}
