using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Write.Audit;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary>
/// <c>replay --tenant demo [--stream listing-…] [--type …] [--user …] [--from …] [--to …] [--json]</c>:
/// the events in commit order; with a stream whose kind has a state, that state as of the last event shown.
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(IAnsiConsole console)
    {
        var tenant = CliOptions.Tenant();
        var stream = new Option<string?>("--stream", "-s") { Description = "Solo este flujo (listing-…, user-…, device-registry-…)." };
        var type = new Option<string?>("--type") { Description = "Solo este tipo de evento (catalog.listing-price-changed.v1)." };
        var user = new Option<string?>("--user") { Description = "Solo eventos de este usuario (su id)." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Registrados desde este instante (incluido)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Registrados antes de este instante; con --stream, el estado es el de ese momento." };
        var version = new Option<long?>("--version") { Description = "Con --stream: hasta esta versión, y el estado en ella." };
        var json = new Option<bool>("--json") { Description = "Un evento JSON por línea, en vez de la tabla." };
        var command = new Command("replay", "Reproduce la historia de una empresa o de un flujo, con filtros.") { tenant, stream, type, user, from, to, version, json };
        command.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var filter = new ReplayFilter(await database.TenantAsync(parse.GetValue(tenant)!, ct), parse.GetValue(stream), parse.GetValue(type),
                parse.GetValue(user), parse.GetValue(from), parse.GetValue(to), parse.GetValue(version));
            var events = new List<StoredEvent>();
            var table = new Table().AddColumns("#", "registrado", "flujo", "v", "tipo", "usuario");
            await foreach (var e in ReplayQuery.ReadAsync(database.System, filter, ct))
            {
                if (filter.StreamId is not null) events.Add(e);
                if (parse.GetValue(json)) console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(AuditEvent.Of(e), Line));
                else table.AddRow(Cells(e, events.Count));
            }
            if (!parse.GetValue(json)) console.Write(table);
            if (filter.StreamId is { } id && filter.Type is null && filter.UserId is null && filter.From is null && events.Count > 0) PrintState(console, database, id, events);
            return 0;
        }, ct));
        return command;
    }

    private static string[] Cells(StoredEvent e, int n)
    {
        using var metadata = JsonDocument.Parse(e.Metadata);
        var userId = metadata.RootElement.TryGetProperty("userId", out var u) ? u.GetString() : null;
        return [Markup.Escape(e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)), EventChainHash.Timestamp(e.RecordedAt),
            Markup.Escape(e.StreamId), e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Type), Markup.Escape(userId ?? "")];
    }

    private static void PrintState(IAnsiConsole console, CliDatabase database, string streamId, List<StoredEvent> events)
    {
        if (database.Services.GetRequiredService<StreamStates>().Find(streamId) is not { } kind) return;
        var state = database.Services.GetRequiredService<StreamReplay>().StateAfter(kind, events, events.Count);
        console.MarkupLineInterpolated($"[bold]{kind.Kind} {streamId} en la versión {events[^1].Version} ({EventChainHash.Timestamp(events[^1].RecordedAt)}):[/]");
        console.Profile.Out.Writer.WriteLine(state is { } json ? JsonSerializer.Serialize(json, Indented) : "null");
    }
}
