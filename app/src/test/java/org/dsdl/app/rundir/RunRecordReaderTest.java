package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.plugin.NoParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed run record filled from run.json: a run written before declarations were recorded, and one written now. */
class RunRecordReaderTest {
  @TempDir
  Path dir;

  /** A run.json that a dsdl of before this change wrote for the default run (its metrics.jsonl left out). */
  private Path oldRun() throws Exception {
    try (InputStream in = RunRecordReaderTest.class.getResourceAsStream("run-before-declarations.json")) {
      Files.copy(in, dir.resolve(RunDirectory.MANIFEST));
    }
    return dir;
  }

  @Test
  void anOldRunJsonFillsEveryTypedFactAndDeclaresNothing() throws Exception {
    RunInfo info = RunRecordReader.read(oldRun()).info();
    assertThat(info.name()).isEqualTo("dense-sample");
    assertThat(info.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(info.versions().dsdl()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(info.versions().engine()).startsWith("tensorflow-java 1.1.0");
    assertThat(info.versions().cpus()).isEqualTo(2);
    assertThat(info.seeds()).hasValueSatisfying(s -> assertThat(s.init()).isEqualTo(2949826092126892291L));
    assertThat(info.dataset()).hasValueSatisfying(d -> {
      assertThat(d.plugin()).isEqualTo("tokens");
      assertThat(d.shape().height()).isEqualTo(32);
      assertThat(d.trainPerClass()).hasSize(5).containsOnly(500);
      assertThat(d.provenance()).isNotEmpty();
    });
    assertThat(info.classNames()).hasSize(5);
    assertThat(info.model()).hasValueSatisfying(m -> assertThat(m.spec()).isEqualTo("vgg-1.24m"));
    assertThat(info.parameterCount()).isEqualTo(1_245_085);
    assertThat(info.timings()).hasValueSatisfying(t -> {
      assertThat(t.total()).isEqualTo(170.887621943);
      assertThat(t.probes()).containsEntry("accuracy", 0.050375212);
    });
    assertThat(info.wallSeconds(info.checkpoints().get(1))).hasValue(5.602702026);
    assertThat(info.probeFailures()).isEmpty();
    assertThat(info.error()).isEmpty();
    assertThat(info.resolvedConfig()).hasValueSatisfying(c -> assertThat(c).contains("\"schedule\":\"cosine\""));
    assertThat(info.outputs()).contains(dir.resolve("report.html"));
    assertThat(info.contactSheet()).as("no dataset.png in this directory").isEmpty();
    assertThat(info.metrics().recorded()).isFalse();
    assertThat(info.metrics().role("cka", "settling_step")).as("the documented fallback for old runs").isEqualTo(MetricRole.EVENT);
  }

  @Test
  void theContactSheetIsTheFileTheRunWrote() throws Exception {
    oldRun();
    Files.write(dir.resolve(RunDirectory.CONTACT_SHEET), new byte[] {1});
    assertThat(RunRecordReader.read(dir).info().contactSheet()).contains(dir.resolve(RunDirectory.CONTACT_SHEET));
  }

  /** A provider declaring one event, as the run records it. */
  private static final class Declaring implements ProbeProvider<NoParameters> {
    @Override
    public String name() {
      return "mine";
    }

    @Override
    public String description() {
      return "";
    }

    @Override
    public NoParameters defaultParameters() {
      return new NoParameters();
    }

    @Override
    public List<MetricSpec> metrics() {
      return List.of(MetricSpec.event("settles", MeasurementKind.SCALAR, "first step it stays").forEachLayer(),
          MetricSpec.summary("sd", MeasurementKind.SCALAR, ""));
    }

    @Override
    public Probe create(NoParameters parameters, ProbeContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aNewRunJsonRecordsEachProbesDeclarationsAndTheReaderTypesThem() throws Exception {
    oldRun();
    Manifest m = RunRecordReader.manifest(dir);
    Manifest withDeclarations = new Manifest(m.format(), m.name(), m.status(), m.seed(), m.seeds(), m.versions(), m.config(), m.dataset(),
        m.model(), m.checkpoints(), m.probeFailures(), m.timings(), m.error(), m.outputs(),
        Manifest.DeclaredMetric.byProbe(Map.of("my-alias", new Declaring())));
    RunDirectory.writeManifest(dir, withDeclarations);
    ObjectNode written = (ObjectNode) Json.PRETTY.readTree(dir.resolve(RunDirectory.MANIFEST).toFile());
    assertThat(written.at("/probeMetrics/my-alias/0").toString())
        .isEqualTo("{\"name\":\"settles\",\"kind\":\"scalar\",\"role\":\"event\",\"perLayer\":true,\"description\":\"first step it stays\"}");

    RunInfo info = RunRecordReader.read(dir).info();
    assertThat(info.metrics().recorded()).isTrue();
    assertThat(info.metrics().byProbe().get("my-alias")).containsExactlyElementsOf(new Declaring().metrics());
    assertThat(info.metrics().role("my-alias", "settles")).isEqualTo(MetricRole.EVENT);
    assertThat(info.metrics().role("cka", "settling_step")).as("a new run: no suffix rule").isEqualTo(MetricRole.SERIES);

    // a role this dsdl does not know (a newer writer): that metric is left out, the rest are read
    ((ObjectNode) ((ArrayNode) written.at("/probeMetrics/my-alias")).get(0)).put("role", "milestone");
    Json.PRETTY.writeValue(dir.resolve(RunDirectory.MANIFEST).toFile(), written);
    assertThat(RunRecordReader.read(dir).info().metrics().byProbe().get("my-alias")).extracting(MetricSpec::name).containsExactly("sd");
  }

  @Test
  void anOldManifestIsRewrittenWithoutInventingDeclarations() throws Exception {
    oldRun();
    RunDirectory.writeManifest(dir, RunRecordReader.manifest(dir));
    assertThat(Json.PRETTY.readTree(dir.resolve(RunDirectory.MANIFEST).toFile()).has("probeMetrics")).isFalse();
  }
}
