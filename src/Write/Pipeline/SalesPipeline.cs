using Platform.Write.Domain;

namespace Platform.Write.Pipeline;

public sealed record PipelineState(Guid PipelineId, string Name, bool Archived, IReadOnlyList<PipelineStage> Stages)
{
    public PipelineStage? Stage(Guid stageId) => Stages.FirstOrDefault(s => s.StageId == stageId);

    public PipelineStage Won => Stages.Single(s => s.Kind == StageKind.Won);

    public PipelineStage Lost => Stages.Single(s => s.Kind == StageKind.Lost);

    public PipelineStage FirstOpen => Stages.First(s => s.Kind == StageKind.Open);
}

/// <summary>
/// A sales pipeline: its ordered stages, exactly one won and one lost among them. Its state is the
/// fold of its stream; decisions are pure (the handler counts the opportunities a change would strand).
/// </summary>
public static class SalesPipeline
{
    public const int MaxStages = 20;

    public abstract record Command;

    public sealed record Create(Guid PipelineId, string Name, IReadOnlyList<PipelineStage> Stages) : Command;

    public sealed record Rename(string Name) : Command;

    /// <summary><paramref name="OpenOpportunities"/>: how many open opportunities the pipeline holds now.</summary>
    public sealed record Archive(long OpenOpportunities) : Command;

    /// <summary>Without <paramref name="Order"/> the stage goes right before the first won or lost stage.</summary>
    public sealed record AddStage(PipelineStage Stage, int? Order) : Command;

    public sealed record ChangeStage(PipelineStage Stage) : Command;

    public sealed record ReorderStages(IReadOnlyList<Guid> StageIds) : Command;

    /// <summary><paramref name="OpenOpportunities"/>: how many open opportunities sit in the stage now.</summary>
    public sealed record RemoveStage(Guid StageId, long OpenOpportunities) : Command;

    public static PipelineState? Evolve(PipelineState? state, object @event) => (state, @event) switch
    {
        (null, PipelineCreated c) => new PipelineState(c.PipelineId, c.Name, false, c.Stages),
        ({ } s, PipelineRenamed r) => s with { Name = r.Name },
        ({ } s, PipelineArchived) => s with { Archived = true },
        ({ } s, PipelineStageAdded a) => s with { Stages = [.. s.Stages.Take(a.Order - 1), a.Stage, .. s.Stages.Skip(a.Order - 1)] },
        ({ } s, PipelineStageChanged c) => s with { Stages = [.. s.Stages.Select(x => x.StageId == c.Stage.StageId ? c.Stage : x)] },
        ({ } s, PipelineStagesReordered r) => s with { Stages = [.. r.StageIds.Select(id => s.Stage(id)!)] },
        ({ } s, PipelineStageRemoved r) => s with { Stages = [.. s.Stages.Where(x => x.StageId != r.StageId)] },
        _ => state,
    };

    public static PipelineState? Fold(IEnumerable<object> events) => events.Aggregate((PipelineState?)null, Evolve);

