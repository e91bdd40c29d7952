using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>The tenant's weights of the scoring factors; a factor not set weighs 1.</summary>
public static class ScoringWeights
{
    public const decimal Max = 5m;

    public static IReadOnlyDictionary<string, decimal> Default { get; } = LeadScoring.Factors.ToDictionary(f => f, _ => 1m, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, decimal> Of(IEnumerable<object> events) =>
        events.OfType<ScoringWeightsChanged>().LastOrDefault()?.Weights ?? Default;

    public static async Task<(IReadOnlyDictionary<string, decimal> Weights, long Version)> ReadAsync(
        TenantTransaction tx, EventSerializer serializer, CancellationToken ct)
    {
        var (events, version) = await tx.ReadStreamAsync(serializer, LeadStreams.ScoringWeights, ct);
        return (Of(events), version);
    }

    /// <summary>Every factor, each between 0 and 5; unknown factors are refused by name.</summary>
    public static IReadOnlyDictionary<string, decimal> Validate(IReadOnlyDictionary<string, decimal>? weights)
    {
        var failures = new List<ValidationFailure>();
        if (weights is null) throw new ValidationException([new ValidationFailure("weights", "Es obligatorio.")]);
        foreach (var (factor, weight) in weights)
        {
            if (!LeadScoring.Factors.Contains(factor, StringComparer.Ordinal))
                failures.Add(new($"weights.{factor}", $"No es un factor de puntuación; usa {string.Join(", ", LeadScoring.Factors)}."));
            else if (weight is < 0 or > Max)
                failures.Add(new($"weights.{factor}", $"Debe estar entre 0 y {Max}."));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return LeadScoring.Factors.ToDictionary(f => f, f => weights.TryGetValue(f, out var w) ? Math.Round(w, 2) : 1m, StringComparer.Ordinal);
    }
}

/// <summary>The weights and the version of their stream (the ETag).</summary>
public sealed record ScoringWeightsView(IReadOnlyDictionary<string, decimal> Weights, int HotFrom, int WarmFrom, long Version);

[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetScoringWeights : IRequest<ScoringWeightsView>;

/// <summary>Replaces the weights; leads are scored with them from then on.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeScoringWeights(IReadOnlyDictionary<string, decimal>? Weights, long? ExpectedVersion = null) : IRequest<ScoringWeightsView>;

public sealed class ScoringWeightsHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<GetScoringWeights, ScoringWeightsView>, IRequestHandler<ChangeScoringWeights, ScoringWeightsView>
{
    public async Task<ScoringWeightsView> Handle(GetScoringWeights request, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (weights, version) = await ScoringWeights.ReadAsync(tx, serializer, cancellationToken);
        return new ScoringWeightsView(weights, LeadScoring.HotFrom, LeadScoring.WarmFrom, version);
    }

    public async Task<ScoringWeightsView> Handle(ChangeScoringWeights request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var weights = ScoringWeights.Validate(request.Weights);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (current, version) = await ScoringWeights.ReadAsync(tx, serializer, cancellationToken);
        tx.EnsureExpected(LeadStreams.ScoringWeights, request.ExpectedVersion, version);
        if (weights.All(w => current.TryGetValue(w.Key, out var c) && c == w.Value))
            return new ScoringWeightsView(current, LeadScoring.HotFrom, LeadScoring.WarmFrom, version);
        var result = await append.AppendAsync(tx, LeadStreams.ScoringWeights,
            version == 0 ? EventStore.ExpectedVersion.NoStream : EventStore.ExpectedVersion.Exact(version),
            [context.Event(new ScoringWeightsChanged(weights))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ScoringWeightsView(weights, LeadScoring.HotFrom, LeadScoring.WarmFrom, result.StreamVersion);
    }
}
