using System.Globalization;
using Platform.Api.Public;

namespace Platform.Api.Panel.Charts;

/// <summary>
/// One figure a chart draws: where it is plotted, the exact value a machine reads (data-value) and the text a person reads.
/// </summary>
internal readonly record struct Datum(double Plot, string Raw, string Text)
{
    public static Datum Of(long value) => new(value, PanelFormat.Invariant(value), PanelFormat.Count(value));

    public static Datum Of(decimal value, string text) => new((double)value, PanelFormat.Invariant(value), text);

    public static Datum Of(double value, string text) => new(value, PanelFormat.Invariant(value), text);
}

/// <summary>What a category or point is: a key for machines (a day, a month, an id) and a label for people.</summary>
internal readonly record struct ChartKey(string Key, string Label);

/// <summary>What every chart shares: the frame with its title and description for screen readers, coordinates, the palette, the value axis.</summary>
internal static class Svg
{
    public static readonly string[] Palette = ["#0b5cad", "#f0b429", "#3ebd93", "#ab091e"];

    public static Markup Frame(string id, double width, double height, string title, string description, Markup content) => Html.Of($"""
        <svg id="{id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(width)} {N(height)}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui,sans-serif" font-size="12">
        <title id="{id}-title">{title}</title>
        <desc id="{id}-desc">{description}</desc>
        {content}
        </svg>
        """);

    /// <summary>A number in SVG's syntax: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The attributes and tooltip every data mark carries, so a test (or a person hovering) reads the exact figure.</summary>
    public static Markup Mark(string element, string geometry, string fill, string series, ChartKey key, Datum datum) => Html.Of(
        $"<{new Markup(element)} {new Markup(geometry)} fill=\"{fill}\" class=\"mark\" data-series=\"{series}\" data-key=\"{key.Key}\" data-value=\"{datum.Raw}\"><title>{key.Label}: {datum.Text}</title></{new Markup(element)}>");

    /// <summary>A top of the value axis a little above the largest figure, rounded to 1, 2 or 5 times a power of ten.</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0 || double.IsNaN(max)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(f => f >= max);
        return step;
    }

    private static readonly double[] DurationSteps = [4, 10, 20, 40, 60, 120, 240, 600, 1200, 2400, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 345_600, 604_800];

    /// <summary>A top of a duration axis (seconds) whose quarters read well: 5, 10, 15 minutes rather than 4,2 and 8,3.</summary>
    public static double NiceDuration(double max) =>
        max <= 0 || double.IsNaN(max) ? 4 : DurationSteps.FirstOrDefault(s => s >= max) is > 0 and var step ? step : NiceMax(max / 86_400) * 86_400;

    /// <summary>Horizontal grid lines with their labels at the left, for a plot from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public static Markup ValueAxis(double left, double right, double top, double bottom, double max, Func<double, string> format, int ticks = 4) =>
        Html.Join(Enumerable.Range(0, ticks + 1).Select(i =>
        {
            var value = max * i / ticks;
            var y = bottom - (bottom - top) * i / ticks;
            return Html.Of($"""<line x1="{N(left)}" x2="{N(right)}" y1="{N(y)}" y2="{N(y)}" stroke="#d9e2ec"/><text x="{N(left - 6)}" y="{N(y + 4)}" text-anchor="end" fill="#52606d">{format(value)}</text>""");
        }));

    /// <summary>A label short enough to sit under its bar.</summary>
    public static string Short(string label, int length = 16) => label.Length <= length ? label : label[..(length - 1)] + "…";
}
