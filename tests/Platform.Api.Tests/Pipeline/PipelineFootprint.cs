using Npgsql;

namespace Platform.Api.Tests.Pipeline;

/// <summary>Tenant A's sales side for the cross-tenant tests: its pipeline, a stage, a customer, an opportunity and an activity.</summary>
internal static class PipelineFootprint
{
    public static async Task<IReadOnlyList<string>> CreateAsync(HttpClient owner, NpgsqlDataSource system, Guid tenantId)
    {
        var pipeline = await SalesTeam.SeededPipelineAsync(owner);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var customer = await SalesTeam.CreateCustomerAsync(system, tenantId);
        var opportunity = await SalesTeam.OpenAsync(owner, pipelineId, customer);
        using var activity = await SalesTeam.SendAsync(owner, HttpMethod.Post, $"/api/opportunities/{opportunity}/activities",
            new { type = "call", subject = "Llamar", dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        var activityId = (await Auth.TestAccounts.ReadJsonAsync(activity)).GetProperty("itemId").GetGuid();
        return [pipelineId.ToString(), SalesTeam.StageId(pipeline, "Nuevo").ToString(), customer.ToString(), opportunity.ToString(), activityId.ToString()];
    }
}
