using System.CommandLine;
using System.Globalization;
using Platform.Projections.Daemon;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary><c>projections status</c> and <c>projections rebuild &lt;name&gt; [--wait]</c>, as /api/admin/projections does them.</summary>
internal static class ProjectionCommands
{
    public static Command Create(IAnsiConsole console)
    {
        var status = new Command("status", "Estado, posición, retraso y último error de cada proyección.");
        status.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var table = new Table().AddColumns("proyección", "estado", "generación", "posición", "aplicados", "retraso", "error");
            foreach (var p in await database.Services.GetRequiredService<ProjectionStatusReader>().GetAsync(ct))
                table.AddRow(Markup.Escape(p.Id), p.State.ToString().ToLowerInvariant(), p.Serving.Generation.ToString(CultureInfo.InvariantCulture),
                    p.Position.ToString(CultureInfo.InvariantCulture), p.EventsApplied.ToString(CultureInfo.InvariantCulture),
                    p.LagEvents.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.LastError ?? ""));
            console.Write(table);
            return 0;
        }, ct));

        var name = new Argument<string>("name") { Description = "La proyección (catalog-search o catalog-search.v1)." };
        var wait = new Option<bool>("--wait") { Description = "Espera a que la plataforma en marcha termine la reconstrucción." };
        var rebuild = new Command("rebuild", "Pide reconstruir una proyección (azul/verde); la hace el demonio de la plataforma en marcha.") { name, wait };
        rebuild.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var operations = database.Services.GetRequiredService<ProjectionOperations>();
            RebuildRequest request;
            try
            {
                request = await operations.RebuildAsync(parse.GetValue(name)!, $"cli:{Environment.UserName}", ct);
            }
            catch (UnknownProjectionException)
            {
                throw new CliException($"No hay ninguna proyección '{parse.GetValue(name)}'.");
            }
            console.MarkupLineInterpolated($"reconstrucción {request.Id} pedida para {request.Projection}");
            if (!parse.GetValue(wait)) return 0;
            await console.Status().StartAsync("Reconstruyendo…", async _ =>
            {
                while ((await operations.GetRebuildAsync(request.Id, ct))?.CompletedAt is null) await Task.Delay(500, ct);
            });
            console.MarkupLine("[green]reconstruida[/]");
            return 0;
        }, ct));
        return new Command("projections", "Proyecciones: estado y reconstrucción.") { status, rebuild };
    }
}
