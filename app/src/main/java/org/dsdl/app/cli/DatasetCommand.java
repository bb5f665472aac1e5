package org.dsdl.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.DsdlException;
import org.dsdl.app.render.ContactSheet;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.PreparedData;
import org.dsdl.app.training.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsdl dataset …}: look at an experiment's data without training. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Look at an experiment's data without training.",
    subcommands = DatasetCommand.Preview.class)
public final class DatasetCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dsdl dataset preview CONFIG --out FILE.png}: a contact sheet, a row per class. */
  @Command(name = "preview", mixinStandardHelpOptions = true,
      description = "Write a contact sheet of the training exemplars (a row per class) as PNG: what the network will see.")
  public static final class Preview implements Callable<Integer> {
    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG to write")
    Path out;

    @Option(names = "--per-class", defaultValue = "12", description = "exemplars per class (default ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--zoom", defaultValue = "2", description = "pixels per image pixel (default ${DEFAULT-VALUE})")
    int zoom;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
      if (perClass < 1 || zoom < 1 || zoom > 16) {
        throw DsdlException.badInput("--per-class must be >= 1 and --zoom between 1 and 16");
      }
      ExperimentPlan plan = experiment.plan();
      PreparedData data = PreparedData.prepare(plan, new Seeds(plan.config().seed()));
      var image = ContactSheet.render(data.dataset(), perClass, zoom);
      OutputFiles.writeAtomically(out, o -> ImageIO.write(image, "png", o));
      spec.commandLine().getOut().printf("%s: %d classes x %d exemplars, %dx%d pixels%n", out, data.dataset().classes(), perClass,
          image.getWidth(), image.getHeight());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
