using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>What changed in an entity between two versions (0: before it existed; <paramref name="To"/> defaults to now).</summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record GetStreamDiff(string StreamId, long From, long? To) : IRequest<StreamDiff>;

public sealed record StreamDiff(string StreamId, string Kind, long FromVersion, long ToVersion, IReadOnlyList<FieldChange> Changes);

public sealed class GetStreamDiffValidator : AbstractValidator<GetStreamDiff>
{
    public GetStreamDiffValidator()
    {
        RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
        RuleFor(q => q.From).GreaterThanOrEqualTo(0);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.To is not null).WithMessage("Debe ser mayor que 'from'.");
    }
}

public sealed class GetStreamDiffHandler(CommandContext context, TenantDatabase database, StreamReplay replay)
    : IRequestHandler<GetStreamDiff, StreamDiff>
{
    public async Task<StreamDiff> Handle(GetStreamDiff request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var events = await StreamReplay.LoadExistingAsync(tx, request.StreamId, cancellationToken);
        var kind = replay.KindOf(request.StreamId);
        var to = request.To ?? events.Count;
        if (to > events.Count)
            throw new ValidationException([new ValidationFailure("to", $"El flujo llega hasta la versión {events.Count}.")]);
        if (request.From >= to)
            throw new ValidationException([new ValidationFailure("from", "Debe ser menor que la versión final.")]);
        var changes = StateDiff.Between(replay.StateAfter(kind, events, (int)request.From), replay.StateAfter(kind, events, (int)to));
        return new StreamDiff(request.StreamId, kind.Kind, request.From, to, changes);
    }
}
