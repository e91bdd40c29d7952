using System.Runtime.CompilerServices;

// The codec and connection internals are fuzzed directly, without a socket in between.
[assembly: InternalsVisibleTo("Platform.Ingest.Tests")]
