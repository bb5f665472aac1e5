package org.dsdl.app.sweep.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsdl.app.sweep.HandBuiltSweep.f;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.sweep.HandBuiltSweep;
import org.dsdl.app.sweep.SweepRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings across seeds from hand-built run directories: per condition × finding, the seeds in
 * which it holds, each verdict's count, and the median and range of the step where it emerged, all
 * worked out by hand below.
 */
class SweepFindingsTest {
  @TempDir
  Path dir;
  HandBuiltSweep sweep;
  List<SweepRun> runs;

  // dense: three seeds with findings. sparse: one seed with findings, one failed run (its findings.json is not read), one
  // completed run without findings.json (no findings visualizer), and an entry whose verdict dsdl does not know.
  @BeforeEach
  void runs() throws Exception {
    sweep = HandBuiltSweep.in(dir);
    SweepRun d1 = HandBuiltSweep.run("dense", 1, "dataset.trainPerClass", 500);
    SweepRun d2 = HandBuiltSweep.run("dense", 2, "dataset.trainPerClass", 500);
    SweepRun d3 = HandBuiltSweep.run("dense", 3, "dataset.trainPerClass", 500);
    SweepRun s1 = HandBuiltSweep.run("sparse, \"odd\"", 1, "dataset.trainPerClass", 50);
    SweepRun s2 = HandBuiltSweep.run("sparse, \"odd\"", 2, "dataset.trainPerClass", 50);
    SweepRun s3 = HandBuiltSweep.run("sparse, \"odd\"", 3, "dataset.trainPerClass", 50);
    runs = List.of(d1, d2, d3, s1, s2, s3);
    // seed 1 lists layer identity first: the aggregate orders by topic all the same
    sweep.withFindings(d1, "COMPLETED", f("LAYER_IDENTITY", "fc2", "EMERGED", 40), f("CLASS_IDENTITY", "T", "EMERGED", 10),
        f("COUPLING", "c1", "NOT_DISTINGUISHABLE", null), f("SETTLING", "layers", "EMERGED", null), f("PATHWAY", "fc2", "EMERGED", 7));
    sweep.withFindings(d2, "COMPLETED", f("CLASS_IDENTITY", "T", "NOT_DISTINGUISHABLE", 0), f("LAYER_IDENTITY", "fc2", "EMERGED", 100),
        f("COUPLING", "c1", "EMERGED", 5), f("SETTLING", "layers", "EMERGED", null), f("PATHWAY", "fc2", "EMERGED", 3),
        f("PATHWAY", "fc2", "NOT_DISTINGUISHABLE", null)); // listed twice: the first counts
    sweep.withFindings(d3, "COMPLETED", f("CLASS_IDENTITY", "T", "EMERGED", 30), f("LAYER_IDENTITY", "fc2", "PRESENT_AT_INITIALISATION", null),
        f("SETTLING", "layers", "EMERGED", null), f("PATHWAY", "fc2", "EMERGED", 50)); // coupling of c1 not reported
    sweep.withFindings(s1, "COMPLETED", f("LAYER_IDENTITY", "fc2", "NOT_DISTINGUISHABLE", null), f("COUPLING", "c1", "MAYBE", 3));
    sweep.withFindings(s2, "FAILED", f("LAYER_IDENTITY", "fc2", "EMERGED", 9));
    sweep.runDirectory(s3, "COMPLETED");
  }

  private List<FindingAcrossSeeds> aggregate() {
    return SweepFindings.aggregate(runs, SweepFindings.collect(runs, r -> dir.resolve("runs").resolve(r.name())));
  }

  @Test
  void countsEachVerdictAcrossTheSeedsThatWroteFindings() {
    List<FindingAcrossSeeds> all = aggregate();
    assertThat(all).extracting(f -> f.condition() + " " + f.key().topic() + " " + f.key().subject()).containsExactly(
        "dense CLASS_IDENTITY T", "dense LAYER_IDENTITY fc2", "dense COUPLING c1", "dense SETTLING layers", "dense PATHWAY fc2",
        "sparse, \"odd\" LAYER_IDENTITY fc2");
    // class T: emerged at 10 and 30, not distinguishable once: 2 of 3; median of {10, 30} = 20
    assertThat(all.get(0)).isEqualTo(new FindingAcrossSeeds("dense", new FindingKey("CLASS_IDENTITY", "T"), 3, 2, 0, 1, 0, 2, 20, 10, 30));
    assertThat(all.get(0).held()).isEqualTo(2);
    assertThat(all.get(0).fraction()).isEqualTo(2.0 / 3);
    // fc2's identity: emerged at 40 and 100, present at initialisation once: all 3 hold; median 70
    assertThat(all.get(1)).isEqualTo(new FindingAcrossSeeds("dense", new FindingKey("LAYER_IDENTITY", "fc2"), 3, 2, 1, 0, 0, 2, 70, 40, 100));
    assertThat(all.get(1).fraction()).isEqualTo(1.0);
    // c1's coupling: emerged at 5 in one seed, not distinguishable in one, not reported by the third: 1 of 3
    assertThat(all.get(2)).isEqualTo(new FindingAcrossSeeds("dense", new FindingKey("COUPLING", "c1"), 3, 1, 0, 1, 1, 1, 5, 5, 5));
    assertThat(all.get(2).fraction()).isEqualTo(1.0 / 3);
    // settling: emerged in every seed, without a step
    FindingAcrossSeeds settling = all.get(3);
    assertThat(settling.held()).isEqualTo(3);
    assertThat(settling.stepN()).isZero();
    assertThat(settling.stepMedian()).isNaN();
    // pathway: steps {3, 7, 50} (seed 2's second entry ignored): median 7, the middle one
    assertThat(all.get(4)).isEqualTo(new FindingAcrossSeeds("dense", new FindingKey("PATHWAY", "fc2"), 3, 3, 0, 0, 0, 3, 7, 3, 50));
    // sparse: only seed 1 counts (seed 2 failed, seed 3 wrote no findings); the unknown verdict is left out
    assertThat(all.get(5)).isEqualTo(new FindingAcrossSeeds("sparse, \"odd\"", new FindingKey("LAYER_IDENTITY", "fc2"), 1, 0, 0, 1, 0, 0,
        Double.NaN, Double.NaN, Double.NaN));
    assertThat(all.get(5).fraction()).isZero();
  }

