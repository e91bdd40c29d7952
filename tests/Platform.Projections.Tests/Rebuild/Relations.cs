using Npgsql;

namespace Platform.Projections.Tests.Rebuild;

public sealed record SwitchRow(string? From, string To, string Reason, string? RequestedBy, string SwitchedBy, string[] DroppedTables);

/// <summary>Looks at read tables, views and the daemon's bookkeeping straight in the database.</summary>
public static class Relations
{
    /// <summary>An md5 of every row in key order: equal hashes mean identical tables.</summary>
    public static async Task<string?> HashAsync(NpgsqlDataSource dataSource, string relation)
    {
        await using var command = dataSource.CreateCommand(
            $"select md5(string_agg(t::text, ',' order by t.tenant_id, t.stream_id)) from {relation} t");
        return await command.ExecuteScalarAsync() as string;
    }

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string relation)
    {
        await using var command = dataSource.CreateCommand("select to_regclass($1) is not null");
        command.Parameters.Add(new() { Value = relation });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<string[]> ColumnsAsync(NpgsqlDataSource dataSource, string relation)
    {
        await using var command = dataSource.CreateCommand("""
            select array_agg(attname::text order by attnum) from pg_attribute
             where attrelid = $1::regclass and attnum > 0 and not attisdropped
            """);
        command.Parameters.Add(new() { Value = relation });
        return (string[])(await command.ExecuteScalarAsync())!;
    }

    public static async Task<bool> CheckpointExistsAsync(NpgsqlDataSource dataSource, string projection)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from projection_checkpoints where projection = $1)");
        command.Parameters.Add(new() { Value = projection });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<SwitchRow> LastSwitchAsync(NpgsqlDataSource dataSource, string name)
    {
        await using var command = dataSource.CreateCommand("""
            select from_projection, to_projection, reason, requested_by, switched_by, dropped_tables
              from projection_switches where projection_name = $1 order by id desc limit 1
            """);
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SwitchRow(
            reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetFieldValue<string[]>(5));
    }

    /// <summary>Increments appended after the generation started being built and before the switch to it.</summary>
    public static async Task<long> AppendedWhileBuildingAsync(NpgsqlDataSource dataSource, string generation)
    {
        await using var command = dataSource.CreateCommand("""
            select count(*) from events e
             where e.recorded_at > (select created_at from projection_generations where projection = $1)
               and e.recorded_at < (select switched_at from projection_switches where to_projection = $1)
            """);
        command.Parameters.Add(new() { Value = generation });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> CountIncrementsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"select count(*) from events where type = '{Support.TestEvents.Incremented}'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
