package org.dsdl.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingResourcesTest {
  @Test
  void coresAreLeftIdleByAnAcceleratorOrByFewerThreadsThanCores() {
    assertThat(new TrainingResources(false, 4).leavesCoresIdle(4)).isFalse();
    assertThat(new TrainingResources(false, 3).leavesCoresIdle(4)).isTrue();
    assertThat(new TrainingResources(false, 1).leavesCoresIdle(1)).isFalse();
    assertThat(new TrainingResources(true, 4).leavesCoresIdle(4)).isTrue();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(TrainingResources.allCores()).isEqualTo(new TrainingResources(false, cores));
    assertThat(TrainingResources.allCores().leavesCoresIdle(cores)).isFalse();
  }

  @Test
  void aModelThatSaysNothingClaimsEveryCore() {
    Model quiet = (Model) java.lang.reflect.Proxy.newProxyInstance(Model.class.getClassLoader(), new Class<?>[] {Model.class},
        (proxy, method, args) -> {
          if (method.isDefault()) {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new UnsupportedOperationException(method.getName());
        });
    assertThat(quiet.trainingResources()).isEqualTo(TrainingResources.allCores());
  }

  @Test
  void noThreadsIsRefused() {
    assertThatThrownBy(() -> new TrainingResources(false, 0)).hasMessage("hostThreads must be >= 1, got 0");
  }
}
