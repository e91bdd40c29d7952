namespace Platform.Write.Customers.Import;

/// <summary>An accepted import waiting for the worker: the file is on local disk at <see cref="Path"/> until it runs.</summary>
public sealed record ImportJob(
    Guid TenantId, Guid ImportId, Guid? UserId, string Path, string Format, IReadOnlyDictionary<string, string>? Mapping, bool DryRun, Guid CorrelationId);
