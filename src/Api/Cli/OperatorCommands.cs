using System.CommandLine;
using System.Globalization;
using Platform.Write.Operators;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary>
/// <c>operators add &lt;email&gt;</c>, <c>operators list</c>, <c>operators deactivate &lt;email&gt;</c>: the platform's
/// operators (platform-admin, no tenant). The password never goes on the command line, where process
/// listings and shell histories keep it: it comes from PLATFORM_OPERATOR_PASSWORD or the first line of stdin.
/// </summary>
internal static class OperatorCommands
{
    public const string PasswordVariable = "PLATFORM_OPERATOR_PASSWORD";

    public static Command Create(IAnsiConsole console, TextReader? input)
    {
        var email = new Argument<string>("email") { Description = "El correo del operador." };
        var add = new Command("add", $"Crea un operador; la contraseña sale de {PasswordVariable} o de la primera línea de stdin.") { email };
        add.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var password = Password(console, input);
            OperatorAccount? created;
            try
            {
                created = await database.Services.GetRequiredService<OperatorAccounts>().AddAsync(parse.GetValue(email)!, password, ct);
            }
            catch (ArgumentException invalid)
            {
                throw new CliException(invalid.Message.Split(" (Parameter", 2)[0]);
            }
            if (created is null) throw new CliException($"Ya hay un operador con el correo {parse.GetValue(email)}.");
            console.MarkupLineInterpolated($"operador {created.OperatorId} creado: {created.Email}");
            return 0;
        }, ct));

        var list = new Command("list", "Los operadores, activos y desactivados.");
        list.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var table = new Table().AddColumns("id", "correo", "activo", "creado", "desactivado");
            foreach (var o in await database.Services.GetRequiredService<OperatorAccounts>().ListAsync(ct))
                table.AddRow(o.OperatorId.ToString(), Markup.Escape(o.Email), o.Active ? "sí" : "no",
                    o.CreatedAt.ToString("u", CultureInfo.InvariantCulture), o.DeactivatedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "");
            console.Write(table);
            return 0;
        }, ct));

        var who = new Argument<string>("email") { Description = "El correo del operador." };
        var deactivate = new Command("deactivate", "Desactiva un operador y cierra todas sus sesiones.") { who };
        deactivate.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            if (!await database.Services.GetRequiredService<OperatorAccounts>().DeactivateAsync(parse.GetValue(who)!, ct))
                throw new CliException($"No hay ningún operador activo con el correo {parse.GetValue(who)}.");
            console.MarkupLineInterpolated($"operador desactivado: {parse.GetValue(who)}");
            return 0;
        }, ct));
        return new Command("operators", "Operadores de la plataforma (rol platform-admin, sin empresa).") { add, list, deactivate };
    }

    private static string Password(IAnsiConsole console, TextReader? input)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (input is null && !Console.IsInputRedirected && console.Profile.Capabilities.Interactive)
            return console.Prompt(new TextPrompt<string>("Contraseña del operador:").Secret());
        var line = (input ?? Console.In).ReadLine();
        return string.IsNullOrEmpty(line) ? throw new CliException($"Falta la contraseña: usa {PasswordVariable} o escríbela en stdin.") : line;
    }
}
