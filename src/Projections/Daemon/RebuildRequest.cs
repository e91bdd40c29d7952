namespace Platform.Projections.Daemon;

/// <summary>
/// An operator's request to rebuild a projection's serving version from the first event into a new
/// generation beside it. <see cref="Generation"/> is set when the active instance starts building;
/// <see cref="CompletedAt"/> when it switched to it (<c>switched</c>) or a newer version replaced it
/// first (<c>superseded</c>).
/// </summary>
public sealed record RebuildRequest(
    long Id,
    string Projection,
    int Version,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    int? Generation,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Outcome);
