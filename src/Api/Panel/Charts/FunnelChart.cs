using Platform.Api.Public;

namespace Platform.Api.Panel.Charts;

/// <summary>One step of a funnel: how many entered it, moved on from it and were lost from it.</summary>
internal sealed record FunnelStep(ChartKey Stage, Datum Entered, Datum Advanced, Datum Lost);

/// <summary>
/// A funnel drawn as centered bars, one row per step in order: the wide bar is what entered, under it what moved on
/// and what was lost, all on one scale, so the narrowing from step to step is what the eye sees.
/// </summary>
internal static class FunnelChart
{
    private const double Width = 640, LabelWidth = 150, Right = 12, Row = 54, Top = 8;

    public static readonly (string Key, string Name)[] Series = [("entered", "Entraron"), ("advanced", "Avanzaron"), ("lost", "Perdidas")];

    public static Markup Render(string id, string title, string description, IReadOnlyList<FunnelStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var max = Math.Max(1, steps.SelectMany(s => new[] { s.Entered.Plot, s.Advanced.Plot, s.Lost.Plot }).DefaultIfEmpty(0).Max());
        var span = Width - LabelWidth - Right;
        var center = LabelWidth + span / 2;
        var rows = steps.Select((step, i) =>
        {
            var y = Top + Row * i;
            Datum[] figures = [step.Entered, step.Advanced, step.Lost];
            double[] heights = [20, 9, 9];
            double[] offsets = [0, 22, 33];
            var bars = figures.Select((figure, s) =>
            {
                var width = Math.Max(figure.Plot > 0 ? 2 : 0, span * figure.Plot / max);
                var geometry = $"x=\"{Svg.N(center - width / 2)}\" y=\"{Svg.N(y + offsets[s])}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(heights[s])}\" rx=\"2\"";
                return Svg.Mark("rect", geometry, Svg.Palette[s == 2 ? 3 : s == 1 ? 2 : 0], Series[s].Key, step.Stage, figure);
            });
            return Html.Of($"""
                <text x="{Svg.N(LabelWidth - 8)}" y="{Svg.N(y + 15)}" text-anchor="end" fill="#1f2933" font-weight="600">{Svg.Short(step.Stage.Label, 20)}</text>
                <text x="{Svg.N(LabelWidth - 8)}" y="{Svg.N(y + 31)}" text-anchor="end" fill="#52606d">{step.Entered.Text} · {step.Advanced.Text} · {step.Lost.Text}</text>
                {bars}
                """);
        });
        var height = Top * 2 + Row * Math.Max(1, steps.Count);
        return Svg.Frame(id, Width, height, title, description, Html.Join(rows));
    }
}
