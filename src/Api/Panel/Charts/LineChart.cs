using Platform.Api.Public;

namespace Platform.Api.Panel.Charts;

/// <summary>One point of a line chart: its label on the horizontal axis and its figure.</summary>
internal sealed record LinePoint(ChartKey At, Datum Value);

/// <summary>A line over a shaded area, one dot per point (the data marks), evenly spaced; a few labels along the bottom.</summary>
internal static class LineChart
{
    private const double Width = 640, Height = 280, Left = 56, Right = 16, Top = 14, Bottom = 240;

    public static Markup Render(string id, string title, string description, string series, IReadOnlyList<LinePoint> points, Func<double, string> axis)
    {
        ArgumentNullException.ThrowIfNull(points);
        var max = Svg.NiceMax(points.Select(p => p.Value.Plot).DefaultIfEmpty(0).Max());
        var step = points.Count > 1 ? (Width - Left - Right) / (points.Count - 1) : 0;
        double X(int i) => points.Count > 1 ? Left + step * i : (Left + Width - Right) / 2;
        double Y(Datum d) => Bottom - (Bottom - Top) * Math.Max(0, d.Plot) / max;

        var line = string.Join(' ', points.Select((p, i) => $"{Svg.N(X(i))},{Svg.N(Y(p.Value))}"));
        var area = points.Count == 0 ? "" : $"M{Svg.N(X(0))},{Svg.N(Bottom)} L{line.Replace(" ", " L", StringComparison.Ordinal)} L{Svg.N(X(points.Count - 1))},{Svg.N(Bottom)} Z";
        var radius = points.Count > 120 ? 1.5 : 3;
        var dots = points.Select((p, i) => Svg.Mark("circle", $"cx=\"{Svg.N(X(i))}\" cy=\"{Svg.N(Y(p.Value))}\" r=\"{Svg.N(radius)}\"", Svg.Palette[0], series, p.At, p.Value));
        // About six labels, whatever the period's length.
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        var labels = points.Select((p, i) => (p, i)).Where(t => t.i % every == 0 || t.i == points.Count - 1 && points.Count <= 6)
            .Select(t => Html.Of($"""<text x="{Svg.N(X(t.i))}" y="{Svg.N(Bottom + 18)}" text-anchor="middle" fill="#1f2933">{t.p.At.Label}</text>"""));
        var content = Html.Of($"""
            {Svg.ValueAxis(Left, Width - Right, Top, Bottom, max, axis)}
            <path d="{area}" fill="#0b5cad" fill-opacity="0.15"/>
            <polyline points="{line}" fill="none" stroke="#0b5cad" stroke-width="2"/>
            {dots}
            {labels}
            """);
        return Svg.Frame(id, Width, Height, title, description, content);
    }
}
