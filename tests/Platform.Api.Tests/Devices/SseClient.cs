using System.Net.Http.Headers;
using System.Text;

namespace Platform.Api.Tests.Devices;

/// <summary>One Server-Sent Event as a client parses it.</summary>
internal sealed record SseEvent(string? Id, string? Type, string Data);

/// <summary>Reads a text/event-stream response over HTTP, the way a browser's EventSource does.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private SseClient(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => response;

    /// <summary>Comment lines seen so far (heartbeats).</summary>
    public List<string> Comments { get; } = [];

    public static async Task<SseClient> OpenAsync(HttpClient signedIn, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/devices/stream", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await signedIn.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseClient(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event (not a comment, not a bare retry field), or a timeout.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? DeviceMqtt.Patience);
        string? id = null, type = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0 || type is not null) return new SseEvent(id, type, data.ToString());
                continue;
            }
            if (line.StartsWith(':')) Comments.Add(line);
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line[6..]);
        }
    }

    /// <summary>Reads until a comment line; returns it and how long that took.</summary>
    public async Task<(string Comment, TimeSpan After)> NextCommentAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.StartsWith(':')) return (line, clock.Elapsed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        await Task.CompletedTask;
    }
}
