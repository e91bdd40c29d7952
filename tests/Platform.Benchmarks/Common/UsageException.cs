namespace Platform.Benchmarks.Common;

/// <summary>The command line asks for something the harness does not have; nothing was started.</summary>
internal sealed class UsageException(string message) : Exception(message);
