using System.Runtime.InteropServices;
using Npgsql;

namespace Platform.Benchmarks.Common;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal static class MachineInfo
{
    private const string ServerQuery = """
        select version(), current_setting('fsync'), current_setting('synchronous_commit'),
               current_setting('full_page_writes'), current_setting('wal_sync_method'),
               current_setting('shared_buffers'), current_setting('max_wal_size')
        """;

    public static async Task WriteAsync(NpgsqlDataSource dataSource, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"machine:    {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        output.WriteLine($"runtime:    {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        await using var command = dataSource.CreateCommand(ServerQuery);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        output.WriteLine($"postgresql: {reader.GetString(0)}");
        output.WriteLine(
            $"settings:   fsync={reader.GetString(1)} synchronous_commit={reader.GetString(2)} full_page_writes={reader.GetString(3)} " +
            $"wal_sync_method={reader.GetString(4)} shared_buffers={reader.GetString(5)} max_wal_size={reader.GetString(6)}");
    }
}
