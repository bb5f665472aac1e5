package org.dsdl.app.pipeline;

import java.nio.file.Path;
import org.dsdl.app.rundir.Manifest;

/**
 * How a run ended.
 *
 * @param exitCode the documented exit code
 * @param directory the run directory
 * @param manifest the final manifest
 */
public record RunOutcome(int exitCode, Path directory, Manifest manifest) {}
