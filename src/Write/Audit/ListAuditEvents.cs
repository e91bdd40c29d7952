using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using NpgsqlTypes;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>
/// The tenant's whole history in commit order, filtered by stream, event type, user and recorded
/// time (from inclusive, to exclusive). Read behind the fence like every reader, so a page never
/// passes an event that a running transaction can still commit before it.
/// </summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record ListAuditEvents(
    string? StreamId, string? Type, string? UserId, DateTimeOffset? From, DateTimeOffset? To, AuditCursor? After, int Limit)
    : IRequest<AuditEventPage>;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEvents>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.StreamId).MaximumLength(200).Must(AuditText.IsStorable).WithMessage("No es un texto válido.");
        RuleFor(q => q.Type).MaximumLength(200).Must(AuditText.IsStorable).WithMessage("No es un texto válido.");
        RuleFor(q => q.UserId).MaximumLength(100).Must(AuditText.IsStorable).WithMessage("No es un texto válido.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("Debe ser posterior a 'from'.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 500);
    }
}

public sealed class ListAuditEventsHandler(CommandContext context, TenantDatabase database)
    : IRequestHandler<ListAuditEvents, AuditEventPage>
{
    public async Task<AuditEventPage> Handle(ListAuditEvents request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var filters = new List<string>();
        await using var command = tx.Command("");
        Add(command, context.Tenant, NpgsqlDbType.Uuid);
        Add(command, request.After?.Transaction ?? 0, NpgsqlDbType.Xid8);
        Add(command, request.After?.Position ?? 0, NpgsqlDbType.Bigint);
        Add(command, request.Limit, NpgsqlDbType.Integer);
        if (request.StreamId is { } stream) filters.Add($"stream_id = {Add(command, stream, NpgsqlDbType.Text)}");
        if (request.Type is { } type) filters.Add($"type = {Add(command, type, NpgsqlDbType.Text)}");
        if (request.UserId is { } user) filters.Add($"metadata->>'userId' = {Add(command, user, NpgsqlDbType.Text)}");
        if (request.From is { } from) filters.Add($"recorded_at >= {Add(command, from, NpgsqlDbType.TimestampTz)}");
        if (request.To is { } to) filters.Add($"recorded_at < {Add(command, to, NpgsqlDbType.TimestampTz)}");
        command.CommandText = $"""
            with fence as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
            select {StoredEvent.Columns} from events, fence
             where tenant_id = $1 and transaction_id < fence.horizon and (transaction_id, position) > ($2, $3)
             {string.Concat(filters.Select(f => " and " + f))}
             order by transaction_id, position limit $4
            """;
        var items = new List<StoredEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) items.Add(StoredEvent.Read(reader));
        }
        var next = items.Count == request.Limit ? new AuditCursor(items[^1].TransactionId, items[^1].Position) : null;
        return new AuditEventPage([.. items.Select(AuditEvent.Of)], next);
    }

    private static string Add(NpgsqlCommand command, object value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return $"${command.Parameters.Count}";
    }
}
