using Npgsql;

namespace Platform.Write.Devices.Alerts;

/// <summary>The device_alerts row of an alert, kept equal to its stream in the transaction that appends to it.</summary>
public static class AlertRows
{
    /// <param name="deviceName">Shown with the alert; read when it is raised.</param>
    public static async Task ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, IReadOnlyList<object> events, long version, string deviceName,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            var (sql, values) = e switch
            {
                AlertRaised r => ("""
                    insert into device_alerts (tenant_id, alert_id, device_id, device_name, rule_id, rule_name, sensor, severity, status, condition,
                                               value, raised_at, changed_at, version)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $11, $12)
                    """, new object?[] { tenantId, r.AlertId, r.DeviceId, deviceName, r.RuleId, r.RuleName, r.Sensor, AlertSql.Name(r.Severity),
                        r.Condition, r.Value, r.At, version }),
                AlertEscalated x => (SeveritySql, [tenantId, x.AlertId, AlertSql.Name(x.To), x.Value, x.At, version, true]),
                AlertDeescalated x => (SeveritySql, [tenantId, x.AlertId, AlertSql.Name(x.To), x.Value, x.At, version, false]),
                AlertAcknowledged a => ("""
                    update device_alerts set acknowledged_at = $3, acknowledged_by = $4, acknowledgement_note = $5, version = $6
                     where tenant_id = $1 and alert_id = $2
                    """, [tenantId, a.AlertId, a.At, a.UserId, a.Note, version]),
                AlertCleared c => ("""
                    update device_alerts set status = 'cleared', cleared_at = $3, changed_at = $3, clear_reason = $4, value = coalesce($5, value), version = $6
                     where tenant_id = $1 and alert_id = $2
                    """, [tenantId, c.AlertId, c.At, AlertSql.Name(c.Reason), c.Value, version]),
                _ => throw new ArgumentException($"{e.GetType().Name} is not an alert event.", nameof(events)),
            };
            await AlertSql.ExecuteAsync(connection, transaction, sql, ct, values);
        }
    }

    // An escalation asks for a new acknowledgement; a de-escalation keeps the one given.
    private const string SeveritySql = """
        update device_alerts set severity = $3, value = $4, changed_at = $5, version = $6,
               acknowledged_at = case when $7 then null else acknowledged_at end,
               acknowledged_by = case when $7 then null else acknowledged_by end,
               acknowledgement_note = case when $7 then null else acknowledgement_note end
         where tenant_id = $1 and alert_id = $2
        """;
}
