#!/usr/bin/perl
# dsdl's launcher passes the application's standard error through this filter when it is a
# terminal. Everything passes unchanged, at once, except the two lines TensorFlow's native
# library prints through absl before its logging is initialised, which ignore
# TF_CPP_MIN_LOG_LEVEL ("WARNING: All log messages before absl::InitializeLog() ..." and
# "I0000 ... MLIR V1 optimization pass is not enabled"). `--debug` bypasses the filter.
use strict;
use warnings;

# The JVM handles Ctrl-C and SIGTERM itself; the filter lives until the application's output ends.
$SIG{INT} = 'IGNORE';
$SIG{TERM} = 'IGNORE';
$| = 1;
binmode STDIN;
binmode STDOUT;

my $absl = qr/^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR\r?\n\z/;
my $mlir = qr/^I\d{4} [\d:.]+\s+\d+ mlir_graph_optimization_pass\.cc:\d+\] MLIR V1 optimization pass is not enabled\r?\n\z/;
my $held = '';
while (sysread(STDIN, my $chunk, 65536)) {
  my $buf = $held . $chunk;
  $held = '';
  my $start = 0;
  while ((my $nl = index($buf, "\n", $start)) >= 0) {
    my $line = substr($buf, $start, $nl - $start + 1);
    print $line unless $line =~ $absl || $line =~ $mlir;
    $start = $nl + 1;
  }
  my $rest = substr($buf, $start);
  # A partial line waits for its end only if it may be one of the two (progress bars and log
  # lines start otherwise, and are shown at once).
  if ($rest =~ /^(?:W|I\d)/ && $rest !~ /\r/ && length($rest) < 4096) {
    $held = $rest;
  } else {
    print $rest;
  }
}
print $held;
