using Platform.Api.Public;

namespace Platform.Api.Panel.Charts;

/// <summary>One series of a bar chart: a key for machines (data-series), a name for people, one figure (or none) per category.</summary>
internal sealed record BarSeries(string Key, string Name, IReadOnlyList<Datum?> Values);

/// <summary>Vertical bars grouped by category, one bar per series, on a value axis starting at zero.</summary>
internal static class BarChart
{
    private const double Width = 640, Height = 300, Left = 72, Right = 12, Top = 14, Bottom = 250;

    public static Markup Render(string id, string title, string description, IReadOnlyList<ChartKey> categories,
        IReadOnlyList<BarSeries> series, Func<double, string> axis, Func<double, double>? scale = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var max = (scale ?? Svg.NiceMax)(series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value.Plot).DefaultIfEmpty(0).Max());
        var group = (Width - Left - Right) / Math.Max(1, categories.Count);
        var bar = group * 0.8 / Math.Max(1, series.Count);
        var marks = new List<Markup>();
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + group * c + group * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                if (c >= series[s].Values.Count || series[s].Values[c] is not { } datum) continue;
                var height = (Bottom - Top) * Math.Max(0, datum.Plot) / max;
                var geometry = $"x=\"{Svg.N(x0 + bar * s)}\" y=\"{Svg.N(Bottom - height)}\" width=\"{Svg.N(Math.Max(1, bar - 2))}\" height=\"{Svg.N(height)}\"";
                marks.Add(Svg.Mark("rect", geometry, Svg.Palette[s % Svg.Palette.Length], series[s].Key, categories[c], datum));
            }
            marks.Add(Html.Of($"""<text x="{Svg.N(Left + group * (c + 0.5))}" y="{Svg.N(Bottom + 18)}" text-anchor="middle" fill="#1f2933">{Svg.Short(categories[c].Label, categories.Count > 6 ? 8 : 16)}</text>"""));
        }
        var content = Html.Of($"""
            {Svg.ValueAxis(Left, Width - Right, Top, Bottom, max, axis)}
            <line x1="{Svg.N(Left)}" x2="{Svg.N(Width - Right)}" y1="{Svg.N(Bottom)}" y2="{Svg.N(Bottom)}" stroke="#52606d"/>
            {marks}
            """);
        return Svg.Frame(id, Width, Height, title, description, content);
    }
}
