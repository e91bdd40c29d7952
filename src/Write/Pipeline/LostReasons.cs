using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Replaces the tenant's lost reasons; answers the list's new version (its ETag).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangeLostReasons(IReadOnlyList<string> Reasons, long? ExpectedVersion = null) : IRequest<LostReasonsView>;

/// <summary>The reasons a lost opportunity may give, and the list's version (0 and empty when never set).</summary>
[Authorize]
public sealed record GetLostReasons : IRequest<LostReasonsView>;

public sealed record LostReasonsView(IReadOnlyList<string> Reasons, long Version)
{
    public static IReadOnlyList<string> Fold(IEnumerable<object> events) => events.OfType<LostReasonsChanged>().LastOrDefault()?.Reasons ?? [];
}

public sealed class ChangeLostReasonsValidator : AbstractValidator<ChangeLostReasons>
{
    public const int MaxReasons = 50;
    public const int MaxLength = 80;

    public ChangeLostReasonsValidator() =>
        RuleFor(c => c.Reasons).Cascade(CascadeMode.Stop).NotNull().WithMessage("Es obligatorio.")
            .Must(r => r.Count is > 0 and <= MaxReasons).WithMessage($"Entre 1 y {MaxReasons} razones.")
            .Must(r => r.All(x => !string.IsNullOrWhiteSpace(x) && x.Trim().Length <= MaxLength))
            .WithMessage($"Cada razón tiene texto, de hasta {MaxLength} caracteres.")
            .Must(r => r.Select(x => x.Trim().ToUpperInvariant()).Distinct().Count() == r.Count).WithMessage("Hay razones repetidas.");
}

public sealed class ChangeLostReasonsHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : IRequestHandler<ChangeLostReasons, LostReasonsView>
{
    public async Task<LostReasonsView> Handle(ChangeLostReasons request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string stream = PipelineEvents.LostReasonsStream;
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        tx.EnsureExpected(stream, request.ExpectedVersion, version);
        var reasons = request.Reasons.Select(r => r.Trim()).ToList();
        if (LostReasonsView.Fold(events).SequenceEqual(reasons, StringComparer.Ordinal)) return new LostReasonsView(reasons, version);
        var result = await append.AppendAsync(tx, stream, ExpectedVersion.Exact(version), [context.Event(new LostReasonsChanged(reasons))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new LostReasonsView(reasons, result.StreamVersion);
    }
}

public sealed class GetLostReasonsHandler(CommandContext context, TenantDatabase database, EventSerializer serializer)
    : IRequestHandler<GetLostReasons, LostReasonsView>
{
    public async Task<LostReasonsView> Handle(GetLostReasons request, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, PipelineEvents.LostReasonsStream, cancellationToken);
        return new LostReasonsView(LostReasonsView.Fold(events), version);
    }
}
