namespace Platform.Projections.Analytics;

/// <summary>A lead's row of analytics_leads, held in memory while a batch applies.</summary>
internal sealed class LeadFacts(Guid tenantId, Guid leadId, string source, DateOnly createdDay)
{
    public Guid TenantId { get; } = tenantId;
    public Guid LeadId { get; } = leadId;
    public string Source { get; } = source;
    public DateOnly CreatedDay { get; } = createdDay;
    public Guid? AssignedId { get; set; }
    public Guid? ResponderId { get; set; }
    public long? ResponseSeconds { get; set; }
    public DateOnly? ResponseDay { get; set; }
    public DateOnly? ConvertedDay { get; set; }
    public Guid? OpportunityId { get; set; }
    public Guid? PipelineId { get; set; }
    public string? Outcome { get; set; }
    public decimal? WonAmount { get; set; }
    public string? Currency { get; set; }

    /// <summary>The lead follows the opportunity it became: its pipeline and how it stands now.</summary>
    public void Follow(OpportunityFacts opportunity)
    {
        (PipelineId, Outcome, WonAmount, Currency) = (opportunity.PipelineId, opportunity.Status, opportunity.WonAmount, opportunity.Currency);
    }
}

/// <summary>An opportunity's row of analytics_opportunities, with its current stay in a stage.</summary>
internal sealed class OpportunityFacts(Guid tenantId, Guid opportunityId, Guid? leadId, Guid pipelineId, string source, DateOnly openedDay)
{
    public Guid TenantId { get; } = tenantId;
    public Guid OpportunityId { get; } = opportunityId;
    public Guid? LeadId { get; } = leadId;
    public Guid PipelineId { get; } = pipelineId;
    public string Source { get; } = source;
    public DateOnly OpenedDay { get; } = openedDay;
    public Guid OwnerId { get; set; }
    public string Status { get; set; } = "open";
    public decimal? WonAmount { get; set; }
    public string? Currency { get; set; }
    public int StaySeq { get; set; }
    public Guid StageId { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }
    public DateOnly StageEnteredDay { get; set; }

    /// <summary>The current stay as a row: the one in memory when this batch opened it, otherwise rebuilt from the opportunity.</summary>
    public StageStay CurrentStay() =>
        new(TenantId, OpportunityId, StaySeq, StageId, PipelineId, Source, StageEnteredAt, StageEnteredDay) { OwnerId = OwnerId };
}

/// <summary>One stay of an opportunity in a stage: analytics_stage_stays.</summary>
internal sealed class StageStay(
    Guid tenantId, Guid opportunityId, int seq, Guid stageId, Guid pipelineId, string source, DateTimeOffset enteredAt, DateOnly enteredDay)
{
    public Guid TenantId { get; } = tenantId;
    public Guid OpportunityId { get; } = opportunityId;
    public int Seq { get; } = seq;
    public Guid StageId { get; } = stageId;
    public Guid PipelineId { get; } = pipelineId;
    public string Source { get; } = source;
    public DateTimeOffset EnteredAt { get; } = enteredAt;
    public DateOnly EnteredDay { get; } = enteredDay;
    public Guid OwnerId { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public DateOnly? LeftDay { get; set; }
    public string? Outcome { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? Reason { get; set; }
}
