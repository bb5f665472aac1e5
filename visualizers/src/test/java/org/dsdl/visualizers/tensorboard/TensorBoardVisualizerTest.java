package org.dsdl.visualizers.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;

class TensorBoardVisualizerTest {
  @TempDir
  Path dir;

  private static int masked(byte[] b, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(b, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  @Test
  void recordsCarryValidLengthsAndCrcsAndTheScalars() throws Exception {
    List<Path> written = new TensorBoardVisualizer().render(Runs.sample(dir));
    byte[] b = Files.readAllBytes(written.get(0));
    ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (in.hasRemaining()) {
      int start = in.position();
      long length = in.getLong();
      assertThat(in.getInt()).as("length CRC at %d", start).isEqualTo(masked(b, start, 8));
      int dataStart = in.position();
      byte[] data = new byte[(int) length];
      in.get(data);
      assertThat(in.getInt()).as("data CRC at %d", start).isEqualTo(masked(b, dataStart, (int) length));
      events.add(Event.parseFrom(data));
    }
    assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
    Event loss = events.stream().filter(e -> e.hasSummary() && e.getSummary().getValue(0).getTag().equals("accuracy/test_loss"))
        .filter(e -> e.getStep() == 400).findFirst().orElseThrow();
    assertThat(loss.getSummary().getValue(0).getSimpleValue()).isEqualTo(0.7f);
    assertThat(loss.getWallTime()).as("the run's recorded seconds to checkpoint 3").isEqualTo(30.0);
    assertThat(events).anyMatch(e -> e.hasSummary() && e.getSummary().getValue(0).getTag().equals("my-probe/wiggle/fc1"));
    Event confusion = events.stream().filter(e -> e.hasSummary() && e.getSummary().getValue(0).getTag().equals("accuracy/confusion")).findFirst()
        .orElseThrow();
    assertThat(confusion.getSummary().getValue(0).hasImage()).isTrue();
    assertThat(confusion.getSummary().getValue(0).getImage().getWidth()).isEqualTo(256);
    // the example from TensorFlow's crc32c tests: masked CRC of 32 zero bytes
    assertThat(TfRecords.maskedCrc(new byte[32])).isEqualTo(((0x8a9136aa >>> 15) | (0x8a9136aa << 17)) + 0xa282ead8);
  }
}
