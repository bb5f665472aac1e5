package org.dsdl.app.training;

import org.dsdl.api.data.Split;

/**
 * Assembles the minibatch of any step into reused buffers: epoch {@code e} visits the training
 * split in the order {@link Sampling#epochOrder} gives for (shuffle seed, e), so the batch of a step
 * depends only on the seed and the step — which is what lets a resumed run see the same batches.
 */
public final class BatchFeeder {
  private final Split train;
  private final int batch;
  private final long shuffleSeed;
  private final float[] images;
  private final int[] labels;
  private int orderEpoch = -1;
  private int[] order;

  /** A feeder of {@code batch}-sized minibatches of {@code train}. */
  public BatchFeeder(Split train, int batch, long shuffleSeed) {
    this.train = train;
    this.batch = batch;
    this.shuffleSeed = shuffleSeed;
    this.images = new float[batch * train.shape().size()];
    this.labels = new int[batch];
  }

  /** Steps in one epoch (the last batch may be short). */
  public long stepsPerEpoch() {
    return (train.size() + batch - 1) / batch;
  }

  /** Training exemplars consumed after {@code step} steps. */
  public long samplesSeen(long step) {
    long perEpoch = stepsPerEpoch();
    return step / perEpoch * train.size() + Math.min(step % perEpoch * batch, train.size());
  }

  /** Fills the buffers with the batch of step {@code step} (0-based) and returns its size. */
  public int fill(long step) {
    int epoch = (int) (step / stepsPerEpoch());
    if (epoch != orderEpoch) {
      order = Sampling.epochOrder(train.size(), shuffleSeed, epoch);
      orderEpoch = epoch;
    }
    int from = (int) (step % stepsPerEpoch()) * batch;
    int count = Math.min(batch, train.size() - from);
    int size = train.shape().size();
    for (int k = 0; k < count; k++) {
      int i = order[from + k];
      System.arraycopy(train.images(), i * size, images, k * size, size);
      labels[k] = train.labels()[i];
    }
    return count;
  }

  /** The image buffer (valid for the last {@link #fill}). */
  public float[] images() {
    return images;
  }

  /** The label buffer (valid for the last {@link #fill}). */
  public int[] labels() {
    return labels;
  }
}
