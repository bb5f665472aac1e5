/**
 * The {@code spark} runner of {@code dsdl sweep}: one Spark task per run, through the same
 * pipeline as the local runner; run directories copied through Hadoop's {@code FileSystem} to the
 * sweep's output URI; {@code results.parquet} written with Spark SQL. On the class path, beside
 * Spark's jars (which are not JPMS modules): found by {@link java.util.ServiceLoader} as an
 * {@link org.dsdl.app.sweep.SweepRunnerProvider}.
 */
package org.dsdl.sweep.spark;
