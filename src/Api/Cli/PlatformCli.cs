using System.CommandLine;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary>
/// The platform's command-line tool, run by the host's own binary when its first argument is a verb:
/// <c>./platform verify --tenant demo</c>. Works on the database the host would use (--connection,
/// ConnectionStrings__Platform, or the embedded cluster under .data/, adopted if the host runs).
/// </summary>
public static class PlatformCli
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "replay", "verify", "export", "import", "forget", "projections", "operators", "cli" };

    public static bool Handles(IReadOnlyList<string> args) => args is [var first, ..] && Verbs.Contains(first);

    /// <summary>Runs one command; <paramref name="output"/> replaces the console (tests read it), and an input stdin.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter? output = null, CancellationToken ct = default) =>
        RunAsync(args, output, null, ct);

    /// <inheritdoc cref="RunAsync(IReadOnlyList{string}, TextWriter?, CancellationToken)"/>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter? output, TextReader? input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = output is null
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        // A file or a pipe has no width: keep table rows whole instead of wrapping them at 80 columns.
        if (output is not null || Console.IsOutputRedirected) console.Profile.Width = 240;
        var root = new RootCommand("Platform: historia, cadena de hashes, exportación e importación, proyecciones.");
        root.Options.Add(CliOptions.Connection);
        root.Options.Add(CliOptions.DataDirectory);
        root.Subcommands.Add(ReplayCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(TransferCommands.Export(console));
        root.Subcommands.Add(TransferCommands.Import(console));
        root.Subcommands.Add(ForgetCommand.Create(console));
        root.Subcommands.Add(ProjectionCommands.Create(console));
        root.Subcommands.Add(OperatorCommands.Create(console, input));
        var parsed = root.Parse(args is [_, ..] && args[0] == "cli" ? [.. args.Skip(1)] : args);
        var invocation = new InvocationConfiguration { Output = output ?? Console.Out, Error = output ?? Console.Error };
        return await parsed.InvokeAsync(invocation, ct);
    }

    /// <summary>Runs <paramref name="action"/> on the command's database; refusals and broken inputs are printed, not thrown.</summary>
    internal static async Task<int> OnDatabaseAsync(
        IAnsiConsole console, ParseResult parse, Func<CliDatabase, Task<int>> action, CancellationToken ct)
    {
        try
        {
            await using var database = await CliDatabase.OpenAsync(parse, ct);
            return await action(database);
        }
        catch (CliException error)
        {
            console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            return 1;
        }
        catch (Write.Audit.TenantTransferException error)
        {
            console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            return 1;
        }
    }
}

/// <summary>An operator's mistake (unknown tenant, missing file): printed, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

internal static class CliOptions
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Cadena de conexión de PostgreSQL (por defecto ConnectionStrings__Platform, o el clúster embebido en .data/).",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectory = new("--data-directory")
    {
        Description = "Carpeta de datos del modo embebido (por defecto Platform__DataDirectory o .data).",
        Recursive = true,
    };

    public static Option<string> Tenant() => new("--tenant", "-t")
    {
        Description = "La empresa: su id o su slug.",
        Required = true,
    };
}
