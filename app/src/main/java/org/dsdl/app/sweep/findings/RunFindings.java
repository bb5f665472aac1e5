package org.dsdl.app.sweep.findings;

import java.util.List;
import org.dsdl.app.sweep.SweepRun;

/**
 * A completed run's findings, read from its {@code findings.json}.
 *
 * @param run the run
 * @param findings its findings in the file's order
 */
public record RunFindings(SweepRun run, List<SeedFinding> findings) {
  /** Copies the list. */
  public RunFindings {
    findings = List.copyOf(findings);
  }
}
