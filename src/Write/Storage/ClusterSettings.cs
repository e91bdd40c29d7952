using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Write.Storage;

/// <summary>Renders platform.conf, which postgresql.conf includes last.</summary>
internal static partial class ClusterSettings
{
    public static string Render(int port, LocalPostgresOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // TCP on loopback only; no Unix socket, so socket path length and ownership never matter.
            ["listen_addresses"] = "127.0.0.1",
            ["port"] = port.ToString(CultureInfo.InvariantCulture),
            ["unix_socket_directories"] = "",
            ["max_connections"] = "200",
            // Readers wait for transactions older than theirs; an abandoned one must not stall them.
            ["idle_in_transaction_session_timeout"] = "60s",
            ["synchronous_commit"] = "on",
            ["log_line_prefix"] = "%m [%p] %q%u@%d ",
        };
        if (!options.Durable)
        {
            settings["fsync"] = "off";
            settings["full_page_writes"] = "off";
        }

        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        var text = new StringBuilder("# Written by Platform's LocalPostgres on every start; edits here are lost.\n");
        foreach (var (name, value) in settings)
        {
            if (!SettingName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a PostgreSQL setting name.", nameof(options));
            }

            text.Append(CultureInfo.InvariantCulture, $"{name} = '{value.Replace("'", "''", StringComparison.Ordinal)}'\n");
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex SettingName();
}
