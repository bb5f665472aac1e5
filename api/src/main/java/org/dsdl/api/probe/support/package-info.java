/**
 * Building blocks for probes, the ones dsdl's built-in probes are made of:
 * <ul>
 *   <li>{@link org.dsdl.api.probe.support.PerLayerProbe}: measure each selected layer on its own,
 *       in parallel, in network order (with {@link org.dsdl.api.probe.LayerSelection#in} to pick
 *       the selected layers out of a snapshot by hand);
 *   <li>{@link org.dsdl.api.probe.support.LayerStatistics}: class counts and means, unit means,
 *       standard deviations and dead units of a layer, computed once per checkpoint and shared by
 *       every probe that asks (through {@link org.dsdl.api.snapshot.Snapshot#shared}, which shares
 *       statistics of your own the same way);
 *   <li>{@link org.dsdl.api.probe.support.History} and {@link org.dsdl.api.probe.support.KeepsHistory}:
 *       per-checkpoint series kept for {@code finish()}, saved and restored across a resume, and the
 *       events found in them (a value that stays above a threshold, one that departs from its
 *       baseline), written as {@code finish()} asks.
 * </ul>
 */
package org.dsdl.api.probe.support;
