using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

public sealed class MoveConcurrencyTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Two_moves_with_the_same_if_match_leave_exactly_one_412()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var first = api.Client.WithBearer(owner);
        using var second = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(first);
        var customer = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId);
        var (contacted, proposal) = (SalesTeam.StageId(pipeline, "Contactado"), SalesTeam.StageId(pipeline, "Propuesta"));

        for (var round = 0; round < 10; round++)
        {
            var id = await SalesTeam.OpenAsync(first, pipeline.GetProperty("pipelineId").GetGuid(), customer);
            var moves = await Task.WhenAll(
                SalesTeam.SendAsync(first, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = contacted }, "\"1\""),
                SalesTeam.SendAsync(second, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = proposal }, "\"1\""));

            moves.Select(m => m.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], $"round {round}");
            var winner = moves.Single(m => m.StatusCode == HttpStatusCode.OK);
            winner.Headers.ETag!.Tag.Should().Be("\"2\"");
            var stored = await TestAccounts.ReadJsonAsync(await first.GetAsync(new Uri($"/api/opportunities/{id}", UriKind.Relative)));
            stored.GetProperty("stageId").GetGuid().Should().Be(moves[0] == winner ? contacted : proposal);
            foreach (var move in moves) move.Dispose();
        }
        (await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1 and type = 'pipeline.opportunity-moved.v1'", owner.TenantId))
            .Should().Be(10);
    }
}
