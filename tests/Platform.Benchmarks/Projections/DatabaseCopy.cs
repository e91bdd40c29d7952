using Npgsql;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// A fresh database copied from the seed template for one run, dropped afterwards. The daemon
/// records generations, switches and checkpoints besides its read tables; a copy of the template
/// puts all of that back to "never ran" at once, for both sides alike.
/// </summary>
internal sealed class DatabaseCopy : IAsyncDisposable
{
    private readonly LocalPostgres postgres;

    private DatabaseCopy(LocalPostgres postgres, string name)
    {
        this.postgres = postgres;
        Name = name;
    }

    public string Name { get; }

    public string ConnectionString => postgres.ConnectionString(Name);

    public static async Task<DatabaseCopy> CreateAsync(LocalPostgres postgres, string template, string name, CancellationToken ct)
    {
        // file_copy: a checkpoint and a file copy, where the default (wal_log) writes the whole
        // template into the WAL and leaves that for the timed run's checkpoints to deal with.
        await ExecuteAsync(postgres, $"create database {name} template {template} strategy file_copy", ct);
        // Every run then starts with nothing dirty in the buffer pool and the same checkpoint ahead.
        await ExecuteAsync(postgres, "checkpoint", ct);
        return new DatabaseCopy(postgres, name);
    }

    /// <summary>Call once every pool on the copy is disposed; force ends any backend still closing.</summary>
    public async ValueTask DisposeAsync() =>
        await ExecuteAsync(postgres, $"drop database if exists {Name} with (force)", CancellationToken.None);

    // Unpooled, on the maintenance database: the copy's own pools must not hold connections to it.
    private static async Task ExecuteAsync(LocalPostgres postgres, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
