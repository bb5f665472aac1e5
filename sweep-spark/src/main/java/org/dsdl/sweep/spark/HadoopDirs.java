package org.dsdl.sweep.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Directories and files copied through Hadoop's {@link FileSystem}, so one code path serves
 * {@code file://}, {@code hdfs://} and {@code s3a://} (given the file system's jars and settings).
 * A copy lands beside its target and is renamed into place: a reader never sees half a directory.
 * Local copies are written without Hadoop's {@code .crc} side files.
 */
final class HadoopDirs {
  private HadoopDirs() {}

  /** A Hadoop configuration with {@code settings} over the defaults. */
  static Configuration configuration(Map<String, String> settings) {
    Configuration c = new Configuration();
    settings.forEach(c::set);
    return c;
  }

  /** The file system of {@code uri}, the raw one for local files (no checksum files). */
  static FileSystem fileSystem(URI uri, Configuration conf) throws IOException {
    FileSystem fs = FileSystem.get(uri, conf);
    return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }

  /** Copies the local directory {@code from} to {@code to}, replacing what is there. */
  static void publish(Path from, URI to, Configuration conf) throws IOException {
    FileSystem fs = fileSystem(to, conf);
    org.apache.hadoop.fs.Path target = path(to);
    org.apache.hadoop.fs.Path incoming = sibling(target, "incoming");
    fs.mkdirs(target.getParent());
    fs.copyFromLocalFile(false, true, path(from.toUri()), incoming);
    replace(fs, incoming, target);
  }

  /** Renames {@code from} to {@code target}, replacing what is there (moved aside first, then deleted). */
  static void replace(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path target) throws IOException {
    org.apache.hadoop.fs.Path old = null;
    if (fs.exists(target)) {
      old = sibling(target, "old");
      rename(fs, target, old);
    }
    rename(fs, from, target);
    if (old != null) {
      fs.delete(old, true);
    }
  }

  /** Copies {@code from} (a directory or a file) to the local {@code to}, which must not exist; false when {@code from} does not exist. */
  static boolean fetch(URI from, Path to, Configuration conf) throws IOException {
    FileSystem fs = fileSystem(from, conf);
    org.apache.hadoop.fs.Path source = path(from);
    if (!fs.exists(source)) {
      return false;
    }
    fs.copyToLocalFile(false, source, path(to.toUri()), true);
    return true;
  }

  /** Makes the local {@code to} a copy of {@code from}, replacing what is there (copied beside it, then renamed into place). */
  static void mirror(URI from, Path to, Configuration conf) throws IOException {
    Path incoming = to.resolveSibling("." + to.getFileName() + ".incoming-" + UUID.randomUUID());
    if (!fetch(from, incoming, conf)) {
      throw new IOException(from + " does not exist");
    }
    FileSystem local = fileSystem(to.toUri(), conf);
    replace(local, path(incoming.toUri()), path(to.toUri()));
  }

  /** The files directly in {@code dir} whose names start with {@code prefix}. */
  static FileStatus[] files(FileSystem fs, org.apache.hadoop.fs.Path dir, String prefix) throws IOException {
    return fs.listStatus(dir, p -> p.getName().startsWith(prefix));
  }

  /** {@code uri} as a Hadoop path, without the trailing slash a directory's URI has (a name, and a parent, of its own). */
  static org.apache.hadoop.fs.Path path(URI uri) {
    String s = uri.toString();
    while (s.endsWith("/") && !s.endsWith(":/") && !s.endsWith("//")) {
      s = s.substring(0, s.length() - 1);
    }
    return new org.apache.hadoop.fs.Path(URI.create(s));
  }

  static org.apache.hadoop.fs.Path sibling(org.apache.hadoop.fs.Path target, String what) {
    return new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + "." + what + "-" + UUID.randomUUID());
  }

  private static void rename(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
