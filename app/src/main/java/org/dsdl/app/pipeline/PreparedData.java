package org.dsdl.app.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.dsdl.api.data.DatasetException;
import org.dsdl.api.data.DatasetProvider;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.app.DsdlException;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.training.Sampling;
import org.dsdl.app.training.Seeds;

/**
 * The data of one run, loaded and checked before any training: the dataset, the probe set (a
 * stratified, seeded subset of the held-out split), the training-evaluation subset, and the model
 * spec fitted to the data's shape and classes (at most {@link #MAX_PARAMETERS} parameters).
 *
 * @param dataset the dataset
 * @param probeSet held-out exemplars captured at every checkpoint
 * @param trainEval training exemplars evaluated at every checkpoint
 * @param modelName the model's label (see {@link ModelChoice#name()})
 * @param model the architecture's layer graph for this data
 * @param contentSha256 SHA-256 of every pixel and label of both splits (computed once)
 */
public record PreparedData(Dataset dataset, Split probeSet, Split trainEval, String modelName, LayerGraph model, String contentSha256) {
  /**
   * The most trainable parameters a model may have: 100 million, 400 MB of weights and about
   * 1.6 GB with their gradients and Adam's two moments (the presets have about 0.1 to 5 million).
   */
  public static final long MAX_PARAMETERS = 100_000_000L;


  /** Loads the dataset and draws the subsets; bad data or an unbuildable model is bad input. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static PreparedData prepare(ExperimentPlan plan, Seeds seeds) {
    DatasetProvider provider = (DatasetProvider) plan.dataset().plugin().provider();
    Dataset dataset;
    try {
      dataset = provider.load(plan.dataset().parameters(), new DatasetContext(seeds.dataset()));
    } catch (DatasetException | IllegalArgumentException e) {
      throw DsdlException.badInput("dataset '" + plan.dataset().alias() + "': " + e.getMessage(), e);
    }
    LayerGraph model;
    try {
      model = plan.model().graph(dataset.shape(), dataset.classes());
    } catch (IllegalArgumentException e) {
      throw DsdlException.badInput("model (" + plan.model().architecture().plugin().name() + ") for " + dataset.shape() + " input: "
          + e.getMessage(), e);
    }
    checkSize(plan.model().name(), plan.model().architecture().plugin().name(), model, plan.source());
    int batch = plan.config().training().batchSize();
    if (batch > dataset.train().size()) {
      throw DsdlException.badInput(String.format(java.util.Locale.ROOT,
          "%s: training.batchSize %,d is larger than the training split of dataset '%s' (%,d exemplars); use at most %,d",
          plan.source(), batch, plan.dataset().alias(), dataset.train().size(), dataset.train().size()));
    }
    int classes = dataset.classes();
    Split probeSet = dataset.test().select(Sampling.stratified(dataset.test().labels(), classes,
        plan.config().probeSet().perClass(), seeds.sampling()));
    int evalPerClass = plan.config().training().trainEvalSize() / classes;
    Split trainEval = dataset.train().select(Sampling.stratified(dataset.train().labels(), classes,
        evalPerClass, Seeds.mix(seeds.sampling(), 1)));
    PreparedData data = new PreparedData(dataset, probeSet, trainEval, plan.model().name(), model, contentSha256(dataset));
    data.captureLayers(plan.config().probeSet().layers());
    return data;
  }

  /**
   * Refuses a model of more than {@link #MAX_PARAMETERS} parameters, naming its largest layer:
   * building it would fail (or exhaust memory) after the run directory exists.
   */
  static void checkSize(String name, String architecture, LayerGraph model, String source) {
    long count = model.parameterCount();
    if (count > MAX_PARAMETERS) {
      LayerInfo largest = model.layers().stream().max(java.util.Comparator.comparingLong(LayerInfo::parameters)).orElseThrow();
      throw DsdlException.badInput(String.format(java.util.Locale.ROOT,
          "%s: model %s has %s parameters for %s input and %d classes (%s alone has %s); a run may have at most %,d:"
              + " use a smaller model (dsdl describe %s lists its parameters)", source, name, count(count), model.input(), model.classes(),
          largest.name(), count(largest.parameters()), MAX_PARAMETERS, architecture));
    }
  }

  private static String count(long n) {
    return n == Long.MAX_VALUE ? "more than 9.2 × 10^18" : String.format(java.util.Locale.ROOT, "%,d", n);
  }

  /**
   * The layers to capture: every layer but pooling ones (convolutions, dense layers, adds, global
   * pooling and the logits) for {@code [all]},
   * else the named layers, which must exist.
   */
  public List<String> captureLayers(List<String> configured) {
    List<LayerInfo> layers = model.layers();
    if (configured.contains("all")) {
      return layers.stream().filter(l -> l.kind() != LayerKind.POOL).map(LayerInfo::name).toList();
    }
    Set<String> known = new java.util.HashSet<>(layers.stream().map(LayerInfo::name).toList());
    List<String> out = new ArrayList<>();
    for (String name : configured) {
      if (!known.contains(name)) {
        throw DsdlException.badInput("probeSet.layers: unknown layer '" + name + "'; the model's layers are "
            + layers.stream().map(LayerInfo::name).toList());
      }
      out.add(name);
    }
    return out;
  }

  /** The dataset's summary for run.json. */
  public Manifest.DatasetSummary summary(String plugin) {
    int classes = dataset.classes();
    return new Manifest.DatasetSummary(plugin, dataset.classNames(),
        List.of(dataset.shape().height(), dataset.shape().width(), dataset.shape().channels()),
        boxed(dataset.train().countsPerClass(classes)), boxed(dataset.test().countsPerClass(classes)),
        sha256(dataset.train().ids()), sha256(dataset.test().ids()), contentSha256, probeSet.size(), sha256(probeSet.ids()),
        dataset.provenance());
  }

  private static List<Integer> boxed(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  /** SHA-256 of both splits' pixels (float bits, big-endian) and labels, in order. */
  static String contentSha256(Dataset d) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Split s : List.of(d.train(), d.test())) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(s.images().length * 4);
        b.asFloatBuffer().put(s.images());
        md.update(b.array());
        java.nio.ByteBuffer l = java.nio.ByteBuffer.allocate(s.labels().length * 4);
        l.asIntBuffer().put(s.labels());
        md.update(l.array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of ids written as big-endian longs, in order. */
  public static String sha256(long[] ids) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
      for (long id : ids) {
        b.clear();
        md.update(b.putLong(id).array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
