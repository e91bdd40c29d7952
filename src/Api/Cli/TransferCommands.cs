using System.CommandLine;
using Platform.Write.Audit;
using Platform.Write.Privacy;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary><c>export --tenant demo --out demo.zip</c> and <c>import demo.zip</c>: a tenant's whole history, moved or backed up.</summary>
internal static class TransferCommands
{
    public static Command Export(IAnsiConsole console)
    {
        var tenant = CliOptions.Tenant();
        var output = new Option<FileInfo>("--out", "-o") { Description = "El archivo .zip a escribir.", Required = true };
        var command = new Command("export", "Exporta toda la historia de una empresa a un archivo portátil (NDJSON y manifiesto).") { tenant, output };
        command.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var tenantId = await database.TenantAsync(parse.GetValue(tenant)!, ct);
            var file = parse.GetValue(output)!;
            var total = await TenantExport.CountAsync(database.System, tenantId, ct);
            ExportManifest? manifest = null;
            await using (var stream = file.Create())
            {
                await console.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Exportando", maxValue: Math.Max(1, total));
                    manifest = await TenantExport.ExportAsync(database.System, tenantId, stream, TimeProvider.System,
                        database.Services.GetRequiredService<ISubjectKeyWrapper>(), new Progress<long>(n => task.Value = n), ct);
                    task.Value = task.MaxValue;
                });
            }
            Print(console, manifest!, $"exportado a {file.FullName}");
            return 0;
        }, ct));
        return command;
    }

    public static Command Import(IAnsiConsole console)
    {
        var input = new Argument<FileInfo>("file") { Description = "Un .zip de export." };
        var command = new Command("import", "Importa la exportación de una empresa en una base de datos que no tiene nada de ella.") { input };
        command.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists) throw new CliException($"No existe {file.FullName}.");
            await using var stream = file.OpenRead();
            var expected = await TenantImport.ReadManifestAsync(stream);
            stream.Position = 0;
            ExportManifest? manifest = null;
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importando", maxValue: Math.Max(1, expected.Events));
                manifest = await TenantImport.ImportAsync(database.System, stream,
                    database.Services.GetRequiredService<ISubjectKeyWrapper>(), new Progress<long>(n => task.Value = n), ct);
                task.Value = task.MaxValue;
            });
            // Seal the imported events here, so the new database's chain can be checked against the manifest now.
            await database.Services.GetRequiredService<EventChainSealer>().SealAllAsync(ct);
            var report = await ChainVerifier.VerifyAsync(database.System, manifest!.TenantId, manifest.Chain is { } head ? [head] : [], ct: ct);
            Print(console, manifest, $"importado de {file.FullName}");
            if (!report.Intact || report.Head != manifest.Chain)
            {
                console.MarkupLine("[yellow]La cadena de esta base de datos aún no llega a la cabeza del manifiesto: verifica de nuevo en unos segundos.[/]");
                return 1;
            }
            console.MarkupLine("[green]La cadena de esta base de datos termina en la cabeza del manifiesto.[/] Las proyecciones se construyen solas; ver `projections status`.");
            return 0;
        }, ct));
        return command;
    }

    private static void Print(IAnsiConsole console, ExportManifest manifest, string what)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("empresa", manifest.TenantId.ToString("D"));
        table.AddRow("eventos", manifest.Events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("flujos", manifest.Streams.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("cabeza", manifest.Chain is { } head ? $"{head.Seq}:{head.Hash}" : "(vacía)");
        table.AddRow("sha256 eventos", manifest.EventsSha256);
        if (manifest.Subjects is { } subjects)
            table.AddRow("claves de personas", $"{subjects.Keys} vivas, {subjects.Forgotten} olvidadas, {subjects.Links} vínculos");
        console.Write(table);
        console.WriteLine(what);
    }
}
