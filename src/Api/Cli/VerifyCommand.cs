using System.CommandLine;
using Platform.Write.Audit;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary><c>verify --tenant demo [--seal] [--head 1200:ab12…]</c>: walks the tenant's chain; exit code 1 when it is broken.</summary>
internal static class VerifyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var tenant = CliOptions.Tenant();
        var seal = new Option<bool>("--seal") { Description = "Sella antes lo que ya se confirmó (si no hay una plataforma en marcha que lo haga)." };
        var heads = new Option<string[]>("--head")
        {
            Description = "Una cabeza guardada fuera de la base de datos, como eslabón:hash (de un manifiesto o de un verify anterior).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("verify", "Recorre la cadena de hashes de una empresa y dice cuál es el primer eslabón roto.") { tenant, seal, heads };
        command.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var tenantId = await database.TenantAsync(parse.GetValue(tenant)!, ct);
            var known = (parse.GetValue(heads) ?? []).Select(ParseHead).ToList();
            if (parse.GetValue(seal)) await database.Services.GetRequiredService<EventChainSealer>().SealAllAsync(ct);
            var total = await TenantExport.CountAsync(database.System, tenantId, ct);
            ChainReport? report = null;
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Verificando", maxValue: Math.Max(1, total));
                report = await ChainVerifier.VerifyAsync(database.System, tenantId, known, new Progress<long>(n => task.Value = n), ct);
                task.Value = task.MaxValue;
            });
            return Print(console, report!);
        }, ct));
        return command;
    }

    private static int Print(IAnsiConsole console, ChainReport report)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("empresa", report.TenantId.ToString("D"));
        table.AddRow("eventos", report.Events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("sellados", report.Sealed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("sin sellar aún", report.Unsealed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("cabezas comprobadas", report.HeadsChecked.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (report.Head is { } head) table.AddRow("cabeza", Markup.Escape($"{head.Seq}:{head.Hash}"));
        console.Write(table);
        if (report.Broken is not { } broken)
        {
            console.MarkupLine("[green]intact: la cadena está íntegra[/]");
            return 0;
        }
        console.MarkupLineInterpolated($"[red]broken at link {broken.Seq}: {broken.Reason}[/]");
        console.MarkupLineInterpolated($"event {broken.EventId:D} stream {broken.StreamId} version {broken.Version}");
        console.MarkupLineInterpolated($"{broken.Detail}");
        return 1;
    }

    private static ChainHead ParseHead(string text)
    {
        var parts = text.Split(':', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], out var seq) || seq < 1 || parts[1].Length != 64)
            throw new CliException($"--head '{text}' no es eslabón:hash (por ejemplo 1200:{new string('0', 64)}).");
        return new ChainHead(seq, parts[1].ToLowerInvariant(), RecordedAt: null);
    }
}
