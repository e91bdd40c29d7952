using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Cli;
using Platform.Api.Tests.Auth;
using Platform.Projections.Daemon;
using Platform.Testing;
using Platform.Write.Audit;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Api.Tests.Audit;

public sealed class ExportImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] SearchViews = ["catalog_search", "catalog_network", "catalog_tenants", "catalog_vocabulary", "catalog_synonyms"];

    [Fact]
    public async Task A_tenant_exported_through_the_api_and_imported_by_the_tool_rebuilds_the_same_read_models_and_people_forgotten_stay_forgotten()
    {
        await using var original = await AuditWorld.StartAsync(database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(original.Client);
        using var asOwner = original.Client.WithBearer(owner);
        var listing = await AuditWorld.ListingWithHistoryAsync(asOwner);
        var kept = await QuoteAsync(original.Client, owner.Slug, listing, "Comprador Conservado");
        var forgotten = await QuoteAsync(original.Client, owner.Slug, listing, "Comprador Olvidado");
        using (var forget = await asOwner.PostAsJsonAsync(new Uri($"/api/audit/subjects/{forgotten}/forget", UriKind.Relative), new { reason = "solicitud del titular" }))
            forget.StatusCode.Should().Be(HttpStatusCode.OK);
        await AuditWorld.ListingWithHistoryAsync(asOwner, "Chevrolet Onix LTZ");
        var sealedReport = await AuditWorld.SealedAsync(asOwner);
        await CaughtUpAsync(original);
        var before = await ReadModelsAsync(database.DataSource, owner.TenantId);
        before.Should().Contain("Chevrolet Onix LTZ");

        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.zip");
        using (var export = await asOwner.GetAsync(new Uri("/api/audit/export", UriKind.Relative)))
        {
            export.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
            await File.WriteAllBytesAsync(file, await export.Content.ReadAsByteArrayAsync());
        }
        var manifest = await ManifestAsync(file);
        manifest.Events.Should().Be(sealedReport.GetProperty("events").GetInt64());
        manifest.Chain!.Hash.Should().Be(sealedReport.GetProperty("head").GetProperty("hash").GetString());
        manifest.SealedChainMatches.Should().BeTrue();
        manifest.Notice.Should().Contain("claves");
        var keys = await SubjectKeysAsync(file);
        keys.Should().ContainKey(kept).WhoseValue.Should().NotBeNull();
        keys.Should().ContainKey(forgotten).WhoseValue.Should().BeNull("a forgotten subject's key is never exported");
        keys.Should().ContainKey(owner.UserId).WhoseValue.Should().NotBeNull();
        manifest.Subjects!.Keys.Should().Be(keys.Count(k => k.Value is not null));
        manifest.Subjects.Forgotten.Should().Be(keys.Count(k => k.Value is null));

        var cluster = await TestCluster.SharedAsync();
        var copyName = $"test_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(copyName);
        try
        {
            var copy = cluster.ConnectionString(copyName);
            using var importOutput = new StringWriter();
            (await PlatformCli.RunAsync(["import", file, "--connection", copy], importOutput)).Should().Be(0, importOutput.ToString());
            using (var again = new StringWriter())
                (await PlatformCli.RunAsync(["import", file, "--connection", copy], again)).Should().Be(1, "a database that holds the tenant already is refused");

            await using var copyHost = await AuditWorld.StartAsync(copy);
            await using var copySource = PlatformDataSource.Create(copy);
            await CaughtUpAsync(copyHost);
            (await ReadModelsAsync(copySource, owner.TenantId)).Should().Be(before);
            var copyStates = await StatesAsync(copyHost, copySource, owner.TenantId);
            copyStates.Should().Be(await StatesAsync(original, database.DataSource, owner.TenantId));
            copyStates.Should().Contain(owner.Email, "the users' personal data opens with the imported keys");
            (await ReadQuoteAsync(copyHost, owner.TenantId, kept)).Name.Should().Be("Comprador Conservado");
            (await ReadQuoteAsync(copyHost, owner.TenantId, forgotten)).Should().Match<QuoteRequested>(q => q.Name == "[borrado]" && q.Email == "[borrado]");

            var reexported = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.zip");
            using var exportOutput = new StringWriter();
            (await PlatformCli.RunAsync(["export", "--tenant", owner.TenantId.ToString(), "--out", reexported, "--connection", copy], exportOutput))
                .Should().Be(0, exportOutput.ToString());
            var second = await ManifestAsync(reexported);
            second.EventsSha256.Should().Be(manifest.EventsSha256, "the same events, byte for byte");
            second.Chain.Should().Be(manifest.Chain);
            File.Delete(reexported);
            await RefusedWhereASubjectHasAKeyAsync(cluster, file, owner.TenantId, kept);
        }
        finally
        {
            File.Delete(file);
            await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{copyName}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<ExportManifest> ManifestAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        using var archive = new ZipArchive(stream);
        archive.Entries.Select(e => e.FullName).Should().BeEquivalentTo(
            ExportManifest.EventsEntry, ExportManifest.SubjectKeysEntry, ExportManifest.SubjectLinksEntry, ExportManifest.ManifestEntry);
        stream.Position = 0;
        return await TenantImport.ReadManifestAsync(stream);
    }

    /// <summary>A database that already holds a key for one of the export's subjects gets none of the tenant.</summary>
    private static async Task RefusedWhereASubjectHasAKeyAsync(LocalPostgres cluster, string file, Guid tenantId, Guid subject)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(name);
        try
        {
            var taken = cluster.ConnectionString(name);
            await (await AuditWorld.StartAsync(taken)).DisposeAsync();
            await using var source = PlatformDataSource.Create(taken);
            await using (var insert = source.CreateCommand("insert into subject_keys (tenant_id, subject_id, wrapped_key) values ($1, $2, '\\x00')"))
            {
                insert.Parameters.Add(new() { Value = tenantId });
                insert.Parameters.Add(new() { Value = subject });
                await insert.ExecuteNonQueryAsync();
            }
            using var output = new StringWriter();
            (await PlatformCli.RunAsync(["import", file, "--connection", taken], output)).Should().Be(1, output.ToString());
            output.ToString().Should().Contain("claves de personas");
            await using var count = source.CreateCommand("select count(*) from events where tenant_id = $1");
            count.Parameters.Add(new() { Value = tenantId });
            ((long)(await count.ExecuteScalarAsync())!).Should().Be(0, "nothing is stored when a key is refused");
        }
        finally
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The export's subject keys: subject to its base64 key, null for a forgotten one.</summary>
    private static async Task<Dictionary<Guid, string?>> SubjectKeysAsync(string file)
    {
        using var archive = ZipFile.OpenRead(file);
        using var text = new StreamReader(archive.GetEntry(ExportManifest.SubjectKeysEntry)!.Open());
        var keys = new Dictionary<Guid, string?>();
        while (await text.ReadLineAsync() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            keys[document.RootElement.GetProperty("subject").GetGuid()] = document.RootElement.GetProperty("key").GetString();
        }
        return keys;
    }

    private static async Task<Guid> QuoteAsync(HttpClient anonymous, string slug, Guid listing, string name)
    {
        using var quote = await anonymous.PostAsJsonAsync(new Uri($"/api/public/{slug}/listings/{listing}/quote", UriKind.Relative),
            new { name, phone = "+57 3001234567", email = "comprador@example.test", message = "¿Sigue disponible?", consent = true });
        quote.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return (await TestAccounts.ReadJsonAsync(quote)).GetProperty("quoteId").GetGuid();
    }

    private static async Task<QuoteRequested> ReadQuoteAsync(ApiHost host, Guid tenantId, Guid quoteId) =>
        (QuoteRequested)(await host.Services.GetRequiredService<EventReader>().ReadStreamAsync(tenantId, CatalogEvents.QuoteStream(quoteId)))[0].Data!;

    /// <summary>Every search read-model row of the tenant, as one comparable text.</summary>
    private static async Task<string> ReadModelsAsync(NpgsqlDataSource system, Guid tenantId)
    {
        var rows = new List<string>();
        foreach (var view in SearchViews)
        {
            await using var command = system.CreateCommand($"select to_jsonb(t)::text from {view} t where tenant_id = $1 order by 1");
            command.Parameters.Add(new() { Value = tenantId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add($"{view}: {reader.GetString(0)}");
        }
        return string.Join('\n', rows);
    }

    /// <summary>Every stream of the tenant with a registered kind, replayed to its last version.</summary>
    private static async Task<string> StatesAsync(ApiHost host, NpgsqlDataSource system, Guid tenantId)
    {
        var states = host.Services.GetRequiredService<StreamStates>();
        var replay = host.Services.GetRequiredService<StreamReplay>();
        await using var connection = await system.OpenConnectionAsync();
        var streams = new SortedDictionary<string, List<StoredEvent>>(StringComparer.Ordinal);
        await foreach (var e in ChainVerifier.Events(connection, null, tenantId))
        {
            if (!streams.TryGetValue(e.StreamId, out var events)) streams[e.StreamId] = events = [];
            events.Add(e);
        }
        streams.Keys.Should().Contain(s => s.StartsWith("listing-", StringComparison.Ordinal));
        return string.Join('\n', streams.Where(s => states.Find(s.Key) is not null)
            .Select(s => $"{s.Key}: {JsonSerializer.Serialize(replay.StateAfter(states.Find(s.Key)!, s.Value, s.Value.Count))}"));
    }

    /// <summary>Until the catalog-search projection has applied every event there is.</summary>
    private static async Task CaughtUpAsync(ApiHost host)
    {
        var status = host.Services.GetRequiredService<ProjectionStatusReader>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var search = await status.GetAsync("catalog-search");
            if (search.LagEvents == 0 && search.EventsApplied > 0 && search.Building is null) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"catalog-search never caught up: {search}");
            await Task.Delay(200);
        }
    }
}
