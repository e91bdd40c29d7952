using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>One entity's history: its stream's events in version order, from a version on.</summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record GetStreamHistory(string StreamId, long FromVersion, int Limit) : IRequest<StreamHistory>;

/// <summary><paramref name="NextVersion"/>: where the next page starts, null on the last.</summary>
public sealed record StreamHistory(string StreamId, long Version, IReadOnlyList<AuditEvent> Events, long? NextVersion);

public sealed class GetStreamHistoryValidator : AbstractValidator<GetStreamHistory>
{
    public GetStreamHistoryValidator()
    {
        RuleFor(q => q.StreamId).NotEmpty().MaximumLength(200);
        RuleFor(q => q.FromVersion).GreaterThanOrEqualTo(1);
        RuleFor(q => q.Limit).InclusiveBetween(1, 500);
    }
}

public sealed class GetStreamHistoryHandler(CommandContext context, TenantDatabase database) : IRequestHandler<GetStreamHistory, StreamHistory>
{
    public async Task<StreamHistory> Handle(GetStreamHistory request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AuditText.CanBeStreamId(request.StreamId)) throw new NotFoundException("el flujo de eventos");
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var version = await tx.ScalarAsync<long>(
            "select coalesce(max(version), 0) from events where tenant_id = $1 and stream_id = $2", cancellationToken, tx.TenantId, request.StreamId);
        if (version == 0) throw new NotFoundException("el flujo de eventos");
        var events = await StreamReplay.LoadAsync(tx, request.StreamId, request.FromVersion, request.Limit, cancellationToken);
        long? next = events.Count == request.Limit && events[^1].Version < version ? events[^1].Version + 1 : null;
        return new StreamHistory(request.StreamId, version, [.. events.Select(AuditEvent.Of)], next);
    }
}
