using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>
/// An entity as it was at <paramref name="At"/> or at <paramref name="Version"/> (now when neither is
/// given), rebuilt by replaying its events through its decider's Fold.
/// </summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record GetStreamState(string StreamId, DateTimeOffset? At, long? Version) : IRequest<StreamStateView>;

/// <summary>
/// <paramref name="Version"/> is the last event replayed (0 and a null state: the entity did not exist
/// yet), <paramref name="AsOf"/> when that event was recorded; <paramref name="CurrentVersion"/> is the stream's version now.
/// </summary>
public sealed record StreamStateView(
    string StreamId, string Kind, long Version, DateTimeOffset? AsOf, long CurrentVersion, JsonElement? State);

public sealed class GetStreamStateValidator : AbstractValidator<GetStreamState>
{
    public GetStreamStateValidator()
    {
        RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1);
        RuleFor(q => q.At).Null().When(q => q.Version is not null).WithMessage("Usa 'at' o 'version', no ambos.");
    }
}

public sealed class GetStreamStateHandler(CommandContext context, TenantDatabase database, StreamReplay replay)
    : IRequestHandler<GetStreamState, StreamStateView>
{
    public async Task<StreamStateView> Handle(GetStreamState request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var events = await StreamReplay.LoadExistingAsync(tx, request.StreamId, cancellationToken);
        var kind = replay.KindOf(request.StreamId);
        var count = request switch
        {
            { Version: { } version } => (int)Math.Min(version, events.Count),
            { At: { } at } => events.TakeWhile(e => e.RecordedAt <= at).Count(),
            _ => events.Count,
        };
        if (request.Version > events.Count)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("version", $"El flujo llega hasta la versión {events.Count}.")]);
        return new StreamStateView(
            request.StreamId, kind.Kind, count, count == 0 ? null : events[count - 1].RecordedAt, events.Count, replay.StateAfter(kind, events, count));
    }
}