    public static IReadOnlyList<object> Decide(PipelineState? state, Command command) => command switch
    {
        Create c => state is null ? DecideCreate(c) : throw new ConflictException("pipeline-exists", "El embudo ya existe."),
        Rename c => Active(state).Name == c.Name ? [] : [new PipelineRenamed(state!.PipelineId, c.Name)],
        Archive c => DecideArchive(state ?? throw new NotFoundException("el embudo"), c),
        AddStage c => DecideAdd(Active(state), c),
        ChangeStage c => DecideChange(Active(state), c),
        ReorderStages c => DecideReorder(Active(state), c),
        RemoveStage c => DecideRemove(Active(state), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a pipeline command."),
    };

    private static IReadOnlyList<object> DecideCreate(Create c)
    {
        if (c.Stages.Count(s => s.Kind == StageKind.Won) != 1 || c.Stages.Count(s => s.Kind == StageKind.Lost) != 1)
            throw new DomainException("won-lost-stages", "Un embudo tiene exactamente una etapa de ganado y una de perdido.");
        if (!c.Stages.Any(s => s.Kind == StageKind.Open))
            throw new DomainException("no-open-stage", "Un embudo necesita al menos una etapa abierta.");
        if (c.Stages.Count > MaxStages) throw TooManyStages();
        foreach (var stage in c.Stages) EnsureClosedStageOdds(stage);
        if (c.Stages.Select(s => s.Name.ToUpperInvariant()).Distinct().Count() != c.Stages.Count) throw NameTaken();
        return [new PipelineCreated(c.PipelineId, c.Name, c.Stages)];
    }

    private static IReadOnlyList<object> DecideArchive(PipelineState state, Archive c)
    {
        if (state.Archived) return [];
        if (c.OpenOpportunities > 0)
            throw Counted(new ConflictException("pipeline-in-use", "El embudo tiene oportunidades abiertas; ciérralas o muévelas antes de archivarlo."), c.OpenOpportunities);
        return [new PipelineArchived(state.PipelineId)];
    }

    private static IReadOnlyList<object> DecideAdd(PipelineState state, AddStage c)
    {
        if (c.Stage.Kind != StageKind.Open)
            throw new DomainException("closed-stage", "Las etapas de ganado y perdido ya existen; solo se agregan etapas abiertas.");
        if (state.Stages.Count >= MaxStages) throw TooManyStages();
        if (state.Stages.Any(s => s.StageId != c.Stage.StageId && SameName(s, c.Stage))) throw NameTaken();
        var order = c.Order ?? state.Stages.TakeWhile(s => s.Kind == StageKind.Open).Count() + 1;
        if (order < 1 || order > state.Stages.Count + 1)
            throw new DomainException("stage-order", $"El orden va de 1 a {state.Stages.Count + 1}.");
        return [new PipelineStageAdded(state.PipelineId, c.Stage, order)];
    }

    private static IReadOnlyList<object> DecideChange(PipelineState state, ChangeStage c)
    {
        var current = state.Stage(c.Stage.StageId) ?? throw new NotFoundException("la etapa");
        var changed = c.Stage with { Kind = current.Kind };
        EnsureClosedStageOdds(changed);
        if (state.Stages.Any(s => s.StageId != changed.StageId && SameName(s, changed))) throw NameTaken();
        return changed == current ? [] : [new PipelineStageChanged(state.PipelineId, changed)];
    }

    private static IReadOnlyList<object> DecideReorder(PipelineState state, ReorderStages c)
    {
        if (c.StageIds.Count != state.Stages.Count || c.StageIds.Distinct().Count() != c.StageIds.Count || c.StageIds.Any(id => state.Stage(id) is null))
            throw new DomainException("stage-order", "Envía cada etapa del embudo exactamente una vez, en el orden nuevo.");
        return c.StageIds.SequenceEqual(state.Stages.Select(s => s.StageId)) ? [] : [new PipelineStagesReordered(state.PipelineId, c.StageIds)];
    }

    private static IReadOnlyList<object> DecideRemove(PipelineState state, RemoveStage c)
    {
        var stage = state.Stage(c.StageId) ?? throw new NotFoundException("la etapa");
        if (stage.Kind != StageKind.Open) throw new DomainException("closed-stage", "Las etapas de ganado y perdido no se eliminan.");
        if (state.Stages.Count(s => s.Kind == StageKind.Open) == 1)
            throw new DomainException("no-open-stage", "Un embudo necesita al menos una etapa abierta.");
        if (c.OpenOpportunities > 0)
            throw Counted(new ConflictException("stage-in-use", "La etapa tiene oportunidades abiertas; muévelas antes de eliminarla."), c.OpenOpportunities);
        return [new PipelineStageRemoved(state.PipelineId, stage.StageId)];
    }

    private static PipelineState Active(PipelineState? state)
    {
        if (state is null) throw new NotFoundException("el embudo");
        if (state.Archived) throw new ConflictException("pipeline-archived", "El embudo está archivado.");
        return state;
    }

    /// <summary>A won stage counts fully and a lost one not at all in the weighted value.</summary>
    private static void EnsureClosedStageOdds(PipelineStage stage)
    {
        if (stage.Kind == StageKind.Won && stage.Probability != 100 || stage.Kind == StageKind.Lost && stage.Probability != 0)
            throw new DomainException("closed-stage-probability", "La etapa de ganado tiene probabilidad 100 y la de perdido 0.");
    }

    private static bool SameName(PipelineStage a, PipelineStage b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static ConflictException NameTaken() => new("stage-name-taken", "Ya hay una etapa con ese nombre en el embudo.");

    private static DomainException TooManyStages() => new("too-many-stages", $"Un embudo tiene hasta {MaxStages} etapas.");

    private static DomainException Counted(DomainException error, long count)
    {
        error.Details["openOpportunities"] = count;
        return error;
    }
}