  @Test
  void findingsCsvHasARowPerConditionAndFindingWithTheVariedKeys() throws Exception {
    List<Path> written = new FindingsCsv().write(dir, runs, List.of());
    assertThat(written).containsExactly(dir.resolve("findings.csv"));
    assertThat(Files.readAllLines(dir.resolve("findings.csv"))).containsExactly(
        "condition,dataset.trainPerClass,topic,subject,n,held,fraction,emerged,present_at_initialisation,not_distinguishable,not_reported,"
            + "step_n,step_median,step_min,step_max",
        "dense,500,CLASS_IDENTITY,T,3,2,0.6666666666666666,2,0,1,0,2,20,10,30",
        "dense,500,LAYER_IDENTITY,fc2,3,3,1,2,1,0,0,2,70,40,100",
        "dense,500,COUPLING,c1,3,1,0.3333333333333333,1,0,1,1,1,5,5,5",
        "dense,500,SETTLING,layers,3,3,1,3,0,0,0,0,,,",
        "dense,500,PATHWAY,fc2,3,3,1,3,0,0,0,3,7,3,50",
        "\"sparse, \"\"odd\"\"\",50,LAYER_IDENTITY,fc2,1,0,0,0,0,1,0,0,,,");
  }

  @Test
  void anEvenCountOfStepsHasTheMeanOfTheMiddleTwoAsItsMedian() throws Exception {
    SweepRun a = HandBuiltSweep.run("x", 1, "k", 1);
    SweepRun b = HandBuiltSweep.run("x", 2, "k", 1);
    SweepRun c = HandBuiltSweep.run("x", 3, "k", 1);
    SweepRun d = HandBuiltSweep.run("x", 4, "k", 1);
    runs = List.of(a, b, c, d);
    sweep.withFindings(a, "COMPLETED", f("COUPLING", "c1", "EMERGED", 8));
    sweep.withFindings(b, "COMPLETED", f("COUPLING", "c1", "EMERGED", 1));
    sweep.withFindings(c, "COMPLETED", f("COUPLING", "c1", "EMERGED", 3));
    sweep.withFindings(d, "COMPLETED", f("COUPLING", "c1", "EMERGED", 100));
    // sorted 1, 3, 8, 100: median (3 + 8) / 2 = 5.5
    FindingAcrossSeeds f = aggregate().get(0);
    assertThat(f.stepMedian()).isEqualTo(5.5);
    assertThat(f.stepMin()).isEqualTo(1);
    assertThat(f.stepMax()).isEqualTo(100);
    assertThat(FindingsText.line(f)).isEqualTo("coupling · c1: 4/4 seeds (emerged 4, step median 5.5, range 1–100)");
  }

  @Test
  void theCommandLineListsWhatHeldMostOftenFirst() {
    List<String> lines = FindingsText.lines("S/findings.csv", aggregate());
    assertThat(lines).containsExactly(
        "findings across seeds (S/findings.csv): in how many seeds each holds (emerged, or present at initialisation, beyond its control)",
        "  dense (3 seeds):",
        "    - layer identity · fc2: 3/3 seeds (emerged 2, step median 70, range 40–100; present at initialisation 1)",
        "    - settling · layers: 3/3 seeds (emerged 3)",
        "    - pathway · fc2: 3/3 seeds (emerged 3, step median 7, range 3–50)",
        "    - class identity · T: 2/3 seeds (emerged 2, step median 20, range 10–30)",
        "    - coupling · c1: 1/3 seeds (emerged 1, step 5; not reported 1)",
        "  sparse, \"odd\" (1 seed):",
        "    no finding holds in any seed",
        "    (1 held in no seed; see findings.csv)");
    assertThat(FindingsText.lines("S/findings.csv", List.of())).isEmpty();
  }
}
