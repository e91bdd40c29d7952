using Platform.Api.Public;

namespace Platform.Api.Panel.Charts;

/// <summary>The figures of a chart as a table, for people who cannot see it and for copying: header row, then one row per category.</summary>
internal sealed record ChartTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A chart's box on the page: heading, legend, the drawing (or a Spanish empty state) and its data table under "Ver datos".</summary>
internal static class ChartSection
{
    /// <param name="legend">Each series' name and its colour's place in <see cref="Svg.Palette"/>.</param>
    /// <param name="chart">The drawing, or null when there is nothing to draw: then <paramref name="empty"/> says so.</param>
    public static Markup Render(string id, string heading, IReadOnlyList<(string Name, int Color)> legend, Markup? chart, ChartTable table, string empty)
    {
        ArgumentNullException.ThrowIfNull(legend);
        ArgumentNullException.ThrowIfNull(table);
        var content = chart is { } drawn ? Html.Of($"{Legend(legend)}{drawn}{Table(table)}") : Html.Of($"<p class=\"empty\">{empty}</p>");
        return Html.Of($"""
            <section class="chart" id="{id}" aria-labelledby="{id}-heading">
            <h2 id="{id}-heading">{heading}</h2>
            {content}
            </section>
            """);
    }

    private static Markup Legend(IReadOnlyList<(string Name, int Color)> legend) => Html.When(legend.Count > 1, () => Html.Of(
        $"<div class=\"legend\">{legend.Select(l => Html.Of($"<span><span class=\"swatch s{l.Color}\"></span>{l.Name}</span>"))}</div>"));

    private static Markup Table(ChartTable table) => Html.Of($"""
        <details class="data"><summary>Ver datos</summary>
        <table><caption>{table.Caption}</caption>
        <thead><tr>{table.Headers.Select(h => Html.Of($"<th scope=\"col\">{h}</th>"))}</tr></thead>
        <tbody>{table.Rows.Select(row => Html.Of($"<tr>{row.Select((cell, i) => i == 0 ? Html.Of($"<th scope=\"row\">{cell}</th>") : Html.Of($"<td>{cell}</td>"))}</tr>"))}</tbody>
        </table>
        </details>
        """);
}
