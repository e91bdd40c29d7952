using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Projections.Daemon;

/// <summary>
/// Names derived from a projection's name, version and generation. Read tables carry the version
/// (<c>counter_totals_v1</c>) so version N+1 can be built beside version N; an operator's rebuild of
/// the same version is a further generation (<c>counter_totals_v1_r2</c>). Readers use views named
/// by the bare table name (<c>counter_totals</c>), which point at the generation that serves.
/// </summary>
public static partial class ProjectionIdentity
{
    // PostgreSQL silently cuts identifiers at 63 bytes; two generations could otherwise meet in one table.
    private const int MaxIdentifier = 63;

    /// <summary>The versioned identity: <c>counter-totals.v1</c>.</summary>
    public static string Of(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Of(projection.Name, projection.Version);
    }

    public static string Of(string name, int version) => Of(name, version, 1);

    /// <summary>
    /// A generation's identity, which is also its checkpoint's: the first generation keeps the plain
    /// versioned identity (<c>counter-totals.v1</c>), later ones add it (<c>counter-totals.v1.r2</c>).
    /// </summary>
    public static string Of(string name, int version, int generation)
    {
        if (name is null || !NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a kebab-case projection name such as 'counter-totals'.", nameof(name));
        CheckNumbers(version, generation);
        return generation == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}.r{generation}");
    }

    /// <summary>The versioned table name of the first generation: <c>counter_totals_v1</c>.</summary>
    public static string Table(string baseName, int version) => Table(baseName, version, 1);

    /// <summary>
    /// A generation's table name: <c>counter_totals_v1</c>, <c>counter_totals_v1_r2</c>. Only lower-case
    /// letters, digits and underscores pass, so the result can be written into SQL text safely.
    /// </summary>
    public static string Table(string baseName, int version, int generation)
    {
        View(baseName);
        CheckNumbers(version, generation);
        var table = generation == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{baseName}_v{version}")
            : string.Create(CultureInfo.InvariantCulture, $"{baseName}_v{version}_r{generation}");
        return table.Length <= MaxIdentifier
            ? table
            : throw new ArgumentException($"'{table}' is longer than {MaxIdentifier} characters.", nameof(baseName));
    }

    /// <summary>
    /// The view readers query, which is the base name itself once checked. A base name that already
    /// ends like a generation suffix (<c>totals_v2</c>) is refused: its view could be another's table.
    /// </summary>
    public static string View(string baseName)
    {
        if (baseName is null || !TablePattern().IsMatch(baseName) || GenerationSuffix().IsMatch(baseName))
            throw new ArgumentException($"'{baseName}' is not a snake_case table name such as 'counter_totals'.", nameof(baseName));
        return baseName.Length <= MaxIdentifier
            ? baseName
            : throw new ArgumentException($"'{baseName}' is longer than {MaxIdentifier} characters.", nameof(baseName));
    }

    private static void CheckNumbers(int version, int generation)
    {
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), version, "A projection version is 1 or more.");
        if (generation < 1) throw new ArgumentOutOfRangeException(nameof(generation), generation, "A generation is 1 or more.");
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex TablePattern();

    [GeneratedRegex("_[vr][0-9]+$")]
    private static partial Regex GenerationSuffix();
}
