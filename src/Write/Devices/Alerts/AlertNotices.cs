using System.Text.Json;
using Npgsql;

namespace Platform.Write.Devices.Alerts;

/// <summary>
/// An alert raised or escalated leaves a message in the outbox, in the transaction of its event, for
/// each active owner and admin of the tenant; the mail and WhatsApp integrations send them later.
/// </summary>
public static class AlertNotices
{
    public const string OutboxKind = "device-alert";

    /// <summary>The Spanish text of the notice, or null for events that notify nobody.</summary>
    public static string? Message(object @event, string deviceName, RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return @event switch
        {
            AlertRaised r => $"Alerta {RuleText.Severity(r.Severity)} en {deviceName}: {r.RuleName} ({r.Condition}){Value(r.Value)}.",
            AlertEscalated e => $"La alerta de {deviceName} subió a {RuleText.Severity(e.To)}: {rule.Name} ({RuleText.Condition(rule, e.To)}){Value(e.Value)}.",
            _ => null,
        };
    }

    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid deviceId, string deviceName, object @event,
        RuleDefinition rule, DateTimeOffset now, CancellationToken ct)
    {
        if (Message(@event, deviceName, rule) is not { } message) return;
        var (alertId, severity, change) = @event switch
        {
            AlertRaised r => (r.AlertId, r.Severity, "raised"),
            AlertEscalated e => (e.AlertId, e.To, "escalated"),
            _ => throw new ArgumentException("Only raises and escalations notify.", nameof(@event)),
        };
        var payload = JsonSerializer.Serialize(new
        {
            alertId, deviceId, deviceName, ruleName = rule.Name, severity = AlertSql.Name(severity), change, message,
        }, JsonSerializerOptions.Web);
        await AlertSql.ExecuteAsync(connection, transaction, """
            insert into outbox (tenant_id, message_id, kind, recipient, payload, created_at)
            select $1, gen_random_uuid(), $2, u.email, $3::jsonb || jsonb_build_object('displayName', u.display_name), $4
              from users u
             where u.tenant_id = $1 and u.role in ('owner', 'admin') and u.status = 'active'
            """, ct, tenantId, OutboxKind, payload, now);
    }

    private static string Value(decimal? value) => value is { } v ? $". Valor: {RuleText.Number(v)}" : "";
}
