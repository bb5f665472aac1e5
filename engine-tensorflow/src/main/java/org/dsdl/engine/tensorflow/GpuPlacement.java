package org.dsdl.engine.tensorflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.types.TFloat32;

/**
 * Whether TensorFlow places operations on a GPU in this process: it runs one constant pinned to
 * {@code GPU:0} with soft placement off, which only a CUDA build with a visible GPU can do (the
 * models' graphs carry no device, so TensorFlow puts their kernels on that GPU when there is one).
 * Asked once per list of visible devices.
 */
final class GpuPlacement {
  private static final Map<String, Boolean> BY_VISIBLE_DEVICES = new ConcurrentHashMap<>();

  private GpuPlacement() {}

  /** Whether a session that sees {@code visibleDevices} (empty: all) has a GPU. */
  static boolean available(String visibleDevices) {
    return BY_VISIBLE_DEVICES.computeIfAbsent(visibleDevices, GpuPlacement::tryPlacing);
  }

  private static boolean tryPlacing(String visibleDevices) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
      Constant<TFloat32> one = tf.constant(1f);
      ConfigProto config = ConfigProto.newBuilder().setAllowSoftPlacement(false)
          .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).setVisibleDeviceList(visibleDevices)).build();
      try (Session s = new Session(g, config); Result r = s.runner().fetch(one).run()) {
        return true;
      }
    } catch (TensorFlowException | IllegalArgumentException | IllegalStateException e) {
      return false; // no GPU kernel or device: "Cannot assign a device for operation"
    }
  }
}
