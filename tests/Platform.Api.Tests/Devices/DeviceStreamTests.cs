using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using static Platform.Api.Tests.Devices.TelemetrySamples;

namespace Platform.Api.Tests.Devices;

/// <summary>GET /api/devices/stream over real HTTP while readings are posted through the device fallback.</summary>
public sealed class DeviceStreamTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string Reading = "devices.reading-recorded.v1";

    [Fact]
    public async Task Readings_arrive_in_order_and_a_reconnect_with_Last_Event_ID_resumes_after_it()
    {
        var (client, device) = await DeviceAsync();
        List<SseEvent> first;
        await using (var stream = await SseClient.OpenAsync(client))
        {
            stream.Response.StatusCode.Should().Be(HttpStatusCode.OK);
            stream.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
            for (var seq = 1; seq <= 3; seq++) await SendAsync(api.Client, device, 1, seq, Base.AddSeconds(seq), ("temperature", seq, "C"));
            first = [await stream.NextAsync(), await stream.NextAsync(), await stream.NextAsync()];
        }
        first.Select(e => e.Type).Should().AllBe(Reading);
        first.Select(Seq).Should().Equal(1, 2, 3);
        first.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        var envelope = JsonDocument.Parse(first[0].Data).RootElement;
        envelope.GetProperty("position").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(first[0].Id);
        envelope.GetProperty("streamId").GetString().Should().Be($"device-{device.DeviceId:D}");
        envelope.GetProperty("data").GetProperty("values").GetProperty("temperature").GetDecimal().Should().Be(1);

        // Sent while nobody listens: a client resuming from seq 2's id gets 3, 4 and 5, nothing else.
        for (var seq = 4; seq <= 5; seq++) await SendAsync(api.Client, device, 1, seq, Base.AddSeconds(seq), ("temperature", seq, "C"));
        await using (var resumed = await SseClient.OpenAsync(client, first[1].Id))
        {
            var again = new[] { await resumed.NextAsync(), await resumed.NextAsync(), await resumed.NextAsync() };
            again.Select(Seq).Should().Equal(3, 4, 5);
            again[0].Id.Should().Be(first[2].Id);
        }
        client.Dispose();
    }

    [Fact]
    public async Task A_new_stream_starts_after_what_committed_before_it_opened_even_behind_a_running_transaction()
    {
        // A transaction with an id holds every reader's fence below what commits after it begins.
        await using var blocker = await api.Database.DataSource.OpenConnectionAsync();
        await using var open = await blocker.BeginTransactionAsync();
        await using (var xid = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", blocker, open)) await xid.ExecuteScalarAsync();
        var (client, device) = await DeviceAsync();
        await SendAsync(api.Client, device, 1, 1, Base, ("temperature", 1, "C"));

        await using var stream = await SseClient.OpenAsync(client);
        await SendAsync(api.Client, device, 1, 2, Base.AddSeconds(1), ("temperature", 2, "C"));
        await open.CommitAsync();

        var e = await stream.NextAsync();
        e.Type.Should().Be(Reading, "the registration committed before the stream opened");
        Seq(e).Should().Be(2, "so did seq 1");
        client.Dispose();
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_device_events()
    {
        var (mine, myDevice) = await DeviceAsync();
        var (theirs, theirDevice) = await DeviceAsync();
        await using var stream = await SseClient.OpenAsync(mine);

        await SendAsync(api.Client, theirDevice, 1, 1, Base, ("temperature", 99, "C"));
        await SendAsync(api.Client, myDevice, 1, 1, Base, ("temperature", 7, "C"));

        var e = await stream.NextAsync();
        JsonDocument.Parse(e.Data).RootElement.GetProperty("streamId").GetString().Should().Be($"device-{myDevice.DeviceId:D}");
        Seq(e).Should().Be(1);
        mine.Dispose();
        theirs.Dispose();
    }

    [Fact]
    public async Task Registry_changes_are_in_the_feed_too()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        await using var stream = await SseClient.OpenAsync(client);

        var device = await DeviceSamples.RegisterAsync(client);

        var e = await stream.NextAsync();
        e.Type.Should().Be("devices.device-registered.v1");
        JsonDocument.Parse(e.Data).RootElement.GetProperty("data").GetProperty("deviceId").GetGuid().Should().Be(device.DeviceId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("999999999999")]
    public async Task A_Last_Event_ID_that_is_not_one_of_the_tenants_events_is_refused(string lastEventId)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/devices/stream", UriKind.Relative));
        request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("Last-Event-ID");
    }

    [Fact]
    public async Task Another_tenants_event_id_does_not_resume_anything()
    {
        var (theirs, theirDevice) = await DeviceAsync();
        await using (var stream = await SseClient.OpenAsync(theirs))
        {
            await SendAsync(api.Client, theirDevice, 1, 1, Base, ("temperature", 1, "C"));
            var theirEvent = await stream.NextAsync();
            var owner = await TestAccounts.RegisterTenantAsync(api.Client);
            using var mine = api.Client.WithBearer(owner);
            await using var resumed = await SseClient.OpenAsync(mine, theirEvent.Id);
            resumed.Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        theirs.Dispose();
    }

    [Fact]
    public async Task A_quiet_stream_sends_a_comment_line_every_15_seconds()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        await using var stream = await SseClient.OpenAsync(client);

        var (comment, after) = await stream.NextCommentAsync(TimeSpan.FromSeconds(25));

        comment.Should().StartWith(":");
        after.Should().BeGreaterThan(TimeSpan.FromSeconds(13)).And.BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_open_stream_ends_when_the_host_stops()
    {
        var host = await api.StartHostAsync();
        var owner = await TestAccounts.RegisterTenantAsync(host.Client);
        using var client = host.Client.WithBearer(owner);
        await using var stream = await SseClient.OpenAsync(client);
        stream.Response.StatusCode.Should().Be(HttpStatusCode.OK);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.StopAsync();
        await host.DisposeAsync();

        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the stream does not hold the host up until its shutdown timeout");
        await FluentActions.Awaiting(() => stream.NextAsync(TimeSpan.FromSeconds(5))).Should().ThrowAsync<Exception>("the stream has ended");
    }

    [Fact]
    public async Task Signed_out_callers_get_no_stream()
    {
        using var response = await api.Client.GetAsync(new Uri("/api/devices/stream", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<(HttpClient Client, TestDevice Device)> DeviceAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var client = api.Client.WithBearer(owner);
        return (client, await DeviceSamples.RegisterAsync(client));
    }

    private static long Seq(SseEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("data").GetProperty("seq").GetInt64();
}
