using Microsoft.Extensions.DependencyInjection;

namespace Platform.Write.Audit;

/// <summary>
/// How to rebuild one kind of entity from its stream: the stream ids it owns (by prefix, such as
/// <c>listing-</c>) and its decider's Fold, the same code commands decide with.
/// </summary>
public sealed record StreamStateRegistration(string Kind, string Prefix, Func<IEnumerable<object>, object?> Fold);

/// <summary>
/// Every registered kind of entity. A prefix ending in '-' matches the streams it starts (the longest
/// wins); any other is one whole stream id, such as <c>tenant</c>.
/// </summary>
public sealed class StreamStates(IEnumerable<StreamStateRegistration> registrations)
{
    private readonly StreamStateRegistration[] _byLength =
        [.. registrations.OrderByDescending(r => r.Prefix.Length).ThenBy(r => r.Prefix, StringComparer.Ordinal)];

    public IReadOnlyList<StreamStateRegistration> All => _byLength;

    public StreamStateRegistration? Find(string streamId) =>
        _byLength.FirstOrDefault(r => r.Prefix.EndsWith('-')
            ? streamId.StartsWith(r.Prefix, StringComparison.Ordinal)
            : streamId == r.Prefix);
}

public static class StreamStateServices
{
    /// <summary>
    /// Makes the state of <paramref name="prefix"/>'s streams available to auditors as of any version
    /// or instant: <c>services.AddStreamState("opportunity", "opportunity-", Opportunity.Fold)</c>.
    /// </summary>
    public static IServiceCollection AddStreamState(
        this IServiceCollection services, string kind, string prefix, Func<IEnumerable<object>, object?> fold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(fold);
        return services.AddSingleton(new StreamStateRegistration(kind, prefix, fold));
    }
}
