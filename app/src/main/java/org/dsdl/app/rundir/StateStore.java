package org.dsdl.app.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.model.Model;
import org.dsdl.app.DsdlException;

/**
 * The {@code state/} folder of a run: one engine state file per save ({@code ckpt-NNNN-sSTEP.bin})
 * and {@code trainer.json} naming the current one. Order of writes: engine state (atomic), then
 * trainer.json (atomic), then older state files are deleted — so a SIGKILL at any moment leaves a
 * trainer.json that names a complete, checksummed state file.
 */
public final class StateStore {
  /** The folder's name in a run directory. */
  public static final String DIR = "state";
  /** The trainer's file. */
  public static final String TRAINER = "trainer.json";

  private StateStore() {}

  /** Saves the model's state and the trainer's position. */
  public static void save(Path runDir, Model model, TrainerState position) throws IOException {
    save(runDir, model, position, Map.of(), new WorkFiles());
  }

  /**
   * Saves the model's state, the probes' states (those not empty, by probe name) and the trainer's
   * position, which names both files and records the checksums of the probes' work files.
   */
  public static void save(Path runDir, Model model, TrainerState position, Map<String, byte[]> probeStates, WorkFiles workFiles)
      throws IOException {
    commit(runDir, saveEngine(runDir, model, position.nextCheckpoint(), position.step()), position, probeStates, workFiles);
  }

  /**
   * Writes the model's state as the engine file of a save at checkpoint {@code nextCheckpoint} and
   * step {@code step}, and returns its name; it is not the run's state until {@link #commit}ted.
   * Probes beside training measure a checkpoint after training has moved on, so the model's state
   * at the checkpoint is written when its snapshot is taken and committed once its probes are done.
   */
  public static String saveEngine(Path runDir, Model model, int nextCheckpoint, long step) throws IOException {
    Path dir = runDir.resolve(DIR);
    Files.createDirectories(dir);
    String name = baseName(nextCheckpoint, step) + ".bin";
    model.saveState(dir.resolve(name));
    return name;
  }

  /**
   * Makes {@code engineFile} (written by {@link #saveEngine} at {@code position}'s checkpoint and
   * step) the saved state: writes the probes' states (those not empty, by probe name), then the
   * trainer's position naming both files with the checksums of the probes' work files, then deletes
   * the files of earlier saves. Engine files of later checkpoints (written ahead while the probes
   * ran beside training) are kept for their own commits.
   */
  public static void commit(Path runDir, String engineFile, TrainerState position, Map<String, byte[]> probeStates, WorkFiles workFiles)
      throws IOException {
    Path dir = runDir.resolve(DIR);
    String base = baseName(position.nextCheckpoint(), position.step());
    String name = base + ".bin";
    if (!name.equals(engineFile)) {
      throw new IllegalArgumentException("the engine file " + engineFile + " is not the one of checkpoint " + position.nextCheckpoint()
          + " at step " + position.step() + " (" + name + ")");
    }
    Path file = dir.resolve(name);
    String probesName = null;
    String probesSha = null;
    Map<String, byte[]> kept = new TreeMap<>();
    probeStates.forEach((k, v) -> {
      if (v != null && v.length > 0) {
        kept.put(k, v);
      }
    });
    if (!kept.isEmpty()) {
      probesName = base + ".probes";
      byte[] bytes = ProbeStates.encode(kept);
      OutputFiles.writeAtomically(dir.resolve(probesName), out -> out.write(bytes));
      probesSha = sha256(bytes);
    }
    TrainerState state = new TrainerState(TrainerState.FORMAT, position.step(), position.nextCheckpoint(), position.samplesSeen(),
        position.configSha256(), name, sha256(file), position.trainingSeconds(), position.sessionSeconds(),
        position.checkpointSeconds(), position.probeSeconds(), position.elapsedSeconds(), probesName, probesSha,
        position.metricsLines(), workFiles.hash(dir), null).sealed();
    OutputFiles.writeAtomically(dir.resolve(TRAINER), out -> Json.PRETTY.writeValue(out, state));
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "ckpt-*")) {
      for (Path p : old) {
        String f = p.getFileName().toString();
        if (!f.equals(name) && !f.equals(probesName) && checkpointOf(f) <= position.nextCheckpoint()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String baseName(int nextCheckpoint, long step) {
    return String.format("ckpt-%04d-s%d", nextCheckpoint, step);
  }

  /** The checkpoint index in a state file's name ({@code ckpt-NNNN-sSTEP…}); the lowest for a name of another form. */
  private static int checkpointOf(String fileName) {
    int end = fileName.indexOf("-s", 5);
    try {
      return end < 0 ? Integer.MIN_VALUE : Integer.parseInt(fileName.substring(5, end));
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  /**
   * The probes' states a loaded position names, by probe name (empty if it names none); a missing
   * or corrupt file is bad input, and nothing is modified.
   */
  public static Map<String, byte[]> probeStatesOf(Path runDir, TrainerState s) {
    if (s.probeState() == null) {
      return Map.of();
    }
    Path file = runDir.resolve(DIR).resolve(s.probeState());
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (!sha256(bytes).equals(s.probeStateSha256())) {
        throw DsdlException.badInput("cannot resume " + runDir + ": the probes' state " + file + " is corrupt (its SHA-256 differs from "
            + runDir.resolve(DIR).resolve(TRAINER) + ")");
      }
      return ProbeStates.decode(bytes, file);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": cannot read the probes' state " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads and checks the saved position; any defect is bad input naming the file and the reason,
   * and nothing is modified.
   *
   * @param configSha256 the hash of the run's resolved config, which the state must match
   */
  public static TrainerState load(Path runDir, String configSha256) {
    Path dir = runDir.resolve(DIR);
    Path trainer = dir.resolve(TRAINER);
    if (!Files.isRegularFile(trainer)) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " is missing (no state was saved:"
          + " the run stopped before its first checkpoint finished, or state saving was off)");
    }
    TrainerState s;
    try {
      s = Json.PRETTY.readValue(trainer.toFile(), TrainerState.class);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " is not a valid trainer state: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": cannot read " + trainer + ": " + e.getMessage(), e);
    }
    if (s.format() != TrainerState.FORMAT) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " has format " + s.format() + ", this dsdl reads " + TrainerState.FORMAT);
    }
    if (s.seal() == null || !s.seal().equals(s.expectedSeal())) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " was modified after dsdl wrote it (its seal does not match"
          + " its content); the state cannot be trusted");
    }
    if (!configSha256.equals(s.configSha256())) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " belongs to another config than run.json's (config hash differs)");
    }
    Path file = dir.resolve(s.engineState() == null ? "" : s.engineState());
    if (s.engineState() == null || !Files.isRegularFile(file)) {
      throw DsdlException.badInput("cannot resume " + runDir + ": the engine state " + file + " named by " + trainer + " is missing");
    }
    try {
      if (!sha256(file).equals(s.engineStateSha256())) {
        throw DsdlException.badInput("cannot resume " + runDir + ": the engine state " + file + " is corrupt (its SHA-256 differs from " + trainer + ")");
      }
    } catch (IOException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    if (s.workFiles() == null) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + trainer + " lists no probe work files");
    }
    return s;
  }

  /** The engine state file a loaded position names. */
  public static Path engineStateOf(Path runDir, TrainerState s) {
    return runDir.resolve(DIR).resolve(s.engineState());
  }

  /** SHA-256 of a file, hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of bytes, hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
