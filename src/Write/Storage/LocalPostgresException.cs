namespace Platform.Write.Storage;

/// <summary>A private cluster could not be set up, started or stopped; the message says what to do.</summary>
public sealed class LocalPostgresException(string message, Exception? innerException = null)
    : Exception(message, innerException);
