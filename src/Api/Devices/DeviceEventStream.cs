using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Platform.Read.Devices;
using Platform.Write.EventStore;

namespace Platform.Api.Devices;

/// <summary>
/// Writes a tenant's device events as Server-Sent Events until the client goes or the host stops:
/// reads a page after the last event sent, writes it, then waits for an append (in-process or
/// NOTIFY), polling as a fallback. Quiet connections get a comment line every <see cref="Heartbeat"/>
/// so proxies and clients see the stream is alive.
/// </summary>
internal sealed class DeviceEventStream(DeviceEventStream.Source source, CancellationToken stopping) : IResult
{
    public const string ContentType = "text/event-stream";
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private const int PageSize = 200;
    private static readonly TimeSpan MinHeldBackDelay = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxHeldBackDelay = TimeSpan.FromMilliseconds(50);

    public sealed record Source(Guid TenantId, FeedStart Start, DeviceFeedReader Reader, EventNotifier Notifier, TimeSpan PollInterval, TimeProvider Time);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        try
        {
            await RunAsync(response.BodyWriter, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the stream simply ends.
        }
        catch (IOException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(System.IO.Pipelines.PipeWriter body, CancellationToken ct)
    {
        var (tenant, start, reader, notifier, poll, time) = source;
        var mark = start.Mark;
        var seen = start.Seen.ToHashSet();
        Text(body, "retry: 3000\n\n");
        await body.FlushAsync(ct);
        var quietSince = time.GetTimestamp();
        var heldBackDelay = MinHeldBackDelay;
        while (!ct.IsCancellationRequested)
        {
            var generation = notifier.Generation;
            var page = await reader.ReadAsync(tenant, mark, PageSize, ct);
            mark = page.Next;
            if (page.Events.Count > 0)
            {
                foreach (var e in page.Events.Where(e => seen.Count == 0 || !seen.Remove(e.Position))) Event(body, e);
                await body.FlushAsync(ct);
                quietSince = time.GetTimestamp();
                heldBackDelay = MinHeldBackDelay;
                if (page.Events.Count >= PageSize) continue;
            }
            var quiet = time.GetElapsedTime(quietSince);
            if (quiet >= Heartbeat)
            {
                Text(body, ": keep-alive\n\n");
                await body.FlushAsync(ct);
                quietSince = time.GetTimestamp();
                quiet = TimeSpan.Zero;
            }
            if (page.HeldBack)
            {
                // Nobody is told when a running transaction ends: look again soon.
                await notifier.WaitAsync(generation, heldBackDelay, ct);
                heldBackDelay = TimeSpan.FromTicks(Math.Min(heldBackDelay.Ticks * 2, MaxHeldBackDelay.Ticks));
                continue;
            }
            var untilHeartbeat = Heartbeat - quiet;
            await notifier.WaitAsync(generation, poll < untilHeartbeat ? poll : untilHeartbeat, ct);
        }
    }

    /// <summary>id, event and one data line: the stored JSON has no line breaks, and neither does the envelope.</summary>
    private static void Event(IBufferWriter<byte> body, FeedEvent e)
    {
        Text(body, string.Create(CultureInfo.InvariantCulture, $"id: {e.Position}\nevent: {e.Type}\ndata: "));
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteNumber("position", e.Position);
            json.WriteString("streamId", e.StreamId);
            json.WriteString("type", e.Type);
            json.WriteString("recordedAt", e.RecordedAt);
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data, skipInputValidation: true);
            json.WriteEndObject();
        }
        Text(body, "\n\n");
    }

    private static void Text(IBufferWriter<byte> body, string text) => body.Write(Encoding.UTF8.GetBytes(text));
}
